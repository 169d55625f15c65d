import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { digitPixels, digitsFromIdx } from '../../src/lib/data/digits.ts';
import { makeScene } from '../../src/lib/data/scene.ts';
import { loadModel } from '../../src/lib/models/load.ts';
import { convOutputSize, windowPositions } from '../../src/lib/ops/conv-arithmetic.ts';
import { type DenseLoop, slidingDenseLoop } from '../../src/lib/ops/convolutionalize.reference.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { expectNoAxeViolations, numbersIn, type OpenedPage, open, reach } from './page.ts';

const PATH = '/learn/fully-convolutional/';
const FIGURES = ['fully-conv-digit', 'fully-conv-scene', 'fully-conv-size'];
const digits = digitsFromIdx(
  readFileSync('public/data/test-digits-images.idx'),
  readFileSync('public/data/test-digits-labels.idx'),
);

let browser: Browser;
let opened: OpenedPage;
let page: Page;
let model: tf.LayersModel;
let head: DenseLoop[];

beforeAll(async () => {
  await tf.setBackend('cpu');
  ({ model } = await loadModel('classifier', { base: 'public/weights/', fetch: fileFetch }));
  head = ['fc1', 'fc2'].map((name) => {
    const [kernel, bias] = model.getLayer(name).getWeights();
    return {
      kernel: kernel!.dataSync() as Float32Array,
      bias: bias!.dataSync() as Float32Array,
      inUnits: kernel!.shape[0]!,
      outUnits: kernel!.shape[1]!,
    };
  });
  browser = await launchChromium();
  opened = await open(browser, PATH);
  page = opened.page;
});
afterAll(() => browser.close());

/** The trained classifier in Node, as trained (flatten → dense). */
const classify = (index: number) =>
  tf.tidy(() =>
    Array.from(
      (
        model.predict(
          tf.tensor4d(
            Float32Array.from(digitPixels(digits, index), (v) => v / 255),
            [1, 28, 28, 1],
          ),
        ) as tf.Tensor
      ).dataSync(),
    ),
  );

/** The dense head slid over the trunk's features of a scene, by the loop reference: [rows·cols·10]. */
function sceneProbs(seed: number, size: number) {
  const scene = makeScene(digits, seed, { height: size, width: size, minDigits: 1, maxDigits: 3 });
  const features = tf.tidy(
    () =>
      ['conv1', 'pool1', 'conv2', 'pool2']
        .reduce(
          (x, n) => model.getLayer(n).apply(x) as tf.Tensor,
          tf.tensor4d(scene.image, [1, size, size, 1]) as tf.Tensor,
        )
        .dataSync() as Float32Array,
  );
  const logits = slidingDenseLoop(features, size / 4, size / 4, 32, 7, 7, head, true);
  const probs = new Float32Array(logits.length);
  for (let c = 0; c < logits.length; c += 10) {
    const z = logits.subarray(c, c + 10);
    const m = Math.max(...z);
    const e = Array.from(z, (v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    e.forEach((v, k) => (probs[c + k] = v / s));
  }
  return { scene, probs, side: size / 4 - 6 };
}

const bars = (figure: string, mark: string) =>
  numbersIn(page, `[data-figure="${figure}"] [${mark}]`).then((n) => n.filter((_, i) => i % 2 === 1));
const expectNear = (actual: number[], expected: number[], tol = 1e-4) => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!), `index ${i}`).toBeLessThanOrEqual(tol));
};

describe('the fully-convolutional lesson', () => {
  it('renders its math at build time, links to the next lesson, and draws every figure without errors', async () => {
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('a[href="/learn/bilinear-interpolation/"]').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.sources a[href="https://arxiv.org/abs/1411.4038"]').count()).toBe(1);
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(opened.errors).toEqual([]);
  });

  it("the dense head and the reshaped conv head give the trained classifier's probabilities", async () => {
    await reach(page, 'fully-conv-digit');
    const expected = classify(0);
    expectNear(await bars('fully-conv-digit', 'data-dense'), expected);
    expect(await bars('fully-conv-digit', 'data-conv')).toEqual(await bars('fully-conv-digit', 'data-dense'));
    expect((await numbersIn(page, '[data-figure="fully-conv-digit"] [data-maxdiff]'))[0]).toBeLessThan(1e-5);
    expect(await page.locator('[data-dense-shape="0"]').innerText()).toBe('[1568, 64]');
    expect(await page.locator('[data-conv-shape="0"]').innerText()).toBe('[7, 7, 32, 64]');
    expect(await page.locator('[data-conv-shape="1"]').innerText()).toBe('[1, 1, 64, 10]');
    expect(await page.locator('[data-digit]').getAttribute('aria-label')).toBe(
      `MNIST test digit 0, labelled ${digits.labels[0]}`,
    );
  });

  it('picking another digit recomputes both heads and writes the index to the URL', async () => {
    await page.locator('[data-figure="fully-conv-digit"] [data-state="digit"]').fill('42');
    await expect.poll(() => new URL(page.url()).searchParams.get('fully-conv-digit.digit')).toBe('42');
    await expect
      .poll(async () => (await page.locator('[data-digit]').getAttribute('aria-label'))?.includes('digit 42'))
      .toBe(true);
    expectNear(await bars('fully-conv-digit', 'data-conv'), classify(42));
    await page.click('[data-figure="fully-conv-digit"] [data-reroll]');
    await expect.poll(() => new URL(page.url()).searchParams.get('fully-conv-digit.digit')).not.toBe('42');
    const index = Number(new URL(page.url()).searchParams.get('fully-conv-digit.digit') ?? 0);
    await expect
      .poll(async () => (await page.locator('[data-digit]').getAttribute('aria-label'))?.includes(`digit ${index},`))
      .toBe(true);
    expectNear(await bars('fully-conv-digit', 'data-dense'), classify(index));
  });

  it("one fc1 unit's weights: its Dense column, and a channel of the conv kernel holding the same numbers", async () => {
    const figure = '[data-figure="fully-conv-digit"]';
    await page.locator(`${figure} [data-state="unit"]`).fill('5');
    await page.locator(`${figure} [data-state="channel"]`).fill('3');
    await expect.poll(() => page.locator(`${figure} [data-slice-title]`).innerText()).toContain('[:, :, 3, 5]');
    await expect.poll(() => new URL(page.url()).searchParams.get('fully-conv-digit.unit')).toBe('5');
    const slice = (await page.locator('[data-slice]').getAttribute('aria-label'))!.match(/-?\d+\.\d+/g)!.map(Number);
    expectNear(
      slice,
      Array.from({ length: 49 }, (_, p) => head[0]!.kernel[(p * 32 + 3) * 64 + 5]!),
      0.0005,
    );
    const size = await page.locator('[data-column]').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(size).toEqual([32, 49]);
  });

  it('the scene map equals the dense classifier slid over the scene, cell by cell under the keyboard', async () => {
    await reach(page, 'fully-conv-scene');
    const { scene, probs, side } = sceneProbs(3, 64);
    expect(await page.locator('[data-map]').evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([
      side,
      side,
    ]);
    expect(await page.locator('[data-placed]').innerText()).toContain(scene.placements.map((p) => p.digit).join(', '));
    const cellAt = async () => {
      const [row, col] = await numbersIn(page, '[data-figure="fully-conv-scene"] [data-cell]');
      return { row: row!, col: col! };
    };
    const expectCell = async () => {
      const { row, col } = await cellAt();
      const at = (row * side + col) * 10;
      expectNear(await bars('fully-conv-scene', 'data-cell-bars'), Array.from(probs.subarray(at, at + 10)));
    };
    // The first cell shown is the one whose window is the first digit's own frame.
    const at = (v: number) => Math.min(Math.max(Math.round(v / 4), 0), side - 1);
    expect(await cellAt()).toEqual({ row: at(scene.placements[0]!.top), col: at(scene.placements[0]!.left) });
    await expectCell();
    const start = await cellAt();
    await page.focus('[data-map]');
    await page.keyboard.press(start.col < side - 1 ? 'ArrowRight' : 'ArrowLeft');
    await page.keyboard.press(start.row < side - 1 ? 'ArrowDown' : 'ArrowUp');
    await expect.poll(cellAt).not.toEqual(start);
    await expectCell();
    // Pointing at the scene picks the window centred under the pointer: scene pixel (40, 30) → cell (7, 4).
    const box = (await page.locator('[data-scene]').boundingBox())!;
    await page.mouse.move(box.x + (30.5 / 64) * box.width, box.y + (40.5 / 64) * box.height);
    await expect.poll(cellAt).toEqual({ row: Math.round((40.5 - 14) / 4), col: Math.round((30.5 - 14) / 4) });
    await expectCell();
    // The map has real pixels, and switching to one class draws a different picture.
    const pixels = () =>
      page
        .locator('[data-map]')
        .evaluate((c: HTMLCanvasElement) =>
          Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data).join(),
        );
    const argmax = await pixels();
    expect(new Set(argmax.split(',')).size).toBeGreaterThan(5);
    await page.selectOption('[data-figure="fully-conv-scene"] [data-state="show"]', '4');
    await expect.poll(pixels).not.toBe(argmax);
    expect(await page.locator('[data-legend-ramp]').isVisible()).toBe(true);
  });

  it('the output-size calculator agrees with tf.conv2d and draws its windows', async () => {
    await reach(page, 'fully-conv-size');
    const set = async (key: string, value: string) => {
      const control = page.locator(`[data-figure="fully-conv-size"] [data-state="${key}"]`);
      if (key === 'dims') await page.check(`[data-figure="fully-conv-size"] input[value="${value}"]`);
      else await control.fill(value);
    };
    const shape = () => numbersIn(page, '[data-tf-shape]');
    const formula = async () => (await numbersIn(page, '[data-formula]')).at(-1);
    const outputs = () => page.locator('[data-windows] g text').allTextContents();
    // Defaults: i 7, k 3, s 2, p 1, d 1, 1-D.
    expect(await formula()).toBe(4);
    expect(await shape()).toEqual([1, 1, 4, 1]);
    const counts = (i: number, k: number, s: number, p: number, d: number) =>
      windowPositions(i, k, s, p, d).map((w) => w.taps.filter((t) => t >= 0 && t < i).length);
    expect((await outputs()).slice(-4).map(Number)).toEqual(counts(7, 3, 2, 1, 1));
    for (const [i, k, s, p, d, dims] of [
      [5, 3, 1, 0, 1, '2'],
      [9, 3, 2, 2, 2, '2'],
      [10, 2, 3, 1, 1, '1'],
    ] as const) {
      for (const [key, value] of Object.entries({ dims, input: i, kernel: k, stride: s, padding: p, dilation: d }))
        await set(key, String(value));
      const o = convOutputSize(i, k, s, p, d);
      await expect.poll(formula).toBe(o);
      await expect.poll(shape).toEqual(dims === '2' ? [1, o, o, 1] : [1, 1, o, 1]);
      expect(await page.locator('[data-figure="fully-conv-size"] [data-verdict]').innerText()).toBe(
        'The formula and tf.conv2d agree.',
      );
      const c = counts(i, k, s, p, d);
      const expected = dims === '2' ? c.flatMap((a) => c.map((b) => a * b)) : c;
      expect(
        (await outputs())
          .filter((v) => v !== '')
          .slice(-expected.length)
          .map(Number),
      ).toEqual(expected);
      expect(await page.locator('[data-figure="fully-conv-size"] [data-note]').innerText()).toContain(
        s > 1 && d > 1 ? 'written out dilated' : '',
      );
    }
    await expect.poll(() => new URL(page.url()).searchParams.get('fully-conv-size.input')).toBe('10');
    await set('input', '3');
    await set('kernel', '7');
    await set('padding', '0');
    // No window fits: o = 0 is explained and the output is empty, never a negative size.
    const verdict = () => page.locator('[data-figure="fully-conv-size"] [data-verdict]').innerText();
    await expect.poll(verdict).toContain('No window fits');
    expect(convOutputSize(3, 7, 3, 0, 1)).toBe(0);
    expect(await formula()).toBe(0);
    expect(await page.locator('[data-figure="fully-conv-size"] [data-formula]').innerText()).toContain('o = 0');
    expect(await shape()).toEqual([1, 1, 0, 1]);
    expect(await verdict()).toContain('kernel spans 7 cells');
    expect(await page.locator('[data-windows]').getAttribute('aria-label')).toContain('0 output positions');
    // At stride 1 a 1×1 kernel keeps the map size (2-D).
    const oneByOne = { dims: '2', input: '5', kernel: '1', stride: '1', padding: '0', dilation: '1' };
    for (const [key, value] of Object.entries(oneByOne)) await set(key, value);
    await expect.poll(shape).toEqual([1, 5, 5, 1]);
    expect(await formula()).toBe(5);
    expect(await verdict()).toBe('The formula and tf.conv2d agree.');
  });

  it('has no accessibility violations with every figure drawn', async () => {
    await expectNoAxeViolations(page);
    expect(opened.errors).toEqual([]);
  });
});

describe('settings in the URL', () => {
  it('a linked scene, digit and calculator open as linked', async () => {
    const { page: p, errors } = await open(
      browser,
      `${PATH}?fully-conv-scene.seed=11&fully-conv-scene.size=96&fully-conv-digit.digit=9&fully-conv-size.dims=2&fully-conv-size.stride=1`,
    );
    await reach(p, 'fully-conv-digit');
    expect(await p.locator('[data-digit]').getAttribute('aria-label')).toContain('digit 9,');
    await reach(p, 'fully-conv-scene');
    const { scene, side } = sceneProbs(11, 96);
    expect(await p.locator('[data-map]').evaluate((c: HTMLCanvasElement) => c.width)).toBe(side);
    expect(await p.locator('[data-placed]').innerText()).toContain(scene.placements.map((d) => d.digit).join(', '));
    await reach(p, 'fully-conv-size');
    expect(await numbersIn(p, '[data-tf-shape]')).toEqual([1, 7, 7, 1]);
    // In 2-D the arrow keys pick an output cell and the readout names its window's taps.
    await p.focus('[data-windows]');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.press('ArrowDown');
    const windows = windowPositions(7, 3, 1, 1, 1);
    await expect
      .poll(() => p.locator('[data-figure="fully-conv-size"] [data-window]').innerText())
      .toBe(`Output (1, 1) reads input cells [${windows[1]!.taps.join(', ')}] × [${windows[1]!.taps.join(', ')}]`);
    expect(errors).toEqual([]);
    await p.context().close();
  });
});

describe('on a phone', () => {
  it('nothing is wider than the screen once every figure has drawn', async () => {
    const { page: p, errors } = await open(
      browser,
      `${PATH}?fully-conv-size.dims=2&fully-conv-size.input=16&fully-conv-size.padding=4`,
      { width: 375, height: 740 },
    );
    for (const figure of FIGURES) expect(await reach(p, figure)).toBe('ready');
    expect(await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
    await p.context().close();
  });
});

describe('typed input', () => {
  const DIGIT = '[data-figure="fully-conv-digit"]';
  const shownDigit = async (p: Page) =>
    Number((await p.locator(`${DIGIT} [data-digit]`).getAttribute('aria-label'))!.match(/digit (\d+),/)![1]);

  it('typing 127 at 100 ms a key shows and computes 127: a slow answer never overwrites newer typing', async () => {
    const { page: p, errors } = await open(browser, PATH);
    await reach(p, 'fully-conv-digit');
    const field = p.locator(`${DIGIT} [data-state="digit"]`);
    await field.selectText();
    await field.pressSequentially('127', { delay: 100 });
    await expect.poll(() => shownDigit(p)).toBe(127);
    await p.waitForTimeout(500);
    expect(await field.inputValue()).toBe('127');
    expect(await shownDigit(p)).toBe(127);
    expectNear(await numbersIn(p, `${DIGIT} [data-conv]`).then((n) => n.filter((_, i) => i % 2 === 1)), classify(127));
    await expect.poll(() => new URL(p.url()).searchParams.get('fully-conv-digit.digit')).toBe('127');
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('60 quick ArrowUps from 0 end at 60, in the field and in the figure', async () => {
    const { page: p, errors } = await open(browser, PATH);
    await reach(p, 'fully-conv-digit');
    const field = p.locator(`${DIGIT} [data-state="digit"]`);
    expect(await field.inputValue()).toBe('0');
    await field.focus();
    for (let i = 0; i < 60; i++) await p.keyboard.press('ArrowUp');
    await expect.poll(() => shownDigit(p)).toBe(60);
    await p.waitForTimeout(500);
    expect(await field.inputValue()).toBe('60');
    expect(await shownDigit(p)).toBe(60);
    expectNear(await numbersIn(p, `${DIGIT} [data-dense]`).then((n) => n.filter((_, i) => i % 2 === 1)), classify(60));
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('an empty or out-of-range value is refused next to its field; the figure keeps its last valid value', async () => {
    const { page: p, errors } = await open(browser, `${PATH}?fully-conv-digit.digit=12`);
    await reach(p, 'fully-conv-digit');
    const field = p.locator(`${DIGIT} [data-state="digit"]`);
    const message = p.locator(`${DIGIT} [data-error-for="digit"]`);
    const before = await numbersIn(p, `${DIGIT} [data-conv]`);
    const refusals = [
      ['', 'Type a value for Test digit #'],
      ['99999', 'Test digit # must be between 0 and 299'],
    ];
    for (const [typed, says] of refusals) {
      await field.fill(typed);
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await message.innerText()).toContain(says);
      await p.waitForTimeout(300);
      expect(await shownDigit(p)).toBe(12);
      expect(await numbersIn(p, `${DIGIT} [data-conv]`)).toEqual(before);
      expect(new URL(p.url()).searchParams.get('fully-conv-digit.digit')).toBe('12');
    }
    await field.fill('13');
    await expect.poll(() => shownDigit(p)).toBe(13);
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    expect(await message.innerText()).toBe('');

    // The calculator: k = 99 (max 7) is refused and the formula keeps computing with k = 3.
    const SIZE = '[data-figure="fully-conv-size"]';
    await reach(p, 'fully-conv-size');
    const kernel = p.locator(`${SIZE} [data-state="kernel"]`);
    for (const [typed, says] of [
      ['99', 'Kernel k must be between 1 and 7'],
      ['', 'Type a value for Kernel k'],
    ]) {
      await kernel.fill(typed);
      await expect.poll(() => kernel.getAttribute('aria-invalid')).toBe('true');
      expect(await p.locator(`${SIZE} [data-error-for="kernel"]`).innerText()).toContain(says);
      await p.waitForTimeout(300);
      expect(await p.locator(`${SIZE} [data-formula]`).innerText()).toContain('− 3 − (3−1)');
      expect(await numbersIn(p, `${SIZE} [data-tf-shape]`)).toEqual([1, 1, convOutputSize(7, 3, 2, 1, 1), 1]);
    }
    await kernel.fill('5');
    await expect.poll(() => numbersIn(p, `${SIZE} [data-tf-shape]`)).toEqual([1, 1, convOutputSize(7, 5, 2, 1, 1), 1]);
    expect(await kernel.getAttribute('aria-invalid')).toBeNull();
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('a state change from code moves its control: another digit, a new scene', async () => {
    const { page: p, errors } = await open(browser, PATH);
    await reach(p, 'fully-conv-digit');
    await p.click(`${DIGIT} [data-reroll]`);
    await expect.poll(() => shownDigit(p)).not.toBe(0);
    const digit = await shownDigit(p);
    expect(await p.locator(`${DIGIT} [data-state="digit"]`).inputValue()).toBe(String(digit));
    await reach(p, 'fully-conv-scene');
    const seed = p.locator('[data-figure="fully-conv-scene"] [data-state="seed"]');
    expect(await seed.inputValue()).toBe('3');
    await p.click('[data-figure="fully-conv-scene"] [data-reroll]');
    await expect.poll(() => seed.inputValue()).toBe('4');
    const { scene } = sceneProbs(4, 64);
    const placed = scene.placements.map((d) => d.digit).join(', ');
    await expect.poll(() => p.locator('[data-placed]').innerText()).toContain(placed);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('URL values beyond the limits are clamped, with a visible note', async () => {
    const { page: p, errors } = await open(browser, `${PATH}?fully-conv-digit.digit=5000&fully-conv-size.kernel=99`);
    await reach(p, 'fully-conv-digit');
    expect(await shownDigit(p)).toBe(299);
    expect(await p.locator(`${DIGIT} [data-state="digit"]`).inputValue()).toBe('299');
    expect(await p.locator(`${DIGIT} [data-status]`).innerText()).toContain(
      'Test digit # = 5000; this figure shows 299',
    );
    const SIZE = '[data-figure="fully-conv-size"]';
    await reach(p, 'fully-conv-size');
    expect(await p.locator(`${SIZE} [data-state="kernel"]`).inputValue()).toBe('7');
    expect(await p.locator(`${SIZE} [data-status]`).innerText()).toContain('Kernel k = 99; this figure shows 7');
    expect(await p.locator(`${SIZE} [data-formula]`).innerText()).toContain('− 7 − (7−1)');
    expect(errors).toEqual([]);
    await p.context().close();
  });
});

describe('missing files and tampered weights', () => {
  const SHARD = '**/weights/classifier/group1-shard1of1.bin';
  const DIGITS = '**/data/test-digits-images.idx';
  const status = (p: Page, figure: string) => p.locator(`[data-figure="${figure}"] [data-status]`).innerText();

  /** Opens the page with `pattern` answered by `handle`; `restore` serves it normally again. */
  const openRouted = async (pattern: string, handle: (body: Buffer) => { status: number; body: Buffer }) => {
    const context = await browser.newContext();
    const p = await context.newPage();
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await p.route(pattern, async (route) => {
      const original = await route.fetch();
      await route.fulfill(handle(await original.body()));
    });
    await p.goto(inject('baseUrl') + PATH);
    const states = [];
    for (const figure of FIGURES) states.push(await reach(p, figure));
    return { p, states, errors, restore: () => p.unroute(pattern), close: () => context.close() };
  };
  const notFound = () => ({ status: 404, body: Buffer.from('not found') });

  /** After the file is served again, a new digit computes and the error clears. */
  const recovers = async (p: Page) => {
    await p.locator('[data-figure="fully-conv-digit"] [data-state="digit"]').fill('42');
    await expect.poll(() => p.locator('[data-figure="fully-conv-digit"]').getAttribute('data-state')).toBe('ready');
    expect(await status(p, 'fully-conv-digit')).toBe('');
    expect(await p.locator('[data-figure="fully-conv-digit"] [data-digit]').getAttribute('aria-label')).toContain(
      'digit 42,',
    );
    const probs = (await numbersIn(p, '[data-figure="fully-conv-digit"] [data-conv]')).filter((_, i) => i % 2 === 1);
    expectNear(probs, classify(42));
  };

  it("a missing weight shard is named as the classifier's weights; the calculator works; it recovers", async () => {
    const r = await openRouted(SHARD, notFound);
    expect(r.states).toEqual(['error', 'error', 'ready']);
    for (const figure of ['fully-conv-digit', 'fully-conv-scene']) {
      const message = await status(r.p, figure);
      expect(message).toMatch(
        /could not download the Digit classifier weights \(HTTP 404 for .*group1-shard1of1\.bin\)/,
      );
      expect(message).not.toMatch(/digits did not load/);
    }
    expect(await numbersIn(r.p, '[data-tf-shape]')).toEqual([1, 1, 4, 1]);
    await r.restore();
    await recovers(r.p);
    expect(r.errors).toEqual([]);
    await r.close();
  });

  it('a missing digits file is named as the digits, not the classifier; served again, it recovers', async () => {
    const r = await openRouted(DIGITS, notFound);
    expect(r.states).toEqual(['error', 'error', 'ready']);
    for (const figure of ['fully-conv-digit', 'fully-conv-scene']) {
      const message = await status(r.p, figure);
      expect(message).toMatch(/the MNIST test digits did not load \(.*test-digits-images\.idx: HTTP 404\)/);
      expect(message).not.toMatch(/classifier|weights/i);
    }
    await r.restore();
    await recovers(r.p);
    expect(r.errors).toEqual([]);
    await r.close();
  });

  it('a corrupted shard is refused by its SHA-256', async () => {
    const r = await openRouted(SHARD, (body) => {
      const bad = Buffer.from(body);
      bad[1000] = bad[1000]! ^ 0xff;
      return { status: 200, body: bad };
    });
    expect(r.states).toEqual(['error', 'error', 'ready']);
    expect(await status(r.p, 'fully-conv-digit')).toMatch(/SHA-256 .* refusing to run altered weights/);
    await r.close();
  });
});
