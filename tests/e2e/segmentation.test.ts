import { describe, expect, it } from 'vitest';
import { componentsLoop } from '../../src/lib/ops/connected-components.reference.ts';
import { scoresLoop } from '../../src/lib/ops/segmentation-scores.reference.ts';
import {
  agreement,
  classMapOn,
  expectMeasuredNumbers,
  expectMissingShardError,
  expectSteadyNewScenes,
  look,
  nodePrediction,
  numbersInAll,
  repeatedSeed,
  sceneOf,
  waitShown,
} from './models.ts';
import { expectNoAxeViolations, fig, numbersIn, openForFile, reach } from './page.ts';

const PATH = '/learn/segmentation/';
const FIGURES = ['seg-classify', 'seg-instances', 'seg-scores'];

const { browser, page, errors } = await openForFile(PATH);

const typeSeed = async (figure: string, seed: number) => {
  await page.fill(fig(figure, 'input[data-state="seed"]'), String(seed));
};

describe('the segmentation lesson', () => {
  it('renders its math, comes first in the course, and draws every figure without errors', async () => {
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe('/learn/fully-convolutional/');
    expect(await page.locator('.sources a[href="https://arxiv.org/abs/1703.06870"]').count()).toBe(1);
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(errors).toEqual([]);
  });

  it("prints the evaluation's numbers, as in public/weights/metrics.json", async () => {
    expect(await expectMeasuredNumbers(page)).toBeGreaterThanOrEqual(4);
  });

  it("the U-Net's label map agrees with the Node evaluation on at least 99% of pixels", async () => {
    await reach(page, 'seg-classify');
    await typeSeed('seg-classify', 42);
    await waitShown(page, 'seg-classify', '42');
    const shown = await classMapOn(page, fig('seg-classify', '[data-mo-map="0"]'));
    expect(agreement(shown, await nodePrediction('unet', sceneOf(42)))).toBeGreaterThanOrEqual(0.99);
  });

  it('a picked pixel lists eleven probabilities that sum to 1, and the arrow keys move it', async () => {
    const map = fig('seg-classify', '[data-mo-map="0"]');
    await page.focus(map);
    const before = await page.locator(fig('seg-classify', '[data-mo-picked]')).innerText();
    await page.keyboard.press('ArrowRight');
    const after = await page.locator(fig('seg-classify', '[data-mo-picked]')).innerText();
    expect(after).not.toBe(before);
    const [row, col] = await numbersIn(page, fig('seg-classify', '[data-mo-picked]'));
    expect(numbersBefore(before)[1]! + 1).toBe(col);
    expect(row).toBe(numbersBefore(before)[0]);
    const probs = await numbersInAll(page, fig('seg-classify', 'td[data-mo-cell="0"]'));
    expect(probs).toHaveLength(11);
    expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);
    // The outline on the input is the receptive field the readout names.
    const rect = page.locator(fig('seg-classify', '[data-mo-field] rect')).first();
    expect(Number(await rect.getAttribute('width'))).toBeGreaterThan(10);
  });

  it('New scene and the seed field both change the classifier figure', async () => {
    const before = await look(page, 'seg-classify');
    await page.click(fig('seg-classify', '[data-new-scene]'));
    await waitShown(page, 'seg-classify', '43');
    expect(await look(page, 'seg-classify')).not.toBe(before);
    expect(await page.inputValue(fig('seg-classify', 'input[data-state="seed"]'))).toBe('43');
    expect(await page.locator(fig('seg-classify', '[data-single]')).innerText()).toMatch(/answers "\d"/);
  });

  it('instances are the connected regions of the shown map, counted as the loop reference counts them', async () => {
    await reach(page, 'seg-instances');
    await page.check(fig('seg-instances', 'input[value="truth"]'));
    await typeSeed('seg-instances', 30);
    const seed = repeatedSeed(30);
    await waitShown(page, 'seg-instances', `${seed}:truth`);
    const truth = sceneOf(seed).label;
    expect(await classMapOn(page, fig('seg-instances', '[data-semantic]'))).toEqual(truth);
    expect((await numbersIn(page, fig('seg-instances', '[data-count]')))[0]).toBe(instanceCount(truth));
    const before = await look(page, 'seg-instances');
    await page.check(fig('seg-instances', 'input[value="prediction"]'));
    await waitShown(page, 'seg-instances', `${seed}:prediction`);
    const predicted = await classMapOn(page, fig('seg-instances', '[data-semantic]'));
    expect((await numbersIn(page, fig('seg-instances', '[data-count]')))[0]).toBe(instanceCount(predicted));
    expect(await look(page, 'seg-instances')).not.toBe(before);
    await page.click(fig('seg-instances', '[data-new-scene]'));
    await waitShown(page, 'seg-instances', `${repeatedSeed(seed + 1)}:prediction`);
  });

  it('the four scores are those of the confusion matrix shown, as FCN defines them', async () => {
    await reach(page, 'seg-scores');
    for (const model of ['fcn32s', 'unet', 'fcn8s']) {
      await page.check(fig('seg-scores', `input[value="${model}"]`));
      await waitShown(page, 'seg-scores', `5:${model}`);
      const truth = await classMapOn(page, fig('seg-scores', '[data-truth]'));
      expect(truth).toEqual(sceneOf(5).label);
      const predicted = await classMapOn(page, fig('seg-scores', '[data-predicted]'));
      const expected = scoresLoop(truth, predicted, 11);
      const cells = await numbersInAll(page, fig('seg-scores', '[data-matrix-body] td'));
      expect(cells.reduce((a, b) => a + b, 0)).toBe(64 * 64);
      // Pixel accuracy reads "= hits / pixels = value"; the others start with their value.
      const score = async (key: string) =>
        (await numbersIn(page, fig('seg-scores', `[data-score="${key}"]`))).at(key === 'pixelAccuracy' ? -1 : 0)!;
      expect(await score('pixelAccuracy')).toBe(Number((100 * expected.pixelAccuracy).toFixed(1)));
      expect(await score('meanAccuracy')).toBe(Number((100 * expected.meanAccuracy).toFixed(1)));
      expect(await score('meanIoU')).toBe(Number((100 * expected.meanIoU).toFixed(1)));
      // n_cl of mean IU: the classes in the truth or the prediction; of mean accuracy, in the truth.
      expect((await numbersIn(page, fig('seg-scores', '[data-score="meanIoU"]')))[1]).toBe(
        new Set([...truth, ...predicted]).size,
      );
      expect((await numbersIn(page, fig('seg-scores', '[data-score="meanAccuracy"]')))[1]).toBe(new Set(truth).size);
      expect(await score('frequencyWeightedIoU')).toBe(Number((100 * expected.frequencyWeightedIoU).toFixed(1)));
    }
    const before = await look(page, 'seg-scores');
    await page.click(fig('seg-scores', '[data-new-scene]'));
    await waitShown(page, 'seg-scores', '6:fcn8s');
    expect(await look(page, 'seg-scores')).not.toBe(before);
  });

  it('the worker holds no more tensors after 20 new scenes than before', async () => {
    await expectSteadyNewScenes(page, 'seg-classify');
  });

  it('passes axe and logged no errors', async () => {
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('a missing weight shard stops the figure with an error that names the model and the remedy', async () => {
    await expectMissingShardError(browser, page.url(), { model: 'unet', title: 'U-Net', figure: 'seg-instances' });
  });
});

const instanceCount = (labels: Uint8Array) => Math.max(0, ...componentsLoop(labels, 64, 64));

function numbersBefore(text: string): number[] {
  return (text.match(/-?\d+/g) ?? []).map(Number);
}
