// Helpers for the pages that run trained models: the Node prediction by the evaluation's own code
// path, label maps read back from the page's canvases, and the worker's live tensor count.
import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { rgb } from 'd3';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import { digitsFromIdx } from '../../src/lib/data/digits.ts';
import { DEFAULT_SCENE, type Scene } from '../../src/lib/data/scene.ts';
import { MODELS, type ModelName } from '../../src/lib/models/catalog.ts';
import { loadModel } from '../../src/lib/models/load.ts';
import { scenesToTensor, segment } from '../../src/lib/models/segment.ts';
import { fileFetch } from '../../src/lib/training/file-fetch.ts';
import { scenes } from '../../src/lib/training/scene-batch.ts';
import { CLASS_COLORS } from '../../src/lib/viz/class-palette.ts';
import { fig, reach } from './page.ts';

export const digits = digitsFromIdx(
  readFileSync('public/data/test-digits-images.idx'),
  readFileSync('public/data/test-digits-labels.idx'),
);

interface Row {
  name: string;
  pixelAccuracy: number;
  meanAccuracy: number;
  meanIoU: number;
  frequencyWeightedIoU: number;
}
export interface Metrics {
  models: Row[];
  paper: { rows: Row[] };
}
export const metrics = JSON.parse(readFileSync('public/weights/metrics.json', 'utf8')) as Metrics;
export const SCORES = ['pixelAccuracy', 'meanAccuracy', 'meanIoU', 'frequencyWeightedIoU'] as const;

/** The scene of `seed` as the evaluation makes it (scripts/evaluate.ts → scenes()). */
export const sceneOf = (seed: number, side = DEFAULT_SCENE.height): Scene =>
  scenes(digits, seed, 1, { ...DEFAULT_SCENE, height: side, width: side })[0]!;

/** The first seed from `seed` whose scene repeats a digit (the worker's sceneForPage search). */
export function repeatedSeed(seed: number): number {
  let s = seed;
  for (;;) {
    const d = sceneOf(s).placements.map((p) => p.digit);
    if (d.some((x, i) => d.indexOf(x) !== i)) return s;
    s++;
  }
}

/** The model's label map for a scene in Node, by the evaluation's code path (segment()). */
export async function nodePrediction(name: ModelName, scene: Scene): Promise<Uint8Array> {
  await tf.setBackend('cpu');
  const { model } = await loadModel(name, { base: 'public/weights/', fetch: fileFetch });
  const images = scenesToTensor([scene]);
  const predicted = segment(model, images, MODELS[name].border);
  const values = Uint8Array.from(predicted.dataSync());
  tf.dispose([images, predicted]);
  model.dispose();
  return values;
}

const PALETTE = CLASS_COLORS.map((c) => rgb(c));

/** A label map drawn in the class colours, read back from its canvas as class indices. */
export async function classMapOn(page: Page, selector: string): Promise<Uint8Array> {
  const rgba = await page.$eval(selector, (canvas: HTMLCanvasElement) =>
    Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data),
  );
  const classes = new Uint8Array(rgba.length / 4);
  for (let i = 0; i < classes.length; i++) {
    const k = PALETTE.findIndex((c) => c.r === rgba[i * 4] && c.g === rgba[i * 4 + 1] && c.b === rgba[i * 4 + 2]);
    expect(k, `pixel ${i} is not a class colour`).toBeGreaterThanOrEqual(0);
    classes[i] = k;
  }
  return classes;
}

/** Share of pixels on which two label maps agree. */
export function agreement(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** tf.memory().numTensors in the page's TensorFlow.js worker (tfjs keeps its engine on the global). */
export async function workerTensors(page: Page): Promise<number> {
  const [worker] = page.workers();
  if (!worker) throw new Error('no worker on the page');
  type Engine = { _tfengine: { memory(): { numTensors: number } } };
  return worker.evaluate(() => (globalThis as unknown as Engine)._tfengine.memory().numTensors);
}

/** Waits until a figure has drawn the state `shown` (figures write it on their root after each draw). */
export async function waitShown(page: Page, figure: string, shown: string): Promise<void> {
  await page.waitForFunction(
    ([f, s]) => document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.shown === s,
    [figure, shown] as const,
    { timeout: 60_000 },
  );
}

/** Everything a figure shows (its canvases' pixels and its text), to tell whether a control moved it. */
export async function look(page: Page, figure: string): Promise<string> {
  return page.$eval(`[data-figure="${figure}"]`, (root) =>
    [
      ...Array.from(root.querySelectorAll('canvas'), (c) => (c as HTMLCanvasElement).toDataURL()),
      (root as HTMLElement).innerText,
    ].join('|'),
  );
}

/** Numbers in the text of every element `selector` matches, in document order. */
export async function numbersInAll(page: Page, selector: string): Promise<number[]> {
  const texts = await page.$$eval(selector, (els) => els.map((e) => (e as HTMLElement).innerText));
  return texts.flatMap((text) => (text.match(/-?\d+(\.\d+)?(e[-+]?\d+)?/g) ?? []).map(Number));
}

/** Every `data-measured="<model>.<score>"` span prints metrics.json's number; returns how many there are. */
export async function expectMeasuredNumbers(page: Page): Promise<number> {
  const spans = await page.locator('[data-measured]').all();
  for (const span of spans) {
    const [model, score] = (await span.getAttribute('data-measured'))!.split('.') as [string, (typeof SCORES)[number]];
    const expected = metrics.models.find((m) => m.name === model)![score];
    expect(await span.innerText(), `${model}.${score}`).toBe(`${(100 * expected).toFixed(1)}%`);
  }
  return spans.length;
}

/** Runs a figure 20 times (`run(i)` moves it and waits for the draw); the worker's tensor count ends where it began. */
export async function expectSteadyTensors(
  page: Page,
  figure: string,
  run: (i: number) => Promise<void>,
): Promise<void> {
  await reach(page, figure);
  const baseline = await workerTensors(page);
  for (let i = 0; i < 20; i++) await run(i);
  expect(await workerTensors(page)).toBe(baseline);
}

/** Presses a figure's "New scene" 20 times, each drawn with the next seed; the tensor count ends where it began. */
export async function expectSteadyNewScenes(page: Page, figure: string): Promise<void> {
  await reach(page, figure);
  const seed = Number(await page.inputValue(fig(figure, 'input[data-state="seed"]')));
  await expectSteadyTensors(page, figure, async (i) => {
    await page.click(fig(figure, '[data-new-scene]'));
    await waitShown(page, figure, String(seed + i + 1));
  });
}

/**
 * With `model`'s weight shards answering 404, `figure` on a fresh copy of the page stops with an
 * error that names the model (its title) and says what to do.
 */
export async function expectMissingShardError(
  browser: Browser,
  url: string,
  { model, title, figure }: { model: ModelName; title: string; figure: string },
): Promise<void> {
  const context = await browser.newContext();
  const broken = await context.newPage();
  await broken.route(`**/weights/${model}/*.bin`, (route) => route.fulfill({ status: 404, body: '' }));
  // The lesson's own address: the figures' settings the open page has written into its URL stay behind.
  const { origin, pathname } = new URL(url);
  await broken.goto(origin + pathname);
  expect(await reach(broken, figure)).toBe('error');
  const message = await broken.locator(fig(figure, '[data-status]')).innerText();
  expect(message).toContain(title);
  expect(message).toContain('404');
  expect(message).toMatch(/reload|connection/);
  await context.close();
}
