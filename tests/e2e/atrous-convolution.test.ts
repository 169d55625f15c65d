import { describe, expect, it } from 'vitest';
import { griddingCountsLoop } from '../../src/lib/ops/gridding.reference.ts';
import { receptiveFieldLoop } from '../../src/lib/ops/receptive-field.reference.ts';
import { validTapCountsLoop } from '../../src/lib/ops/valid-taps.reference.ts';
import { expectNoAxeViolations, fig, numbersIn, open, openForFile, reach } from './page.ts';

const PATH = '/learn/atrous-convolution/';
const FIGURES = [
  'atrous-dilation',
  'atrous-stack',
  'atrous-erf',
  'atrous-gridding',
  'atrous-valid-taps',
  'atrous-space-to-batch',
];

const opened = await openForFile(PATH);
const { browser, page } = opened;

const text = (selector: string) => page.locator(selector).innerText();

/** Share of positions with exactly `taps` valid taps, straight from the loop reference. */
function shareWith(n: number, rate: number, taps: number): number {
  const counts = validTapCountsLoop(n, rate);
  return counts.filter((c) => c === taps).length / counts.length;
}

/** Distinct colours drawn on a canvas. */
const colours = (selector: string) =>
  page.locator(selector).evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  });

describe('the atrous-convolution lesson', () => {
  it('renders its math at build time and draws every figure with no console errors', async () => {
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('.katex-error').count()).toBe(0);
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(opened.errors).toEqual([]);
  });

  it('the dilation slider: k̂ = 2r + 1 with nine weights at every rate, a real output, the taps under the cursor', async () => {
    await reach(page, 'atrous-dilation');
    const slider = page.locator(fig('atrous-dilation', 'input[type="range"]'));
    for (const rate of [1, 2, 7, 16]) {
      await slider.fill(String(rate));
      await expect
        .poll(() => text(fig('atrous-dilation', '[data-span]')))
        .toBe(`Effective kernel size: ${2 * rate + 1} × ${2 * rate + 1}`);
      expect(await numbersIn(page, fig('atrous-dilation', '[data-params]'))).toEqual([9]);
      expect(await text(fig('atrous-dilation', '[data-zeros]'))).toContain(
        `${(2 * rate + 1) ** 2} entries; 5 of them are non-zero`,
      );
      expect((await numbersIn(page, fig('atrous-dilation', '[data-space-to-batch]'))).at(-1)).toBeLessThan(1e-4);
    }
    expect(await colours(fig('atrous-dilation', '[data-output]'))).toBeGreaterThan(50);
    expect(await colours(fig('atrous-dilation', '[data-photo]'))).toBeGreaterThan(50);
    // The cursor moves with the arrow keys; the nine taps sit 16 pixels apart around it.
    await page.locator(fig('atrous-dilation', '[data-photo]')).focus();
    const before = await numbersIn(page, fig('atrous-dilation', '[data-cursor]'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await expect
      .poll(() => numbersIn(page, fig('atrous-dilation', '[data-cursor]')).then((n) => n.slice(0, 2)))
      .toEqual([before[0]! + 1, before[1]! + 1]);
    const xs = await page
      .locator(fig('atrous-dilation', '[data-taps] g:last-of-type rect'))
      .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('x'))));
    expect(xs).toHaveLength(9);
    expect(xs[1]! - xs[0]!).toBe(16);
    // A kernel change reaches the weights shown.
    await page.selectOption(fig('atrous-dilation', 'select'), 'blur');
    const weights = () =>
      page
        .locator(fig('atrous-dilation', '[data-weights] text'))
        .allTextContents()
        .then((t) => t.map(Number));
    await expect.poll(weights).toEqual(Array(9).fill(0.11));
  });

  it("the stack editor: the presets give Yu & Koltun's fields and VGG's, and an edit recomputes them", async () => {
    await reach(page, 'atrous-stack');
    const fields = () =>
      page
        .locator(fig('atrous-stack', '[data-field]'))
        .allInnerTexts()
        .then((t) => t.map(Number));
    expect(await fields()).toEqual([3, 5, 9, 17, 33, 65, 67]);
    await page.selectOption(fig('atrous-stack', '[data-state="preset"]'), 'doubling');
    await expect.poll(fields).toEqual([3, 7, 15]);
    await page.selectOption(fig('atrous-stack', '[data-state="preset"]'), 'vgg');
    await expect.poll(async () => (await fields()).length).toBe(18);
    const vgg = await fields();
    expect(vgg.at(-1)).toBe(212);
    const jumps = (await page.locator(fig('atrous-stack', '[data-jump]')).allInnerTexts()).map(Number);
    expect(jumps.at(-1)).toBe(32);
    // After four pools the jump is 16, so each conv5 layer adds (3 − 1) · 16 = 32 input pixels.
    const adds = (await page.locator(fig('atrous-stack', '[data-adds]')).allInnerTexts()).map(Number);
    const names = await page.locator(fig('atrous-stack', '[data-name]')).allInnerTexts();
    expect(names.slice(14, 17)).toEqual(['conv5_1', 'conv5_2', 'conv5_3']);
    expect(adds.slice(14, 17)).toEqual([32, 32, 32]);
    expect(adds.reduce((sum, a) => sum + a, 1)).toBe(212);
    // Back to 1-2-4, then make the last layer's dilation 8 and add a layer.
    await page.selectOption(fig('atrous-stack', '[data-state="preset"]'), 'doubling');
    await page.getByLabel('Dilation of layer 3').fill('8');
    const layers = [
      { kernel: 3, stride: 1, dilation: 1 },
      { kernel: 3, stride: 1, dilation: 2 },
      { kernel: 3, stride: 1, dilation: 8 },
    ];
    await expect.poll(fields).toEqual([1, 2, 3].map((n) => receptiveFieldLoop(layers.slice(0, n))));
    expect(await page.locator(fig('atrous-stack', '[data-state="preset"]')).inputValue()).toBe('custom');
    await page.click(fig('atrous-stack', '[data-add]'));
    layers.push({ kernel: 3, stride: 1, dilation: 16 });
    await expect.poll(fields).toEqual([1, 2, 3, 4].map((n) => receptiveFieldLoop(layers.slice(0, n))));
    expect(await page.locator(fig('atrous-stack', '[data-chart] rect')).count()).toBe(4);
    expect(await page.locator(fig('atrous-stack', '[data-chart]')).getAttribute('aria-label')).toContain(
      String(receptiveFieldLoop(layers)),
    );
    await page.getByLabel('Remove layer 1').click();
    await expect.poll(async () => (await fields()).length).toBe(3);
    // A typed value beyond the limits is refused next to the table; the stack keeps its last value.
    const before = await fields();
    const dilation = page.getByLabel('Dilation of layer 2');
    await dilation.fill('99');
    expect(await dilation.getAttribute('aria-invalid')).toBe('true');
    expect(await text(fig('atrous-stack', '[data-row-error]'))).toBe(
      'Dilation of layer 2 must be between 1 and 32; the figure keeps the last valid value.',
    );
    expect(await fields()).toEqual(before);
    await dilation.fill('');
    expect(await text(fig('atrous-stack', '[data-row-error]'))).toContain('Type a value for Dilation of layer 2');
    expect(await fields()).toEqual(before);
    await dilation.fill('1');
    await expect.poll(fields).not.toEqual(before);
    expect(await dilation.getAttribute('aria-invalid')).toBeNull();
    expect(await text(fig('atrous-stack', '[data-row-error]'))).toBe('');
    // Two-way: a preset picked in the select replaces the rows, and their inputs show it.
    await page.selectOption(fig('atrous-stack', '[data-state="preset"]'), 'doubling');
    await expect.poll(fields).toEqual([3, 7, 15]);
    expect(await page.getByLabel('Dilation of layer 3').inputValue()).toBe('4');
  });

  it('the effective receptive field: the outlined field is the closed form, the gradient heat map is real and smaller', async () => {
    await reach(page, 'atrous-erf');
    const theoretical = () => numbersIn(page, fig('atrous-erf', '[data-theoretical]'));
    expect(await theoretical()).toEqual([11, 11]);
    const shares: number[] = [];
    for (const depth of [2, 8]) {
      await page.locator(fig('atrous-erf', 'input[type="range"]')).fill(String(depth));
      await expect.poll(theoretical).toEqual([2 * depth + 1, 2 * depth + 1]);
      shares.push((await numbersIn(page, fig('atrous-erf', '[data-strong]')))[1]!);
      const sigma = (await numbersIn(page, fig('atrous-erf', '[data-sigma]')))[0]!;
      expect(sigma).toBeGreaterThan(0);
      expect(sigma).toBeLessThan((2 * depth + 1) / 2);
    }
    expect(shares[1]!).toBeLessThan(shares[0]!);
    await page.selectOption(fig('atrous-erf', 'select'), '3');
    await expect.poll(theoretical).toEqual([49, 49]);
    const outline = await page.locator(fig('atrous-erf', '[data-box] rect')).first().getAttribute('width');
    expect(Number(outline)).toBe(49);
    await page.check(fig('atrous-erf', 'input[value="random"]'));
    await page.check(fig('atrous-erf', 'input[value="relu"]'));
    // ReLU can switch the centre output off for an input; the figure then says so instead of a map.
    const drawnOrExplained = async () =>
      (await colours(fig('atrous-erf', '[data-heat]'))) > 20 ||
      (await page.locator(fig('atrous-erf', '[data-dead]')).isVisible());
    await expect.poll(drawnOrExplained, { timeout: 10_000 }).toBe(true);
  });

  it('gridding: holes counted as the loop counts them, and a typed list (1, 4) shows holes without a common factor', async () => {
    await reach(page, 'atrous-gridding');
    const side = (i: number, key: string) =>
      numbersIn(page, fig('atrous-gridding', `[data-side="${i}"] [data-${key}]`));
    const holes = (rates: number[]) => griddingCountsLoop(rates).counts.filter((c) => c === 0).length;
    expect(await side(0, 'field')).toEqual([29, 29]);
    expect((await side(0, 'holes'))[0]).toBe(holes([2, 4, 8]));
    expect((await side(1, 'holes'))[0]).toBe(0);
    const hdc = (i: number) => text(fig('atrous-gridding', `[data-side="${i}"] [data-hdc]`));
    // 2, 4, 8: HDC's bound says nothing when the first rate is not 1
    expect(await hdc(0)).toBe('HDC: M₂ = 4, but the first rate is 2, not 1, so the rule promises nothing');
    expect(await hdc(1)).toBe('HDC: M₂ = 2 ≤ 3 and the first rate is 1, so the rule promises no holes');
    await page.locator(fig('atrous-gridding', '[data-side="1"] input')).fill('1, 4');
    await expect.poll(() => side(1, 'holes').then((n) => n[0])).toBe(holes([1, 4]));
    expect(holes([1, 4])).toBeGreaterThan(0);
    expect(await text(fig('atrous-gridding', '[data-side="1"] [data-factor]'))).toBe('No common factor');
    expect(await hdc(1)).toBe('HDC: M₂ = 4 > 3, so the rule does not promise a field without holes');
    // M₂ = 2 yet holes: the guarantee is not shown when the first rate is above 1
    await page.locator(fig('atrous-gridding', '[data-side="1"] input')).fill('2, 2, 2');
    await expect.poll(() => side(1, 'holes').then((n) => n[0])).toBe(holes([2, 2, 2]));
    expect(holes([2, 2, 2])).toBeGreaterThan(0);
    expect(await hdc(1)).toBe('HDC: M₂ = 2, but the first rate is 2, not 1, so the rule promises nothing');
    // one rate-1 layer is enough for 1, 2, 4
    await page.locator(fig('atrous-gridding', '[data-side="1"] input')).fill('1, 2, 4');
    await expect.poll(() => side(1, 'holes').then((n) => n[0])).toBe(0);
    expect(await side(1, 'field')).toEqual([15, 15]);
    // A refused list keeps the last map and says why, next to the field.
    const input = page.locator(fig('atrous-gridding', '[data-side="1"] input'));
    await input.fill('1, x');
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    expect(await text(fig('atrous-gridding', '[data-side="1"] [data-error-for="ratesB"]'))).toContain(
      'keeps the last valid value',
    );
    expect(await side(1, 'field')).toEqual([15, 15]);
    await input.fill('1, 2, 5');
    await expect.poll(() => side(1, 'holes').then((n) => n[0])).toBe(0);
    expect(await input.getAttribute('aria-invalid')).toBeNull();
    expect(await text(fig('atrous-gridding', '[data-side="1"] [data-error-for="ratesB"]'))).toBe('');
  });

  it("DeepLab v3 Fig. 4: the docs/sources.md shares on 65×65, and the loop's shares on another map size", async () => {
    await reach(page, 'atrous-valid-taps');
    const row = (rate: number) => numbersIn(page, fig('atrous-valid-taps', `[data-fact-rate="${rate}"]`));
    expect((await row(6)).slice(0, 2)).toEqual([6, 0.665]);
    expect((await row(12)).slice(0, 2)).toEqual([12, 0.398]);
    expect((await row(18)).slice(0, 2)).toEqual([18, 0.199]);
    expect((await row(33)).slice(0, 3)).toEqual([33, 0, 0]);
    expect((await row(65)).slice(0, 3)).toEqual([65, 0, 1]);
    expect(await page.locator(fig('atrous-valid-taps', '[data-chart] path[stroke-width="2.5"]')).count()).toBe(4);
    await page.locator(fig('atrous-valid-taps', 'input[type="number"]')).fill('33');
    await expect.poll(() => row(6).then((r) => r[1])).toBe(Number(shareWith(33, 6, 9).toFixed(3)));
    for (const rate of [12, 18, 33]) {
      expect((await row(rate)).slice(1, 3)).toEqual([
        Number(shareWith(33, rate, 9).toFixed(3)),
        Number(shareWith(33, rate, 1).toFixed(3)),
      ]);
    }
    // DeepLab's own pairings, computed from the tensor, beside ((n − 2r)/n)²: docs/sources.md's numbers.
    const pairing = (stride: number, rate: number) =>
      numbersIn(page, fig('atrous-valid-taps', `[data-pairing="${stride}"][data-pairing-rate="${rate}"]`));
    const facts = {
      16: [
        [6, 0.405],
        [12, 0.074],
        [18, 0],
      ],
      8: [
        [12, 0.398],
        [24, 0.068],
        [36, 0],
      ],
    } as const;
    for (const [stride, rows] of Object.entries(facts)) {
      const side = (513 - 1) / Number(stride) + 1;
      for (const [rate, share] of rows) {
        // stride, n, n, rate, tensor share, closed form
        const numbers = await pairing(Number(stride), rate);
        expect(numbers).toEqual([Number(stride), side, side, rate, share, share]);
        expect(Number(shareWith(side, rate, 9).toFixed(3))).toBe(share);
      }
    }
    await page.locator(fig('atrous-valid-taps', 'input[type="range"]')).fill('40');
    await expect.poll(() => text(fig('atrous-valid-taps', '[data-map-title]'))).toContain('rate 40');
    expect((await numbersIn(page, fig('atrous-valid-taps', '[data-selected-rate]'))).slice(0, 3)).toEqual([
      40,
      Number(shareWith(33, 40, 9).toFixed(3)),
      Number(shareWith(33, 40, 1).toFixed(3)),
    ]);
  });

  it('valid taps: Show sets the size and rate controls (two-way), a refused size keeps the last map', async () => {
    await reach(page, 'atrous-valid-taps');
    const sizeInput = page.locator(fig('atrous-valid-taps', '[data-state="size"]'));
    const rateInput = page.locator(fig('atrous-valid-taps', '[data-state="rate"]'));
    await page.click(fig('atrous-valid-taps', '[data-pairing="8"][data-pairing-rate="24"] [data-show]'));
    await expect.poll(() => sizeInput.inputValue()).toBe('65');
    expect(await rateInput.inputValue()).toBe('24');
    expect(await text(fig('atrous-valid-taps', '[data-value-for="rate"]'))).toBe('24');
    await expect.poll(() => text(fig('atrous-valid-taps', '[data-map-title]'))).toContain('rate 24');
    expect((await numbersIn(page, fig('atrous-valid-taps', '[data-selected-rate]'))).slice(0, 2)).toEqual([
      24,
      Number(shareWith(65, 24, 9).toFixed(3)),
    ]);
    await page.click(fig('atrous-valid-taps', '[data-pairing="16"][data-pairing-rate="18"] [data-show]'));
    await expect.poll(() => sizeInput.inputValue()).toBe('33');
    await expect.poll(() => text(fig('atrous-valid-taps', '[data-table-caption]'))).toContain('33×33');
    await sizeInput.fill('300');
    expect(await sizeInput.getAttribute('aria-invalid')).toBe('true');
    expect(await text(fig('atrous-valid-taps', '[data-error-for="size"]'))).toBe(
      'Feature map side must be between 5 and 129; the figure keeps the last valid value.',
    );
    expect(await text(fig('atrous-valid-taps', '[data-table-caption]'))).toContain('33×33');
    expect((await numbersIn(page, fig('atrous-valid-taps', '[data-selected-rate]'))).slice(0, 2)).toEqual([
      18,
      Number(shareWith(33, 18, 9).toFixed(3)),
    ]);
  });

  it('space to batch: r² sub-maps laid out r by r, and the interleaved result equals the dilated conv', async () => {
    await reach(page, 'atrous-space-to-batch');
    for (const rate of [2, 8]) {
      await page.selectOption(fig('atrous-space-to-batch', '[data-state="rate"]'), String(rate));
      await expect
        .poll(() => text(fig('atrous-space-to-batch', '[data-title-split]')))
        .toContain(`${rate * rate} sub-maps of ${128 / rate}×${128 / rate}`);
      const side = (128 / rate) * rate + 2 * (rate - 1);
      expect(
        await page.locator(fig('atrous-space-to-batch', '[data-split]')).evaluate((c: HTMLCanvasElement) => c.width),
      ).toBe(side);
      expect((await numbersIn(page, fig('atrous-space-to-batch', '[data-diff]'))).at(-1)).toBeLessThan(1e-4);
    }
    expect(await colours(fig('atrous-space-to-batch', '[data-output]'))).toBeGreaterThan(50);
  });

  it('has no accessibility violations with every figure drawn', async () => {
    await expectNoAxeViolations(page);
    expect(opened.errors).toEqual([]);
  });
});

describe('settings in the URL', () => {
  it('a linked configuration opens as linked, and changes are written back', async () => {
    const query =
      '?atrous-dilation.rate=2&atrous-stack.layers=3.1.1_3.1.2_3.1.4_3.1.8&atrous-gridding.ratesA=1-4&atrous-valid-taps.size=33';
    const { page: p, errors } = await open(browser, PATH + query);
    await reach(p, 'atrous-dilation');
    await expect
      .poll(() => p.locator(fig('atrous-dilation', '[data-span]')).innerText())
      .toBe('Effective kernel size: 5 × 5');
    await reach(p, 'atrous-stack');
    expect((await p.locator(fig('atrous-stack', '[data-field]')).allInnerTexts()).map(Number)).toEqual([3, 7, 15, 31]);
    await reach(p, 'atrous-gridding');
    expect(await p.locator(fig('atrous-gridding', '[data-side="0"] input')).inputValue()).toBe('1, 4');
    await reach(p, 'atrous-valid-taps');
    expect(await p.locator(fig('atrous-valid-taps', '[data-table-caption]')).innerText()).toContain('33×33');
    await p.locator(fig('atrous-dilation', 'input[type="range"]')).fill('9');
    await expect.poll(() => new URL(p.url()).searchParams.get('atrous-dilation.rate')).toBe('9');
    await p.selectOption(fig('atrous-stack', '[data-state="preset"]'), 'context');
    // The default is left out of the URL.
    await expect.poll(() => new URL(p.url()).searchParams.has('atrous-stack.layers')).toBe(false);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('values beyond the limits are clamped with a visible note; huge fields print rounded, never as false digits', async () => {
    const huge = Array(24).fill('15.4.32').join('_');
    const query = `?atrous-stack.layers=3.1.1_3.1.99&atrous-valid-taps.size=999&atrous-gridding.ratesA=1-2-99`;
    const { page: p, errors } = await open(browser, PATH + query);
    await reach(p, 'atrous-stack');
    const stackFields = () =>
      p
        .locator(fig('atrous-stack', '[data-field]'))
        .allInnerTexts()
        .then((t) => t.map(Number));
    const clamped = [
      { kernel: 3, stride: 1, dilation: 1 },
      { kernel: 3, stride: 1, dilation: 32 },
    ];
    expect(await stackFields()).toEqual([1, 2].map((n) => receptiveFieldLoop(clamped.slice(0, n))));
    expect(await p.getByLabel('Dilation of layer 2').inputValue()).toBe('32');
    expect(await p.locator(fig('atrous-stack', '[data-status]')).innerText()).toContain('3.1.99');
    expect(await p.locator(fig('atrous-stack', '[data-status]')).innerText()).toContain('3.1.1_3.1.32');
    await expect.poll(() => new URL(p.url()).searchParams.get('atrous-stack.layers')).toBe('3.1.1_3.1.32');
    await reach(p, 'atrous-valid-taps');
    expect(await p.locator(fig('atrous-valid-taps', '[data-state="size"]')).inputValue()).toBe('129');
    expect(await p.locator(fig('atrous-valid-taps', '[data-table-caption]')).innerText()).toContain('129×129');
    expect(await p.locator(fig('atrous-valid-taps', '[data-status]')).innerText()).toContain('999');
    await reach(p, 'atrous-gridding');
    expect(await p.locator(fig('atrous-gridding', '[data-status]')).innerText()).toContain('1-2-99');
    expect(await p.locator(fig('atrous-gridding', '[data-side="0"] input')).inputValue()).toBe('2, 4, 8');
    expect(errors).toEqual([]);
    await p.context().close();

    const { page: q, errors: qErrors } = await open(browser, `${PATH}?atrous-stack.layers=${huge}`);
    await reach(q, 'atrous-stack');
    const last = await q.locator(fig('atrous-stack', '[data-field]')).last().innerText();
    // 1 + 448 · (4²⁴ − 1)/3 ≈ 4.2 × 10¹⁶ is past 2⁵³: printed rounded
    expect(last).toBe('≈ 4.203 × 10¹⁶');
    expect(await q.locator(fig('atrous-stack', '[data-total]')).innerText()).toContain('≈ 4.203 × 10¹⁶');
    expect(await q.locator(fig('atrous-stack', '[data-total]')).innerText()).toContain('5400 weights');
    expect(await q.locator(fig('atrous-stack', '[data-add]')).isDisabled()).toBe(true);
    expect(qErrors).toEqual([]);
    await q.context().close();
  });
});
