import { describe, expect, it } from 'vitest';
import { resizeBilinearLoop } from '../../src/lib/ops/bilinear.reference.ts';
import { CONVENTIONS, type Convention } from '../../src/lib/ops/bilinear-coordinates.ts';
import { expectNoAxeViolations, numbersIn, open, openForFile, reach } from './page.ts';

const PATH = '/learn/bilinear-interpolation/';
const FIGURES = ['bilinear-cell', 'bilinear-grid', 'bilinear-centres', 'bilinear-conventions', 'bilinear-photo'];

const opened = await openForFile(PATH);
const { browser, page } = opened;

const tfjsRequests = () => opened.requests.filter((u) => /worker-|\.wasm$|tfjs/.test(u));

describe('the bilinear-interpolation lesson', () => {
  it('renders its math as HTML at build time and ships no KaTeX script', async () => {
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(opened.requests.filter((u) => /katex.*\.js$/.test(u))).toEqual([]);
    expect(opened.requests.every((u) => u.startsWith(new URL(page.url()).origin))).toBe(true);
  });

  it('does not request TensorFlow.js until a figure is scrolled near', async () => {
    await page.waitForLoadState('load');
    await page.waitForTimeout(1500);
    expect(tfjsRequests()).toEqual([]);
    expect(await reach(page, 'bilinear-cell')).toBe('ready');
    expect(tfjsRequests().some((u) => /worker-/.test(u))).toBe(true);
    expect(tfjsRequests().some((u) => /\.wasm$/.test(u))).toBe(true);
  });

  it('draws every figure with no console errors', async () => {
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(opened.errors).toEqual([]);
  });

  describe('the unit cell', () => {
    const weights = async () =>
      (await page.locator('[data-figure="bilinear-cell"] [data-weight]').allTextContents()).map(Number);
    const point = () => page.locator('[data-figure="bilinear-cell"] circle[role="slider"]');
    const position = async () => {
      const text = (await point().getAttribute('aria-valuetext')) ?? '';
      const [fx, fy] = (text.match(/\d+\.\d+/g) ?? []).map(Number);
      return { fx, fy };
    };
    const expectAreaWeights = async (fx: number, fy: number) => {
      const w = await weights();
      const expected = [(1 - fx) * (1 - fy), fx * (1 - fy), (1 - fx) * fy, fx * fy];
      w.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 2));
      expect(w.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 2);
      expect(await numbersIn(page, '[data-weight-sum]')).toEqual([1]);
    };

    it('dragging the point changes the weights, which stay the opposite areas and sum to 1', async () => {
      await reach(page, 'bilinear-cell');
      const before = await weights();
      const box = (await page.locator('[data-cell]').boundingBox())!;
      const at = (fx: number, fy: number) => {
        const scale = box.width / 360;
        return [box.x + (40 + fx * 280) * scale, box.y + (40 + fy * 280) * scale] as const;
      };
      await page.mouse.move(...at(0.3, 0.6));
      await page.mouse.down();
      await page.mouse.move(...at(0.5, 0.4), { steps: 5 });
      await page.mouse.move(...at(0.8, 0.1), { steps: 5 });
      await page.mouse.up();
      await expect.poll(position).toEqual({ fx: 0.8, fy: 0.1 });
      await expect.poll(weights).not.toEqual(before);
      await expectAreaWeights(0.8, 0.1);
      const corners = [10, 20, 30, 40];
      const w = await weights();
      const value = (await numbersIn(page, '[data-value]'))[0];
      expect(value).toBeCloseTo(
        w.reduce((s, v, i) => s + v * corners[i], 0),
        1,
      );
      // The two 1-D steps at fx = 0.8: top = 10 + 10·0.8, bottom = 30 + 10·0.8.
      const edges = await page.locator('[data-figure="bilinear-cell"] svg text').allTextContents();
      expect(edges).toContain('top 18.0');
      expect(edges).toContain('bottom 38.0');
    });

    it('the arrow keys move the point', async () => {
      await point().focus();
      const { fx, fy } = await position();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowDown');
      await expect.poll(position).toEqual({ fx: Number((fx - 0.05).toFixed(2)), fy: Number((fy + 0.05).toFixed(2)) });
      await expectAreaWeights(fx - 0.05, fy + 0.05);
    });
  });

  describe('the grid upsampler', () => {
    const grid = (key: 'tfjs' | 'ours') =>
      page
        .locator(`[data-figure="bilinear-grid"] [data-${key}] text`)
        .allTextContents()
        .then((t) => t.map(Number));
    const pick = async (c: Convention) => {
      await page.locator(`[data-figure="bilinear-grid"] input[value="${c}"]`).check();
    };

    it('the convention switch changes the numbers to the expected ones', async () => {
      await reach(page, 'bilinear-grid');
      const input = Float32Array.from([10, 20, 30, 40]);
      const seen = new Set<string>();
      for (const c of CONVENTIONS) {
        await pick(c);
        const expected = Array.from(resizeBilinearLoop(input, 2, 2, 4, 4, c));
        await expect
          .poll(() => grid('tfjs').then((v) => v.map((x, i) => Math.abs(x - expected[i]) < 0.006)))
          .toEqual(expected.map(() => true));
        expect(await grid('ours')).toEqual(await grid('tfjs'));
        expect((await numbersIn(page, '[data-maxdiff]'))[0]).toBeLessThan(1e-4);
        seen.add((await grid('tfjs')).join());
      }
      expect(seen.size).toBe(3);
    });

    it('3x3 → 9x9 under align corners keeps the nine inputs on every fourth pixel', async () => {
      await page.selectOption('[data-figure="bilinear-grid"] select[data-state="n"]', '3');
      await page.selectOption('[data-figure="bilinear-grid"] select[data-state="scale"]', '3');
      await pick('align-corners');
      const inputs = [10, 20, 30, 40, 50, 60, 70, 80, 90];
      // Polled: a 9x9 grid under the previous convention may be drawn first.
      const onEveryFourth = async () => {
        const out = await grid('tfjs');
        return out.length === 81 ? inputs.map((_, i) => out[Math.floor(i / 3) * 4 * 9 + (i % 3) * 4]) : [];
      };
      await expect.poll(onEveryFourth).toEqual(inputs);
    });

    it('an edited input value reaches the output', async () => {
      const first = page.locator('[data-figure="bilinear-grid"] [data-input] input').first();
      await first.fill('95');
      await expect.poll(async () => (await grid('tfjs'))[0]).toBe(95);
    });

    it('a value beyond what float32 can carry is refused with a message, and the output keeps the last one', async () => {
      const first = page.locator('[data-figure="bilinear-grid"] [data-input] input').first();
      const message = page.locator('[data-figure="bilinear-grid"] [data-values-error]');
      for (const typed of ['1e39', '-2000000', '']) {
        await first.fill(typed);
        await expect.poll(() => message.innerText()).toMatch(typed ? /between -1000000 and 1000000/ : /Type a value/);
        expect(await first.getAttribute('aria-invalid')).toBe('true');
        expect((await grid('tfjs'))[0]).toBe(95);
        expect((await grid('ours')).every(Number.isFinite)).toBe(true);
      }
      await first.fill('1000000');
      await expect.poll(async () => (await grid('tfjs'))[0]).toBe(1e6);
      expect(await message.innerText()).toBe('');
      expect(await first.getAttribute('aria-invalid')).toBeNull();
    });

    it('the TF.js default shift is measured as (s − 1)/2 output pixels at ×2 and ×3', async () => {
      for (const [n, s] of [
        [2, 2],
        [3, 3],
        [4, 3],
      ]) {
        await page.selectOption('[data-figure="bilinear-grid"] select[data-state="n"]', String(n));
        await page.selectOption('[data-figure="bilinear-grid"] select[data-state="scale"]', String(s));
        // n_in → n_out, input pixels, output pixels, then the formula (1 − n_in/n_out)/2
        const shift = () => numbersIn(page, '[data-figure="bilinear-grid"] [data-shift]');
        const inputPx = Number(((1 - 1 / s) / 2).toFixed(2));
        await expect.poll(shift).toEqual([n, n * s, inputPx, (s - 1) / 2, 1, 2, inputPx]);
      }
    });

    it('choosing a custom size starts from the size on screen (state set by code moves its control)', async () => {
      const side = page.locator('[data-figure="bilinear-grid"] input[data-state="side"]');
      await page.selectOption('[data-figure="bilinear-grid"] select[data-state="n"]', '3');
      await page.selectOption('[data-figure="bilinear-grid"] select[data-state="scale"]', '3');
      await expect.poll(async () => (await grid('tfjs')).length).toBe(81);
      expect(await side.isVisible()).toBe(false);
      await page.selectOption('[data-figure="bilinear-grid"] select[data-state="scale"]', 'custom');
      await expect.poll(() => side.inputValue()).toBe('9');
      expect(await side.isVisible()).toBe(true);
      await expect.poll(async () => (await grid('tfjs')).length).toBe(81);
    });

    it('a refused output side keeps the last grid and says why next to the field', async () => {
      const side = page.locator('[data-figure="bilinear-grid"] input[data-state="side"]');
      const error = page.locator('[data-figure="bilinear-grid"] [data-error-for="side"]');
      await side.fill('4');
      await expect.poll(async () => (await grid('tfjs')).length).toBe(16);
      for (const [typed, why] of [
        ['13', /between 1 and 12/],
        ['0', /between 1 and 12/],
        ['', /Type a value/],
        ['2.5', /not a value/],
      ] as const) {
        await side.fill(typed);
        await expect.poll(() => error.innerText()).toMatch(why);
        expect(await side.getAttribute('aria-invalid')).toBe('true');
        expect(await grid('tfjs')).toHaveLength(16);
      }
      await side.fill('6');
      await expect.poll(async () => (await grid('tfjs')).length).toBe(36);
      expect(await error.innerText()).toBe('');
      expect(await side.getAttribute('aria-invalid')).toBeNull();
    });
  });

  describe('the number line of pixel centres', () => {
    const row = (c: Convention) => numbersIn(page, `[data-figure="bilinear-centres"] [data-samples="${c}"]`);
    const formulas: Record<Convention, (d: number, nIn: number, nOut: number) => number> = {
      'half-pixel': (d, nIn, nOut) => ((d + 0.5) * nIn) / nOut - 0.5,
      'align-corners': (d, nIn, nOut) => (d * (nIn - 1)) / (nOut - 1),
      'tfjs-default': (d, nIn, nOut) => (d * nIn) / nOut,
    };
    const expectSamples = async (nIn: number, nOut: number) => {
      for (const c of CONVENTIONS) {
        const xs = Array.from({ length: nOut }, (_, d) => Number(formulas[c](d, nIn, nOut).toFixed(2)));
        const steps = c === 'align-corners' ? (nIn - 1) / (nOut - 1) : nIn / nOut;
        await expect.poll(() => row(c)).toEqual([...xs, Number(steps.toFixed(2))]);
      }
      const shift = (1 - nIn / nOut) / 2;
      expect(await numbersIn(page, '[data-figure="bilinear-centres"] [data-shift]')).toEqual(
        [shift, (shift * nOut) / nIn].map((v) => Number(v.toFixed(2))),
      );
    };

    it('marks where each output samples the input under each convention, 4 → 8 first', async () => {
      expect(await reach(page, 'bilinear-centres')).toBe('ready');
      await expectSamples(4, 8);
      // Hollow dots are clamped samples: half-pixel's first and last, the default's last.
      const hollow = (r: number) =>
        page.locator(`[data-figure="bilinear-centres"] g.row:nth-of-type(${r + 1}) circle[fill="#fff"]`).count();
      expect([await hollow(0), await hollow(1), await hollow(2)]).toEqual([2, 0, 1]);
    });

    it('follows its sliders: the shift is (s − 1)/2 output pixels at ×3, align corners steps by (n_in − 1)/(n_out − 1)', async () => {
      await page.locator('[data-figure="bilinear-centres"] input[data-state="nIn"]').fill('3');
      await page.locator('[data-figure="bilinear-centres"] input[data-state="nOut"]').fill('9');
      await expectSamples(3, 9);
      expect(await numbersIn(page, '[data-figure="bilinear-centres"] [data-shift]')).toEqual([0.33, 1]);
      expect(await numbersIn(page, '[data-figure="bilinear-centres"] [data-ratios]')).toEqual([
        3, 9, 0.333, 1, 1, 0.25,
      ]);
      await page.locator('[data-figure="bilinear-centres"] input[data-state="nOut"]').fill('5');
      await expectSamples(3, 5);
    });
  });

  it('the conventions table shows the docs/sources.md numbers for [10, 20, 30, 40] → 8', async () => {
    await reach(page, 'bilinear-conventions');
    const row = (c: Convention) => numbersIn(page, `[data-row="${c}"]`);
    expect(await row('half-pixel')).toEqual([10, 12.5, 17.5, 22.5, 27.5, 32.5, 37.5, 40]);
    expect(await row('align-corners')).toEqual([10, 14.29, 18.57, 22.86, 27.14, 31.43, 35.71, 40]);
    expect(await row('tfjs-default')).toEqual([10, 15, 20, 25, 30, 35, 40, 40]);
  });

  it('the photo figure draws real pixels: blocks for nearest, ramps for bilinear', async () => {
    await reach(page, 'bilinear-photo');
    const stats = await page.evaluate(() => {
      const read = (key: string) => {
        const c = document.querySelector<HTMLCanvasElement>(`[data-figure="bilinear-photo"] [data-out="${key}"]`)!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const at = (x: number, y: number) => d.slice((y * c.width + x) * 4, (y * c.width + x) * 4 + 3).join();
        const colours = new Set<string>();
        for (let i = 0; i < d.length; i += 4) colours.add(`${d[i]},${d[i + 1]},${d[i + 2]}`);
        return { width: c.width, colours: colours.size, blockSame: at(0, 0) === at(7, 7) && at(8, 8) === at(15, 15) };
      };
      return {
        nearest: read('nearest'),
        half: read('halfPixel'),
        align: read('alignCorners'),
        diff: read('difference'),
      };
    });
    expect(stats.nearest.width).toBe(192);
    expect(stats.nearest.blockSame).toBe(true);
    expect(stats.nearest.colours).toBeLessThanOrEqual(24 * 24);
    expect(stats.half.colours).toBeGreaterThan(stats.nearest.colours);
    expect(stats.align.colours).toBeGreaterThan(stats.nearest.colours);
    expect(stats.diff.colours).toBeGreaterThan(10);
    expect((await numbersIn(page, '[data-diff-max]'))[0]).toBeGreaterThan(0);
  });

  it('has no accessibility violations with every figure drawn', async () => {
    await expectNoAxeViolations(page);
    expect(opened.errors).toEqual([]);
  });
});

describe('settings in the URL', () => {
  it('a linked configuration opens as linked, and changes are written back to the URL', async () => {
    const { page: p, errors } = await open(
      browser,
      `${PATH}?bilinear-grid.n=3&bilinear-grid.convention=half-pixel&bilinear-cell.x=0.9&bilinear-cell.y=0.1`,
    );
    await reach(p, 'bilinear-grid');
    const values = (await p.locator('[data-figure="bilinear-grid"] [data-tfjs] text').allTextContents()).map(Number);
    const expected = resizeBilinearLoop(
      Float32Array.from([10, 20, 30, 40, 50, 60, 70, 80, 90]),
      3,
      3,
      6,
      6,
      'half-pixel',
    );
    expect(values).toHaveLength(36);
    values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 1));
    expect(await p.locator('[data-figure="bilinear-grid"] input[value="half-pixel"]').isChecked()).toBe(true);
    await p.locator('[data-figure="bilinear-grid"] input[value="tfjs-default"]').check();
    await expect.poll(() => new URL(p.url()).searchParams.get('bilinear-grid.convention')).toBe('tfjs-default');
    await p.locator('[data-figure="bilinear-grid"] input[value="align-corners"]').check();
    // The default is left out of the URL.
    await expect.poll(() => new URL(p.url()).searchParams.has('bilinear-grid.convention')).toBe(false);
    await reach(p, 'bilinear-cell');
    expect(await p.locator('[data-figure="bilinear-cell"] circle[role="slider"]').getAttribute('aria-valuetext')).toBe(
      'Sample point at x = 0.90, y = 0.10',
    );
    expect(errors).toEqual([]);
    await p.context().close();
  });
});

describe('the number line on its own', () => {
  it('draws without starting TensorFlow.js when it is the only figure reached', async () => {
    const { page: p, errors, requests } = await open(browser, PATH);
    await p.waitForLoadState('load');
    await p.evaluate(() => {
      for (const f of document.querySelectorAll('[data-figure]:not([data-figure="bilinear-centres"])')) f.remove();
    });
    expect(await reach(p, 'bilinear-centres')).toBe('ready');
    expect(await p.locator('[data-figure="bilinear-centres"] [data-samples="half-pixel"]').innerText()).toContain(
      '-0.25',
    );
    await p.waitForTimeout(500);
    expect(requests.some((u) => /bilinear-centres/.test(u))).toBe(true);
    expect(requests.filter((u) => /worker-|\.wasm$|tfjs/.test(u))).toEqual([]);
    expect(errors).toEqual([]);
    await p.context().close();
  });
});

describe('bad input', () => {
  it('a URL value beyond the limits is clamped, with a note in the figure', async () => {
    const { page: p, errors } = await open(
      browser,
      `${PATH}?bilinear-grid.scale=custom&bilinear-grid.side=99&bilinear-centres.nOut=-3`,
    );
    expect(await reach(p, 'bilinear-grid')).toBe('ready');
    expect(await p.locator('[data-figure="bilinear-grid"] [data-status]').innerText()).toMatch(
      /asked for Output side = 99; this figure shows 12/,
    );
    expect(await p.locator('[data-figure="bilinear-grid"] input[data-state="side"]').inputValue()).toBe('12');
    expect(await p.locator('[data-figure="bilinear-grid"] [data-tfjs] text').count()).toBe(144);
    expect(await reach(p, 'bilinear-centres')).toBe('ready');
    expect(await p.locator('[data-figure="bilinear-centres"] [data-status]').innerText()).toMatch(
      /asked for Output pixels n_out = -3; this figure shows 2/,
    );
    expect(await p.locator('[data-figure="bilinear-centres"] input[data-state="nOut"]').inputValue()).toBe('2');
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('a typed corner value beyond float32-safe limits is refused and the cell keeps its value', async () => {
    await reach(page, 'bilinear-cell');
    const value = () => numbersIn(page, '[data-figure="bilinear-cell"] [data-value]');
    const before = await value();
    const corner = page.locator('[data-figure="bilinear-cell"] [data-corner-value="0"]');
    await corner.fill('1e39');
    await expect
      .poll(() => page.locator('[data-figure="bilinear-cell"] [data-values-error]').innerText())
      .toMatch(/top-left value must be between -1000000 and 1000000/);
    expect(await corner.getAttribute('aria-invalid')).toBe('true');
    expect(await value()).toEqual(before);
    await corner.fill('10');
    await expect.poll(() => page.locator('[data-figure="bilinear-cell"] [data-values-error]').innerText()).toBe('');
  });

  const photoState = async (body: Buffer) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.route('**/samples/chelsea.png', (route) => route.fulfill({ status: 200, contentType: 'image/png', body }));
    await p.goto((await import('vitest')).inject('baseUrl') + PATH);
    const state = await reach(p, 'bilinear-photo');
    const message = await p.locator('[data-figure="bilinear-photo"] [data-status]').innerText();
    const gridState = await reach(p, 'bilinear-grid');
    await context.close();
    return { state, message, gridState, errors };
  };

  it('a corrupt photo gets a clear message and the other figures keep working', async () => {
    const r = await photoState(Buffer.from('definitely not a PNG'));
    expect(r.state).toBe('error');
    expect(r.message).toMatch(/could not compute: The sample photo could not be loaded/);
    expect(r.gridState).toBe('ready');
    expect(r.errors).toEqual([]);
  });

  it('a huge photo is refused with its size in the message', async () => {
    const huge = await page.evaluate(async () => {
      const canvas = new OffscreenCanvas(5000, 4);
      canvas.getContext('2d')!.fillRect(0, 0, 10, 4);
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return Array.from(new Uint8Array(await blob.arrayBuffer()));
    });
    const r = await photoState(Buffer.from(huge));
    expect(r.state).toBe('error');
    expect(r.message).toMatch(/5000x4 is larger than 4096x4096/);
  });
});
