import { describe, expect, it } from 'vitest';
import { scoresLoop } from '../../src/lib/ops/segmentation-scores.reference.ts';
import {
  agreement,
  classMapOn,
  expectMeasuredNumbers,
  expectMissingShardError,
  expectSteadyNewScenes,
  look,
  metrics,
  nodePrediction,
  numbersInAll,
  SCORES,
  sceneOf,
  waitShown,
} from './models.ts';
import { expectNoAxeViolations, fig, numbersIn, openForFile, reach } from './page.ts';

const PATH = '/learn/skip-connections/';
const FCNS = ['fcn32s', 'fcn16s', 'fcn8s'] as const;

const { browser, page, errors } = await openForFile(PATH);

describe('the skip-connections lesson', () => {
  it('comes after transposed convolution, renders its math and draws every figure without errors', async () => {
    expect(await page.locator('a[rel="prev"]').getAttribute('href')).toBe('/learn/transposed-convolution/');
    expect(await page.locator('.katex-display').count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.katex-error').count()).toBe(0);
    for (const figure of ['skip-compare', 'skip-fusion']) expect(await reach(page, figure), figure).toBe('ready');
    expect(errors).toEqual([]);
  });

  it("the measured table is public/weights/metrics.json, and the paper's is FCN Table 2 from it", async () => {
    for (const name of FCNS) {
      const row = metrics.models.find((m) => m.name === name)!;
      const shown = await numbersInAll(page, `[data-table="ours"] tr[data-model="${name}"] td`);
      expect(shown).toEqual(SCORES.map((k) => Number((100 * row[k]).toFixed(1))));
    }
    for (const row of metrics.paper.rows) {
      const shown = await numbersInAll(page, `[data-table="paper"] tr[data-model="${row.name}"] td`);
      expect(shown).toEqual(SCORES.map((k) => row[k]));
    }
    // docs/sources.md: FCN-8s 90.3 / 75.9 / 62.7 / 83.2.
    const fcn8s = await numbersInAll(page, '[data-table="paper"] tr[data-model="fcn8s"] td');
    expect(fcn8s).toEqual([90.3, 75.9, 62.7, 83.2]);
    await expectMeasuredNumbers(page);
  });

  it("each FCN's map agrees with the Node evaluation on >= 99% of pixels; its scene mean IU is its own", async () => {
    await reach(page, 'skip-compare');
    await page.fill(fig('skip-compare', 'input[data-state="seed"]'), '77');
    await waitShown(page, 'skip-compare', '77');
    const scene = sceneOf(77);
    expect(await classMapOn(page, fig('skip-compare', '[data-truth]'))).toEqual(scene.label);
    for (const [i, name] of FCNS.entries()) {
      const shown = await classMapOn(page, fig('skip-compare', `[data-mo-map="${i}"]`));
      expect(agreement(shown, await nodePrediction(name, scene)), name).toBeGreaterThanOrEqual(0.99);
      const miou = (await numbersIn(page, fig('skip-compare', `[data-mo-below="${i}"]`)))[0];
      expect(miou).toBe(Number((100 * scoresLoop(scene.label, shown, 11).meanIoU).toFixed(1)));
    }
  });

  it("a picked pixel shows each model's eleven probabilities; New scene moves the figure", async () => {
    await page.focus(fig('skip-compare', '[data-mo-map="2"]'));
    await page.keyboard.press('ArrowDown');
    for (const i of [0, 1, 2]) {
      const probs = await numbersInAll(page, fig('skip-compare', `td[data-mo-cell="${i}"]`));
      expect(probs).toHaveLength(11);
      expect(Math.abs(probs.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(0.01);
    }
    const before = await look(page, 'skip-compare');
    await page.click(fig('skip-compare', '[data-new-scene]'));
    await waitShown(page, 'skip-compare', '78');
    expect(await look(page, 'skip-compare')).not.toBe(before);
  });

  it("the fusion shows the model's own sums, and every control moves it", async () => {
    await reach(page, 'skip-fusion');
    await waitShown(page, 'skip-fusion', '3:fcn8s:7:64');
    expect((await numbersIn(page, fig('skip-fusion', '[data-sum-check]'))).at(-1)).toBeLessThan(1e-4);
    expect(await page.locator(fig('skip-fusion', '[data-dims="score_fr"]')).innerText()).toContain('2×2');
    expect(await page.locator(fig('skip-fusion', '[data-dims="upscore8"]')).innerText()).toContain('64×64');
    const steps: [() => Promise<unknown>, string][] = [
      [() => page.selectOption(fig('skip-fusion', 'select[data-state="cls"]'), '2'), '3:fcn8s:2:64'],
      [() => page.check(fig('skip-fusion', 'input[value="128"]')), '3:fcn8s:2:128'],
      [() => page.check(fig('skip-fusion', 'input[value="fcn16s"]')), '3:fcn16s:2:128'],
      [() => page.click(fig('skip-fusion', '[data-new-scene]')), '4:fcn16s:2:128'],
      [() => page.fill(fig('skip-fusion', 'input[data-state="seed"]'), '9'), '9:fcn16s:2:128'],
    ];
    for (const [act, shown] of steps) {
      const before = await look(page, 'skip-fusion');
      await act();
      await waitShown(page, 'skip-fusion', shown);
      expect(await look(page, 'skip-fusion'), shown).not.toBe(before);
    }
    expect(await page.locator(fig('skip-fusion', '[data-dims="score_fr"]')).innerText()).toContain('4×4');
    expect(await page.locator(fig('skip-fusion', '[data-row-model="fcn8s"]')).first().isHidden()).toBe(true);
    expect(await page.locator(fig('skip-fusion', '[data-row-model="fcn16s"]')).isVisible()).toBe(true);
    expect((await numbersIn(page, fig('skip-fusion', '[data-sum-check]'))).at(-1)).toBeLessThan(1e-4);
  });

  it('the worker holds no more tensors after 20 new scenes than before', async () => {
    await expectSteadyNewScenes(page, 'skip-compare');
  });

  it('passes axe and logged no errors', async () => {
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('a missing FCN-8s shard gives an error that names FCN-8s and the remedy', async () => {
    await expectMissingShardError(browser, page.url(), { model: 'fcn8s', title: 'FCN-8s', figure: 'skip-compare' });
  });
});
