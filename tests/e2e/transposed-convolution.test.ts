import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { resizeBilinearLoop } from '../../src/lib/ops/bilinear.reference.ts';
import { conv2dLoop, type Image, transposedConvLoop } from '../../src/lib/ops/transposed-conv.reference.ts';
import {
  bilinearTapsFormula as bilinearTaps,
  crossClassMax,
  selfTaps,
  shippedUpsampler,
} from '../unit/shipped-upsampler.ts';
import { expectNoAxeViolations, numbersIn, openForFile, reach } from './page.ts';

const PATH = '/learn/transposed-convolution/';
const FIGURES = [
  'transposed-scatter',
  'transposed-matrix',
  'transposed-checkerboard',
  'transposed-bilinear',
  'transposed-learned',
];

const opened = await openForFile(PATH);
const { browser, page } = opened;

const img = (data: ArrayLike<number>, h: number, w = h): Image => ({ data: Float32Array.from(data), h, w });
const gridNumbers = (p: Page, selector: string) =>
  p
    .locator(`${selector} text`)
    .allTextContents()
    .then((t) => t.map(Number));
const expectClose = (actual: number[], expected: ArrayLike<number>, tol: number) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]), `at ${i}`).toBeLessThanOrEqual(tol));
};

// The scatter figure's defaults: x = 1…9, kernel = 2 on the diagonal and 1 elsewhere.
const X = Array.from({ length: 9 }, (_, i) => i + 1);
const diagonalKernel = (k: number) => Array.from({ length: k * k }, (_, i) => (Math.floor(i / k) === i % k ? 2 : 1));

describe('the transposed-convolution lesson', () => {
  it('renders its math at build time, links back to bilinear interpolation, and draws every figure without errors', async () => {
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('a[href="/learn/bilinear-interpolation/"]').count()).toBeGreaterThanOrEqual(2);
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(opened.errors).toEqual([]);
  });

  describe('the scatter view', () => {
    const S = '[data-figure="transposed-scatter"]';

    it('tf.conv2dTranspose matches the loop, the output size formula has the current numbers, stamps sum to it', async () => {
      await reach(page, 'transposed-scatter');
      const expected = transposedConvLoop(img(X, 3), img(diagonalKernel(3), 3), 2, 0);
      expectClose(await gridNumbers(page, `${S} [data-conv]`), expected.data, 0);
      expectClose(await gridNumbers(page, `${S} [data-partial] svg`), expected.data, 0);
      expect(await page.locator(`${S} [data-size]`).innerText()).toBe(
        'o′ = s(i − 1) + k − 2p = 2·(3 − 1) + 3 − 2·0 = 7',
      );
      expect(await page.locator(`${S} [data-maxdiff]`).innerText()).toBe('0');
    });

    it('the step buttons build the output one stamp at a time, by keyboard too', async () => {
      await page.locator(`${S} [data-first]`).click();
      await expect.poll(() => gridNumbers(page, `${S} [data-partial] svg`)).toEqual(new Array(49).fill(0));
      await page.locator(`${S} [data-next]`).focus();
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      // Two stamps: x[0,0]·W at (0, 0) and x[0,1]·W at (0, 2).
      const two = new Float32Array(49);
      diagonalKernel(3).forEach((w, t) => {
        two[Math.floor(t / 3) * 7 + (t % 3)] += 1 * w;
        two[Math.floor(t / 3) * 7 + (t % 3) + 2] += 2 * w;
      });
      await expect.poll(() => gridNumbers(page, `${S} [data-partial] svg`)).toEqual(Array.from(two));
      expect(await page.locator(`${S} [data-step]`).innerText()).toMatch(/^Stamp 2 of 9: input pixel \(1, 2\) = 2/);
      expect(await gridNumbers(page, `${S} [data-stamp]`)).toEqual(diagonalKernel(3).map((w) => 2 * w));
    });

    it('play advances one stamp at a time and pause stops it', async () => {
      const play = page.locator(`${S} [data-play]`);
      const stepText = () => page.locator(`${S} [data-step]`).innerText();
      await play.click();
      expect(await play.getAttribute('aria-pressed')).toBe('true');
      await expect.poll(stepText, { timeout: 10_000 }).toMatch(/^Stamp 2 of 9/);
      await play.click();
      expect(await play.getAttribute('aria-pressed')).toBe('false');
      const paused = await stepText();
      await page.waitForTimeout(1000);
      expect(await stepText()).toBe(paused);
    });

    it('moving a control recomputes to the expected numbers and writes the URL', async () => {
      await page.locator(`${S} [data-state="stride"]`).fill('1');
      await page.locator(`${S} [data-state="p"]`).fill('1');
      const expected = transposedConvLoop(img(X, 3), img(diagonalKernel(3), 3), 1, 1);
      // Polled on the values: the grid of the in-between setting (new stride, old padding) may come first.
      await expect.poll(() => gridNumbers(page, `${S} [data-conv]`)).toEqual(Array.from(expected.data));
      expect(await page.locator(`${S} [data-size]`).innerText()).toBe(
        'o′ = s(i − 1) + k − 2p = 1·(3 − 1) + 3 − 2·1 = 3',
      );
      const written = () => {
        const url = new URL(page.url());
        return [url.searchParams.get('transposed-scatter.stride'), url.searchParams.get('transposed-scatter.p')];
      };
      await expect.poll(written).toEqual(['1', '1']);
    });

    it('an edited input value reaches the output', async () => {
      await page.locator(`${S} [data-input] input`).nth(4).fill('-3');
      const x = [...X];
      x[4] = -3;
      const expected = transposedConvLoop(img(x, 3), img(diagonalKernel(3), 3), 1, 1);
      await expect.poll(() => gridNumbers(page, `${S} [data-conv]`)).toEqual(Array.from(expected.data));
    });

    it('a value beyond float32-safe limits is refused with a message; the figure keeps the last value', async () => {
      const before = await gridNumbers(page, `${S} [data-conv]`);
      const field = page.locator(`${S} [data-input] input`).nth(0);
      await field.fill('1e39');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await expect.poll(() => page.locator(`${S} [data-values-error]`).innerText()).toMatch(/between/);
      await field.fill('');
      expect(await field.getAttribute('aria-invalid')).toBe('true');
      await page.waitForTimeout(300);
      expect(await gridNumbers(page, `${S} [data-conv]`)).toEqual(before);
      expect((await gridNumbers(page, `${S} [data-conv]`)).every(Number.isFinite)).toBe(true);
      await field.fill('1');
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      expect(await page.locator(`${S} [data-values-error]`).innerText()).toBe('');
    });

    it('a padding that would cut the whole output is lowered by the figure, and the slider moves with it', async () => {
      await page.locator(`${S} [data-state="k"]`).fill('2');
      await page.locator(`${S} [data-state="p"]`).fill('3');
      // stride 1, k = 2: o′ = 2 + 2 − 2p, so p ≤ 1 keeps a kernel's worth of output.
      await expect.poll(() => page.locator(`${S} [data-state="p"]`).inputValue()).toBe('1');
      expect(await page.locator(`${S} [data-value-for="p"]`).innerText()).toBe('1');
      expect(await page.locator(`${S} [data-pad-limit]`).innerText()).toMatch(/Padding 3 .* p = 1/);
      expect(await page.locator(`${S} [data-size]`).innerText()).toBe(
        'o′ = s(i − 1) + k − 2p = 1·(3 − 1) + 2 − 2·1 = 2',
      );
    });
  });

  describe('the matrix view', () => {
    const M = '[data-figure="transposed-matrix"]';
    const K = Array.from({ length: 9 }, (_, i) => i + 1);
    const Y = [1, 0, 0, 2];
    const Xm = Array.from({ length: 16 }, (_, i) => (3 * i + Math.floor(i / 4)) % 4);

    const check = async (s: number, p: number, a: number) => {
      const c = await gridNumbers(page, `${M} [data-grid="c"]`);
      // Column j of C is the conv of the j-th one-hot image (loop reference, independent of tf).
      const columns = Array.from(
        { length: 16 },
        (_, j) =>
          conv2dLoop(
            img(
              Array.from({ length: 16 }, (_, i) => +(i === j)),
              4,
            ),
            img(K, 3),
            s,
            p,
          ).data,
      );
      expect(c).toEqual(Array.from({ length: 64 }, (_, i) => columns[i % 16][Math.floor(i / 16)]));
      const ct = await gridNumbers(page, `${M} [data-grid="ct"]`);
      expect(ct).toEqual(Array.from({ length: 64 }, (_, i) => c[(i % 4) * 16 + Math.floor(i / 4)]));
      const expected = transposedConvLoop(img(Y, 2), img(K, 3), s, p, a).data;
      expectClose(await gridNumbers(page, `${M} [data-grid="byMatrix"]`), expected, 0);
      expectClose(await gridNumbers(page, `${M} [data-grid="byConv"]`), expected, 0);
      expect((await numbersIn(page, `${M} [data-maxdiff]`))[0]).toBeLessThan(1e-4);
      expect(await numbersIn(page, `${M} [data-output-padding]`)).toEqual([a]);
      const cx = conv2dLoop(img(Xm, 4), img(K, 3), s, p);
      const ctcx = transposedConvLoop(cx, img(K, 3), s, p, a).data;
      expectClose(await gridNumbers(page, `${M} [data-grid="ctcx"]`), ctcx, 0);
      const roundTrip = Math.max(...Array.from(ctcx, (v, i) => Math.abs(v - Xm[i])));
      expect(await numbersIn(page, `${M} [data-roundtrip]`)).toEqual([roundTrip]);
      expect(roundTrip).toBeGreaterThan(0);
    };

    it('C is built from the conv, Cᵀ·y both ways matches the loop, and Cᵀ(Cx) is not x', async () => {
      await reach(page, 'transposed-matrix');
      await check(1, 0, 0);
    });

    it('stride 2 with padding 1 needs output padding 1 to return to 4×4', async () => {
      await page.locator(`${M} input[value="s2"]`).check();
      await expect.poll(() => numbersIn(page, `${M} [data-output-padding]`)).toEqual([1]);
      await check(2, 1, 1);
    });
  });

  describe('the checkerboard', () => {
    const C = '[data-figure="transposed-checkerboard"]';
    // Mean grey level of each of the four pixel phases (row parity, column parity), max / min.
    const phaseRatio = (key: string) =>
      page.evaluate((k) => {
        const canvas = document.querySelector<HTMLCanvasElement>(
          `[data-figure="transposed-checkerboard"] [data-out="${k}"]`,
        )!;
        const d = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        const sums = [0, 0, 0, 0];
        for (let y = 8; y < canvas.height - 8; y++) {
          for (let x = 8; x < canvas.width - 8; x++) sums[(y % 2) * 2 + (x % 2)] += d[(y * canvas.width + x) * 4];
        }
        return { width: canvas.width, ratio: Math.max(...sums) / Math.min(...sums) };
      }, key);

    it('kernel 3 leaves a phase pattern on the photo, kernel 4 and resize-conv do not; overlap counts and ratios are right', async () => {
      await reach(page, 'transposed-checkerboard');
      const k3 = await phaseRatio('k3');
      expect(k3.width).toBe(128);
      expect(k3.ratio).toBeGreaterThan(1.5);
      expect((await phaseRatio('k4')).ratio).toBeLessThan(1.05);
      expect((await phaseRatio('resize')).ratio).toBeLessThan(1.05);
      const ones = (n: number) => img(new Array(n * n).fill(1), n);
      expect(await gridNumbers(page, `${C} [data-overlap="3"]`)).toEqual(
        Array.from(transposedConvLoop(ones(5), ones(3), 2, 1).data),
      );
      expect(await gridNumbers(page, `${C} [data-overlap="4"]`)).toEqual(
        Array.from(transposedConvLoop(ones(5), ones(4), 2, 1).data),
      );
      expect(await numbersIn(page, `${C} [data-ratio="3"]`)).toEqual([3, 4, 1]);
      // A flat input of ones through each upsampler: "flat input of 1 → each 2×2 block: a, b, c, d".
      const block = async (key: string) => (await numbersIn(page, `${C} [data-flat="${key}"]`)).slice(3);
      expect((await block('k3')).sort()).toEqual([0.44, 0.89, 0.89, 1.78]);
      expect(await block('k4')).toEqual([1, 1, 1, 1]);
      expect(await block('resize')).toEqual([1, 1, 1, 1]);
      expect(await numbersIn(page, `${C} [data-ratio="4"]`)).toEqual([4, 1, 1]);
    });

    it('random weights give kernel 4 a pattern too, but not resize-conv', async () => {
      await page.locator(`${C} input[value="random"]`).check();
      await expect.poll(async () => (await phaseRatio('k4')).ratio).toBeGreaterThan(1.05);
      expect((await phaseRatio('resize')).ratio).toBeLessThan(1.05);
      expect(await numbersIn(page, `${C} [data-flat="resize"]`).then((n) => n.slice(3))).toEqual([1, 1, 1, 1]);
      expect(new Set(await numbersIn(page, `${C} [data-flat="k4"]`).then((n) => n.slice(3))).size).toBeGreaterThan(1);
      await expect.poll(() => new URL(page.url()).searchParams.get('transposed-checkerboard.weights')).toBe('random');
    });

    it('new random weights from code check the random radio (state to control)', async () => {
      await page.locator(`${C} input[value="uniform"]`).check();
      await expect.poll(async () => (await phaseRatio('k4')).ratio).toBeLessThan(1.05);
      await page.locator(`${C} [data-reroll]`).click();
      expect(await page.locator(`${C} input[value="random"]`).isChecked()).toBe(true);
      await expect.poll(async () => (await phaseRatio('k4')).ratio).toBeGreaterThan(1.05);
    });
  });

  describe('the bilinear kernel', () => {
    const B = '[data-figure="transposed-bilinear"]';
    const values = Array.from({ length: 16 }, (_, i) => 10 * (i + 1));
    const check = async (factor: number) => {
      const k = 2 * factor;
      const taps = bilinearTaps(k);
      await expect.poll(() => numbersIn(page, `${B} [data-taps]`)).toEqual(taps);
      const kernel = taps.flatMap((a) => taps.map((b) => a * b));
      const big = 4 * factor;
      const conv = transposedConvLoop(img(values, 4), img(kernel, k), factor, factor / 2).data;
      const resized = resizeBilinearLoop(Float32Array.from(values), 4, 4, big, big, 'half-pixel');
      // Every value is in the aria-label, printed in the cells or not.
      // Grids up to 8×8 are SVG cells with their numbers, larger ones canvas pixels.
      const shown = (key: string) => (big <= 8 ? `${B} [data-grid="${key}"]` : `${B} [data-map="${key}"]`);
      const fromLabel = async (key: string) =>
        ((await page.locator(shown(key)).getAttribute('aria-label')) ?? '').split(': ')[1].split(', ').map(Number);
      expectClose(await fromLabel('transposed'), conv, 0.06);
      expectClose(await fromLabel('resized'), resized, 0.06);
      if (big > 8)
        expect(await page.locator(shown('difference')).evaluate((c: HTMLCanvasElement) => c.width)).toBe(big);
      const b = factor / 2;
      let interior = 0;
      let border = 0;
      for (let i = 0; i < big * big; i++) {
        const [y, x] = [Math.floor(i / big), i % big];
        const inside = y >= b && y < big - b && x >= b && x < big - b;
        const d = Math.abs(conv[i] - resized[i]);
        if (inside) interior = Math.max(interior, d);
        else border = Math.max(border, d);
      }
      expect(interior).toBeLessThan(1e-3);
      expect((await numbersIn(page, `${B} [data-interior]`))[0]).toBeLessThan(1e-3);
      expect((await numbersIn(page, `${B} [data-border]`)).at(-1)).toBeCloseTo(border, 1);
      expect(await page.locator(`${B} [data-border-label]`).innerText()).toContain(`${b}-pixel border`);
    };

    it('k = 4 has taps [0.25, 0.75, 0.75, 0.25] and matches resize inside but not on the border', async () => {
      await reach(page, 'transposed-bilinear');
      expect(await numbersIn(page, `${B} [data-taps]`)).toEqual([0.25, 0.75, 0.75, 0.25]);
      await check(2);
    });

    it('factor 4 (k = 8) too', async () => {
      await page.selectOption(`${B} [data-state="factor"]`, '4');
      await check(4);
    });
  });

  describe('what learning changes', () => {
    const L = '[data-figure="transposed-learned"]';
    const check = async (model: string, cls: number) => {
      const { layer, kernel } = shippedUpsampler(model);
      const k = layer.kernel_size[0]!;
      const channels = layer.filters;
      const own = selfTaps(kernel, k, channels, cls);
      const taps = bilinearTaps(k);
      const init = taps.flatMap((a) => taps.map((b) => a * b));
      await expect.poll(() => page.locator(`${L} [data-source]`).innerText()).toContain(`layer ${layer.name}`);
      await expect.poll(() => page.locator(`${L} [data-source]`).innerText()).toContain(`class ${cls}`);
      expectClose(await gridNumbers(page, `${L} [data-grid="learned"]`), own, 5.01e-4);
      expectClose(await gridNumbers(page, `${L} [data-grid="bilinear"]`), init, 5.01e-4);
      expectClose(
        await gridNumbers(page, `${L} [data-grid="difference"]`),
        own.map((v, i) => v - init[i]!),
        1.01e-3,
      );
      expect((await numbersIn(page, `${L} [data-leak]`))[1]).toBeCloseTo(crossClassMax(kernel, k, channels, cls), 3);
      const scores = await gridNumbers(page, `${L} [data-grid="scores"]`);
      const side = Math.sqrt(scores.length);
      const p = (k - layer.strides[0]!) / 2;
      expectClose(
        await gridNumbers(page, `${L} [data-grid="upLearned"]`),
        transposedConvLoop(img(scores, side), img(own, k), 2, p).data,
        6e-3,
      );
      expectClose(
        await gridNumbers(page, `${L} [data-grid="upBilinear"]`),
        transposedConvLoop(img(scores, side), img(init, k), 2, p).data,
        6e-3,
      );
    };

    it('shows the shipped FCN-16s upsampler per tap beside its bilinear start and its effect on a score map', async () => {
      expect(await reach(page, 'transposed-learned')).toBe('ready');
      await check('fcn16s', 1);
    });

    it('FCN-8s and another class, with a 2×2 block of scores', async () => {
      await page.locator(`${L} input[value="fcn8s"]`).check();
      await page.locator(`${L} [data-state="cls"]`).fill('7');
      await page.locator(`${L} input[value="block"]`).check();
      const total = async () => (await gridNumbers(page, `${L} [data-grid="scores"]`)).reduce((a, v) => a + v, 0);
      await expect.poll(total).toBe(4);
      await check('fcn8s', 7);
    });
  });

  it('has no accessibility violations with every figure drawn', async () => {
    await expectNoAxeViolations(page);
    expect(opened.errors).toEqual([]);
  });
});

describe('settings in the URL and reduced motion', () => {
  it('a linked configuration opens as linked; play with reduced motion places every stamp at once', async () => {
    const query =
      'transposed-scatter.stride=3&transposed-scatter.k=4&transposed-scatter.p=1&transposed-matrix.config=s2&transposed-bilinear.factor=4';
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${(await import('vitest')).inject('baseUrl')}${PATH}?${query}`);
    const S = '[data-figure="transposed-scatter"]';
    await reach(p, 'transposed-scatter');
    expect(await p.locator(`${S} [data-state="k"]`).inputValue()).toBe('4');
    const expected = transposedConvLoop(img(X, 3), img(diagonalKernel(4), 4), 3, 1).data;
    expect(expected).toHaveLength(64);
    expectClose(await gridNumbers(p, `${S} [data-conv]`), expected, 0);
    await p.locator(`${S} [data-first]`).click();
    await p.locator(`${S} [data-play]`).click();
    await expect.poll(() => gridNumbers(p, `${S} [data-partial] svg`)).toEqual(Array.from(expected));
    expect(await p.locator(`${S} [data-play]`).getAttribute('aria-pressed')).toBe('false');
    await reach(p, 'transposed-matrix');
    expect(await p.locator('[data-figure="transposed-matrix"] input[value="s2"]').isChecked()).toBe(true);
    await reach(p, 'transposed-bilinear');
    expect(await p.locator('[data-figure="transposed-bilinear"] [data-state="factor"]').inputValue()).toBe('4');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a linked value beyond the limits is clamped, with a visible note', async () => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const query = 'transposed-scatter.stride=9&transposed-learned.cls=99';
    await p.goto(`${(await import('vitest')).inject('baseUrl')}${PATH}?${query}`);
    const S = '[data-figure="transposed-scatter"]';
    await reach(p, 'transposed-scatter');
    expect(await p.locator(`${S} [data-state="stride"]`).inputValue()).toBe('3');
    expect(await p.locator(`${S} [data-status]`).innerText()).toMatch(/asked for Stride s = 9; this figure shows 3/);
    expect(await p.locator(`${S} [data-size]`).innerText()).toMatch(/^o′ = s\(i − 1\) \+ k − 2p = 3·/);
    await reach(p, 'transposed-learned');
    const L = '[data-figure="transposed-learned"]';
    expect(await p.locator(`${L} [data-state="cls"]`).inputValue()).toBe('10');
    expect(await p.locator(`${L} [data-status]`).innerText()).toMatch(/shows 10/);
    await context.close();
  });
});
