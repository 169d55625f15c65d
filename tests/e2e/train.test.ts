// /playground/train/: a small segmenter trains in the page's worker. Runs on wasm (?backend=wasm),
// with 2 scenes per step so that a few dozen steps take seconds even on a busy 2-core machine.

import { readFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { scenesToTensor, segment } from '../../src/lib/models/segment.ts';
import { CLASS_COLORS } from '../../src/lib/viz/class-palette.ts';
import { agreement, sceneOf, workerTensors } from './models.ts';
import { expectNoAxeViolations, numbersIn, openForFile, reach } from './page.ts';

const FIGURE = 'train-network';
const QUERY = '?backend=wasm&train-network.batchSize=2&train-network.learningRate=0.01';
const { page, errors } = await openForFile(`/playground/train/${QUERY}`);
const sel = (s: string) => `[data-figure="${FIGURE}"] ${s}`;
/** The kept network's files, downloaded by the test that keeps it. */
const downloads: { name: string; text: string }[] = [];

const stepCount = async (p: Page) => (await numbersIn(p, sel('[data-step-count]')))[0]!;
const playing = (p: Page) => p.locator(sel('').trim()).evaluate((f: HTMLElement) => f.dataset.playing === 'true');

async function playUntil(p: Page, step: number): Promise<void> {
  await p.click(sel('[data-play]'));
  await p.waitForFunction(
    ([s, n]) => Number(document.querySelector(s)?.textContent?.match(/\d+/)?.[0]) >= n,
    [sel('[data-step-count]'), step] as const,
    { timeout: 240_000 },
  );
  await pause(p);
}

async function pause(p: Page): Promise<void> {
  if (await playing(p)) await p.click(sel('[data-play]'));
  // Paused for good once the loop has drawn its last answer (the paused network's evaluation).
  await p.waitForFunction((f) => document.querySelector<HTMLElement>(f)?.dataset.running === 'false', sel('').trim(), {
    timeout: 60_000,
  });
}

/** The table's rows: step, mean loss since the row before, held-out mean IU (%). */
async function tableRows(p: Page): Promise<number[][]> {
  return p
    .locator(sel('[data-table] tbody tr'))
    .evaluateAll((rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number.parseFloat(td.textContent ?? ''))),
    );
}

async function lossAfterOneStep(p: Page): Promise<number> {
  const before = await stepCount(p);
  await p.click(sel('[data-step]'));
  await p.waitForFunction(
    ([s, t, n]) =>
      Number(document.querySelector(s)?.textContent?.match(/\d+/)?.[0]) === n &&
      document.querySelector(t)?.textContent?.includes(`at step ${n})`) === true,
    [sel('[data-step-count]'), sel('[data-miou]'), before + 1] as const,
    { timeout: 60_000 },
  );
  return (await numbersIn(p, sel('[data-loss]')))[0]!;
}

describe('training in the browser', () => {
  it('states the network and its size, and shows the held-out scene before any step', async () => {
    expect(await reach(page, FIGURE)).toBe('ready');
    const size = await page.locator(sel('[data-size]')).innerText();
    expect(size).toMatch(/trainable weights, training on wasm/);
    const weights = Number(size.match(/([\d,]+) trainable weights/)![1]!.replaceAll(',', ''));
    expect(weights).toBeGreaterThan(10_000);
    expect(await stepCount(page)).toBe(0);
  });

  it('trains: the loss falls over a few dozen steps and the tensor count stays flat', async () => {
    await playUntil(page, 20);
    const tensors = await workerTensors(page);
    await playUntil(page, 60);
    expect(await workerTensors(page)).toBe(tensors);
    const rows = (await tableRows(page)).filter((r) => Number.isFinite(r[1]));
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows.at(-1)![1]).toBeLessThan(rows[0]![1]!);
  });

  it('pause stops the steps', async () => {
    await page.click(sel('[data-play]'));
    await page.waitForTimeout(1500);
    await pause(page);
    const paused = await stepCount(page);
    await page.waitForTimeout(3000);
    expect(await stepCount(page)).toBe(paused);
    expect(await page.locator(sel('[data-rate]')).innerText()).toMatch(/not training/);
  });

  it('reset with the same seed gives the same first losses', async () => {
    const firstLosses = async () => {
      await page.fill(sel('input[data-state="seed"]'), '42');
      await page.click(sel('[data-reset]'));
      await page.waitForFunction((s) => document.querySelector(s)?.textContent === 'Step 0', sel('[data-step-count]'));
      return [await lossAfterOneStep(page), await lossAfterOneStep(page), await lossAfterOneStep(page)];
    };
    const a = await firstLosses();
    const b = await firstLosses();
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(3);
  });

  it('keeps the network for the playground and downloads it in tfjs layers format', async () => {
    await page.click(sel('[data-use]'));
    const kept = () => page.locator(sel('[data-kept]')).innerText();
    await expect.poll(kept, { timeout: 30_000 }).toMatch(/Kept in this browser/);
    expect(await page.locator(sel('[data-open]')).isVisible()).toBe(true);
    const flag = await page.evaluate(() => sessionStorage.getItem('pixelwise:trained'));
    expect(JSON.parse(flag!)).toMatchObject({ net: expect.any(String), step: expect.any(Number) });
    const stored = await page.evaluate(
      () =>
        new Promise<boolean>((done) => {
          const open = indexedDB.open('tensorflowjs');
          open.onsuccess = () => {
            const get = open.result.transaction('models_store').objectStore('models_store').get('pixelwise-trained');
            get.onsuccess = () => done(get.result !== undefined);
          };
        }),
    );
    expect(stored).toBe(true);
    page.on('download', async (d) => {
      const stream = await d.createReadStream();
      const chunks: Buffer[] = [];
      for await (const c of stream) chunks.push(c as Buffer);
      downloads.push({ name: d.suggestedFilename(), text: Buffer.concat(chunks).toString('latin1') });
    });
    await page.click(sel('[data-download]'));
    await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
    const json = downloads.find((d) => d.name.endsWith('.json'))!;
    const bin = downloads.find((d) => d.name.endsWith('.weights.bin'))!;
    type Manifest = { paths: string[]; weights: { shape: number[] }[] }[];
    const model = JSON.parse(json.text) as { format: string; weightsManifest: Manifest };
    expect(model.format).toBe('layers-model');
    expect(model.weightsManifest[0]!.paths).toEqual([bin.name]);
    const values = model.weightsManifest[0]!.weights.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    expect(bin.text.length).toBe(4 * values);
  });

  it('no console errors; axe finds nothing', async () => {
    await page.click(sel('.curve-table summary'));
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
  });

  it('"Open the playground" runs the kept network there: the label map its downloaded files give in Node', async () => {
    const PLAY = '[data-figure="play-ground"]';
    const shown = () => page.$eval(PLAY, (f) => (f as HTMLElement).dataset.shown ?? '');
    const drawn = (ending: string) =>
      page.waitForFunction(
        ([f, e]) => {
          const root = document.querySelector<HTMLElement>(f);
          return root?.dataset.state === 'ready' && (root.dataset.shown ?? '').endsWith(e);
        },
        [PLAY, ending] as const,
        { timeout: 120_000 },
      );
    await page.click(sel('[data-open]'));
    await page.waitForURL(/\/playground\/\?play-ground\.trained=1#try$/, { waitUntil: 'commit' });
    expect(await reach(page, 'play-ground')).toBe('ready');
    expect(await page.locator(`${PLAY} [data-trained-choice]`).isVisible()).toBe(true);
    expect(await page.locator(`${PLAY} input[data-state="trained"]`).isChecked()).toBe(true);
    await page.locator(`${PLAY} input[data-state="opacity"]`).fill('1');
    await drawn(':1');
    expect((await shown()).split(':')[2]!.split(',')).toContain('trained');
    const note = await page.locator(`${PLAY} [data-trained-note]`).innerText();
    expect(note).toMatch(/^Yours \(Small FCN\): [\d.]+% mean IU after \d+ steps.*The shipped FCN-8s: [\d.]+%/s);
    // The shipped model's steps are those it ran (it stopped on its plateau), not its recipe's cap.
    const fcn8s = JSON.parse(readFileSync('public/weights/fcn8s/manifest.json', 'utf8')).training;
    expect(fcn8s.stepsRun).toBeLessThan(fcn8s.steps);
    expect(note).toContain(`after ${fcn8s.stepsRun} steps of ${fcn8s.batchSize} scenes`);

    // The same network in Node, from the files the trainer downloaded, on the playground's scene (seed 5).
    const json = JSON.parse(downloads.find((d) => d.name.endsWith('.json'))!.text) as tf.io.ModelJSON;
    const bin = Buffer.from(downloads.find((d) => d.name.endsWith('.weights.bin'))!.text, 'latin1');
    const weights = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
    await tf.setBackend('cpu');
    const weightSpecs = json.weightsManifest[0]!.weights;
    const model = await tf.loadLayersModel(
      tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs, weightData: weights }),
    );
    const scene = sceneOf(5);
    const images = scenesToTensor([scene]);
    const predicted = segment(model, images, 0);
    const truth = Uint8Array.from(predicted.dataSync());
    tf.dispose([images, predicted]);
    model.dispose();
    const data = await page.$eval(`${PLAY} [data-output="trained"]`, (c: HTMLCanvasElement) =>
      Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data),
    );
    expect(data.length).toBe(4 * truth.length);
    // At opacity 1 a digit pixel is its class colour, a background pixel the scene's grey.
    const palette = CLASS_COLORS.map((c) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)));
    const read = Array.from(truth, (_, i) => {
      const rgb = data.slice(4 * i, 4 * i + 3);
      const k = palette.findIndex((c, j) => j > 0 && c.every((v, n) => v === rgb[n]));
      return k > 0 ? k : rgb[0] === Math.round(scene.image[i]! * 255) ? 0 : -1;
    });
    expect(read.filter((k) => k < 0).length).toBe(0);
    expect(agreement(read, truth)).toBeGreaterThanOrEqual(0.99);
    expect(errors).toEqual([]);
  });

  it('a missing stored network is reported next to the model list; the other models still run', async () => {
    await page.evaluate(
      () =>
        new Promise((done) => {
          indexedDB.deleteDatabase('tensorflowjs').onsuccess = done;
        }),
    );
    await page.reload();
    const PLAY = '[data-figure="play-ground"]';
    expect(await reach(page, 'play-ground')).toBe('ready');
    await expect
      .poll(() => page.locator(`${PLAY} [data-trained-note]`).innerText(), { timeout: 60_000 })
      .toMatch(/could not be loaded from this browser's storage/);
    expect(await page.locator(`${PLAY} [data-model-panel="trained"]`).isHidden()).toBe(true);
    const models = await page.$eval(PLAY, (f) => ((f as HTMLElement).dataset.shown ?? '').split(':')[2]);
    expect(models).toBe('fcn8s,unet,selfie');
  });
});
