import { describe, expect, it } from 'vitest';
import { makeScene } from '../../src/lib/data/scene.ts';
import {
  agreement,
  classMapOn,
  digits,
  expectMeasuredNumbers,
  expectSteadyTensors,
  look,
  nodePrediction,
  waitShown,
} from './models.ts';
import { expectNoAxeViolations, fig, numbersIn, openForFile, reach } from './page.ts';

const PATH = '/learn/u-net/';
const FIGURES = ['unet-size-walk', 'unet-crop-concat', 'unet-features', 'unet-overlap-tile'];

const { page, errors } = await openForFile(PATH);

const text = (selector: string) => page.locator(selector).innerText();
const sideOf = async (layer: string) =>
  (await text(fig('unet-size-walk', `tr[data-layer="${layer}"] td:nth-child(2)`))).trim();

describe('the U-Net lesson', () => {
  it('renders its math, sits between skip connections and atrous convolution, and draws every figure', async () => {
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe('/learn/skip-connections/');
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe('/learn/atrous-convolution/');
    expect(await page.locator('.sources a[href="https://arxiv.org/abs/1505.04597"]').count()).toBe(1);
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(errors).toEqual([]);
  });

  it("prints the evaluation's numbers, as in public/weights/metrics.json", async () => {
    expect(await expectMeasuredNumbers(page)).toBeGreaterThanOrEqual(2);
  });

  it("the size walk: the paper's 572 → 388, a misfit explained with the sizes that fit, and ours checked", async () => {
    await reach(page, 'unet-size-walk');
    const sides = [];
    for (const layer of ['enc1_conv2', 'pool1', 'bottom_conv2', 'up4', 'crop4', 'up1', 'dec1_conv2'])
      sides.push(await sideOf(layer));
    expect(sides).toEqual([
      '568×568×64',
      '284×284×64',
      '28×28×1024',
      '56×56×512',
      '56×56×512',
      '392×392×64',
      '388×388×64',
    ]);
    expect(await text(fig('unet-size-walk', 'tr[data-layer="crop1"]'))).toContain('568 → 392 (88 a side)');
    expect(await numbersIn(page, fig('unet-size-walk', '[data-verdict]'))).toEqual([388, 388, 572, 572, 92]);
    await page.fill(fig('unet-size-walk', 'input[data-state="side"]'), '571');
    await waitShown(page, 'unet-size-walk', 'paper,571');
    expect(await text(fig('unet-size-walk', '[data-verdict]'))).toMatch(/at pool1 the map is 567 pixels/);
    expect(await page.locator(fig('unet-size-walk', '[data-nearest] button')).allInnerTexts()).toEqual([
      'Use 556',
      'Use 572',
    ]);
    await page.click(fig('unet-size-walk', '[data-nearest] button[data-side="556"]'));
    await waitShown(page, 'unet-size-walk', 'paper,556');
    expect(await page.inputValue(fig('unet-size-walk', 'input[data-state="side"]'))).toBe('556');
    expect((await numbersIn(page, fig('unet-size-walk', '[data-verdict]')))[0]).toBe(372);
    await page.check(fig('unet-size-walk', 'input[value="ours"]'));
    await page.fill(fig('unet-size-walk', 'input[data-state="side"]'), '104');
    await waitShown(page, 'unet-size-walk', 'ours,104');
    expect(await text(fig('unet-size-walk', '[data-check]'))).toMatch(
      /the walk equals the shapes the trained model computes/,
    );
    expect(await sideOf('dec1_conv2')).toBe('64×64×16');
    expect(await text(fig('unet-size-walk', 'tr[data-layer="dec1_conv2"] td:nth-child(4)'))).toBe('64×64×16');
    await page.fill(fig('unet-size-walk', 'input[data-state="side"]'), '106');
    await waitShown(page, 'unet-size-walk', 'ours,106');
    expect(await text(fig('unet-size-walk', '[data-verdict]'))).toMatch(/at pool2 the map is 47 pixels/);
    expect(await text(fig('unet-size-walk', '[data-check]'))).toMatch(/only at sizes that fit/);
  });

  it('crop and concatenate: the crop is the first half of the concatenation; controls move the figure', async () => {
    await reach(page, 'unet-crop-concat');
    const same = await page.$eval(fig('unet-crop-concat'), (root) => {
      const url = (s: string) => root.querySelector<HTMLCanvasElement>(s)!.toDataURL();
      return url('[data-crop]') === url('[data-concat-a]') && url('[data-up]') === url('[data-concat-b]');
    });
    expect(same).toBe(true);
    expect(await numbersIn(page, fig('unet-crop-concat', '[data-summary]'))).toEqual([100, 68, 16, 16, 16, 32]);
    let before = await look(page, 'unet-crop-concat');
    await page.fill(fig('unet-crop-concat', 'input[data-state="channel"]'), '9');
    await waitShown(page, 'unet-crop-concat', '12,1,9');
    expect(await look(page, 'unet-crop-concat')).not.toBe(before);
    before = await look(page, 'unet-crop-concat');
    await page.check(fig('unet-crop-concat', 'input[value="2"]'));
    await waitShown(page, 'unet-crop-concat', '12,2,9');
    expect(await text(fig('unet-crop-concat', '[data-title-skip]'))).toContain('enc2_conv2: 46×46×32');
    expect(await look(page, 'unet-crop-concat')).not.toBe(before);
    before = await look(page, 'unet-crop-concat');
    await page.click(fig('unet-crop-concat', '[data-reroll]'));
    await waitShown(page, 'unet-crop-concat', '13,2,9');
    expect(await look(page, 'unet-crop-concat')).not.toBe(before);
  });

  it('feature maps: hovering or focusing a block of the U shows that layer', async () => {
    await reach(page, 'unet-features');
    await page.focus(fig('unet-features', '[data-layer="bottom_conv2"]'));
    await waitShown(page, 'unet-features', '12,bottom_conv2');
    expect(await numbersIn(page, fig('unet-features', '[data-summary]'))).toEqual(expect.arrayContaining([64, 19]));
    await page.hover(fig('unet-features', '[data-layer="dec1_conv2"]'));
    await waitShown(page, 'unet-features', '12,dec1_conv2');
    expect(await text(fig('unet-features', '[data-summary]'))).toMatch(/^dec1_conv2: 16 channels of 64×64/);
    const before = await look(page, 'unet-features');
    await page.fill(fig('unet-features', 'input[data-state="seed"]'), '30');
    await waitShown(page, 'unet-features', '30,dec1_conv2');
    expect(await look(page, 'unet-features')).not.toBe(before);
  });

  it('overlap-tile equals the single run, which agrees with the Node evaluation on at least 99% of pixels', async () => {
    await reach(page, 'unet-overlap-tile');
    const summary = await numbersIn(page, fig('unet-overlap-tile', '[data-summary]'));
    expect(summary.slice(0, 7)).toEqual([9, 48, 48, 88, 88, 128 * 128, 128 * 128]);
    expect((await numbersIn(page, fig('unet-overlap-tile', '[data-summary]'))).at(-1)).toBeLessThan(1e-4);
    const scene = makeScene(digits, 4, { height: 128, width: 128, minDigits: 4, maxDigits: 7 });
    const shown = await classMapOn(page, fig('unet-overlap-tile', '[data-whole]'));
    expect(agreement(shown, await nodePrediction('unet', scene))).toBeGreaterThanOrEqual(0.99);
    await page.fill(fig('unet-overlap-tile', 'input[data-state="tile"]'), '32');
    await page.waitForFunction(() =>
      document.querySelector('[data-figure="unet-overlap-tile"] [data-summary]')?.textContent?.startsWith('16 tiles'),
    );
    expect(await page.locator(fig('unet-overlap-tile', '[data-tile-grid] rect')).count()).toBe(16);
    const before = await text(fig('unet-overlap-tile', '[data-cursor]'));
    await page.focus(fig('unet-overlap-tile', '[data-padded]'));
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    expect(await text(fig('unet-overlap-tile', '[data-cursor]'))).not.toBe(before);
  });

  it('the worker holds no more tensors after 20 runs than before', async () => {
    await expectSteadyTensors(page, 'unet-crop-concat', async (i) => {
      await page.fill(fig('unet-crop-concat', 'input[data-state="seed"]'), String(100 + i));
      await waitShown(page, 'unet-crop-concat', `${100 + i},2,9`);
    });
  });

  it('passes axe and logged no errors', async () => {
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
