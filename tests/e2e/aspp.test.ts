import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENE, makeScene, type Scene } from '../../src/lib/data/scene.ts';
import { confusionMatrix, segmentationMetrics } from '../../src/lib/models/metrics.ts';
import { validSharesLoop } from '../../src/lib/ops/aspp-fields.reference.ts';
import {
  agreement,
  classMapOn,
  digits,
  expectMeasuredNumbers,
  expectSteadyTensors,
  look,
  metrics,
  nodePrediction,
  waitShown,
} from './models.ts';
import { expectNoAxeViolations, fig, numbersIn, openForFile, reach } from './page.ts';

const PATH = '/learn/aspp/';
const FIGURES = ['aspp-fields', 'aspp-switch', 'aspp-decoder'];

const { page, errors } = await openForFile(PATH);

const text = (selector: string) => page.locator(selector).innerText();
/** The scenes of the switch and decoder figures: two or three digits. */
const sceneOf = (seed: number): Scene => makeScene(digits, seed, { ...DEFAULT_SCENE, minDigits: 2 });
const pct = (v: number) => (100 * v).toFixed(1);
const sharesShown = async () => {
  const out = [];
  for (const i of [0, 1, 2])
    out.push((await numbersIn(page, fig('aspp-fields', `[data-branch-shares="${i}"]`))).slice(0, 2));
  return out;
};
const settingShows = (text: string) =>
  page.waitForFunction(
    (t) => document.querySelector('[data-figure="aspp-fields"] [data-setting]')?.textContent?.includes(t),
    text,
  );
const switchShown = (values: Record<string, string | boolean | number>) =>
  waitShown(page, 'aspp-switch', Object.values(values).join(','));

describe('the ASPP lesson', () => {
  it('renders its math, follows atrous convolution as the last lesson, leads on to the playground, and draws every figure', async () => {
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe('/learn/atrous-convolution/');
    expect(await page.locator('a[rel="next"]').getAttribute('href')).toBe('/playground/');
    expect(await page.locator('.sources a[href="https://arxiv.org/abs/1802.02611"]').count()).toBe(1);
    for (const figure of FIGURES) expect(await reach(page, figure), figure).toBe('ready');
    expect(errors).toEqual([]);
  });

  it("prints the evaluation's numbers, as in public/weights/metrics.json, beside the paper's decoder gain", async () => {
    expect(await expectMeasuredNumbers(page)).toBeGreaterThanOrEqual(2);
    const miou = (name: string) => metrics.models.find((m) => m.name === name)!.meanIoU * 100;
    const [v3, plus] = [miou('deeplabv3'), miou('deeplabv3plus')];
    const cells = async (row: string) =>
      (await page.locator(fig('aspp-decoder', `tr[data-row="${row}"] td`)).allInnerTexts()).map(Number);
    expect(await cells('ours')).toEqual([
      Number(v3.toFixed(1)),
      Number(plus.toFixed(1)),
      Number((plus - v3).toFixed(1)),
    ]);
    expect(await cells('paper')).toEqual([77.21, 78.85, 1.64]);
  });

  it("branch fields: our rates and map from the model, the paper's shares 0.405 / 0.074 / 0 and 0.398 / 0.068 / 0", async () => {
    await reach(page, 'aspp-fields');
    expect(await numbersIn(page, fig('aspp-fields', '[data-setting]'))).toEqual([64, 4, 16, 16, 3, 3, 3, 6, 9]);
    const expected = (n: number, rates: number[]) => rates.map((r) => validSharesLoop(n, r).map((v) => Number(pct(v))));
    expect(await sharesShown()).toEqual(expected(16, [3, 6, 9]));
    await page.check(fig('aspp-fields', 'input[value="os16"]'));
    await settingShows('33×33');
    expect(await sharesShown()).toEqual(expected(33, [6, 12, 18]));
    expect((await sharesShown()).map((s) => s[0])).toEqual([40.5, 7.4, 0]);
    await page.check(fig('aspp-fields', 'input[value="os8"]'));
    await settingShows('65×65');
    expect((await sharesShown()).map((s) => s[0])).toEqual([39.8, 6.8, 0]);
    expect(await text(fig('aspp-fields', '[data-branch-span="2"]'))).toContain(
      'spans 73 map pixels (584 input pixels)',
    );
    await page.focus(fig('aspp-fields', '[data-branch="0"]'));
    const before = await numbersIn(page, fig('aspp-fields', '[data-cursor]'));
    await page.keyboard.press('ArrowDown');
    expect(await numbersIn(page, fig('aspp-fields', '[data-cursor]'))).toEqual([before[0]! + 1, before[1]!]);
  });

  it("the branch switch: all on agrees with Node, its mIoU is the scene's, and a switch changes the prediction", async () => {
    await reach(page, 'aspp-switch');
    const values = { model: 'deeplabv3', seed: 5, b0: true, b1: true, b2: true, b3: true, b4: true };
    await page.check(fig('aspp-switch', 'input[data-state="b1"]'));
    await switchShown(values);
    const scene = sceneOf(5);
    const node = await nodePrediction('deeplabv3', scene);
    const full = await classMapOn(page, fig('aspp-switch', '[data-mo-map="0"]'));
    expect(agreement(full, node)).toBeGreaterThanOrEqual(0.99);
    expect(await classMapOn(page, fig('aspp-switch', '[data-mo-map="1"]'))).toEqual(full);
    const scores = await numbersIn(page, fig('aspp-switch', '[data-result]'));
    const nodeIoU = segmentationMetrics(confusionMatrix(scene.label, node, 11), 11).meanIoU;
    expect(Math.abs(scores[0]! - 100 * nodeIoU)).toBeLessThan(1);
    expect(scores[2]).toBe(0);
    for (const key of ['b1', 'b2', 'b3'] as const) {
      await page.uncheck(fig('aspp-switch', `input[data-state="${key}"]`));
      values[key] = false;
      await switchShown(values);
    }
    const switched = await classMapOn(page, fig('aspp-switch', '[data-mo-map="1"]'));
    expect(agreement(switched, full)).toBeLessThan(1);
    const [fullIoU, nowIoU, changed] = await numbersIn(page, fig('aspp-switch', '[data-result]'));
    expect(changed).toBe(switched.filter((c, i) => c !== full[i]).length);
    expect(nowIoU).not.toBe(fullIoU);
    // A picked pixel lists its eleven probabilities under both runs.
    await page.focus(fig('aspp-switch', '[data-mo-map="1"]'));
    const picked = await text(fig('aspp-switch', '[data-mo-picked]'));
    await page.keyboard.press('ArrowRight');
    expect(await text(fig('aspp-switch', '[data-mo-picked]'))).not.toBe(picked);
    for (const column of ['0', '1']) {
      const cells = page.locator(fig('aspp-switch', `td[data-mo-cell="${column}"]`));
      const probs = (await cells.allInnerTexts()).map(Number);
      expect(probs).toHaveLength(11);
      expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);
    }
    const before = await look(page, 'aspp-switch');
    await page.check(fig('aspp-switch', 'input[value="deeplabv3plus"]'));
    values.model = 'deeplabv3plus';
    await switchShown(values);
    expect(await look(page, 'aspp-switch')).not.toBe(before);
    await page.fill(fig('aspp-switch', 'input[data-state="seed"]'), '6');
    values.seed = 6;
    await switchShown(values);
  });

  it('v3 against v3+: v3+ agrees with Node; errors add up; the band slider and the seed move the figure', async () => {
    await reach(page, 'aspp-decoder');
    const scene = sceneOf(9);
    const plus = await classMapOn(page, fig('aspp-decoder', '[data-map="v3plus-prediction"]'));
    expect(agreement(plus, await nodePrediction('deeplabv3plus', scene))).toBeGreaterThanOrEqual(0.99);
    const [, , inBand, outside] = await numbersIn(page, fig('aspp-decoder', '[data-counts="v3plus"]'));
    expect(inBand! + outside!).toBe(plus.filter((c, i) => c !== scene.label[i]).length);
    const band = (await numbersIn(page, fig('aspp-decoder', '[data-band-size]')))[1]!;
    await page.fill(fig('aspp-decoder', 'input[data-state="band"]'), '3');
    await waitShown(page, 'aspp-decoder', '9,3');
    expect((await numbersIn(page, fig('aspp-decoder', '[data-band-size]')))[1]).toBeGreaterThan(band);
    const before = await look(page, 'aspp-decoder');
    await page.click(fig('aspp-decoder', '[data-reroll]'));
    await waitShown(page, 'aspp-decoder', '10,3');
    expect(await look(page, 'aspp-decoder')).not.toBe(before);
  });

  it('the worker holds no more tensors after 20 runs than before', async () => {
    const values = { model: 'deeplabv3plus', seed: 6, b0: true, b1: false, b2: false, b3: false, b4: true };
    await expectSteadyTensors(page, 'aspp-switch', async () => {
      await page.click(fig('aspp-switch', 'input[data-state="b0"]'));
      values.b0 = !values.b0;
      await switchShown(values);
    });
  });

  it('passes axe and logged no errors', async () => {
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });
});
