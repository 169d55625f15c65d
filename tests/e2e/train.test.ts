// /playground/train/: a small segmenter trains in the page's worker. Runs on wasm (?backend=wasm),
// with 2 scenes per step so that a few dozen steps take seconds even on a busy 2-core machine.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { workerTensors } from './models.ts';
import { expectNoAxeViolations, numbersIn, openForFile, reach } from './page.ts';

const FIGURE = 'train-network';
const QUERY = '?backend=wasm&train-network.batchSize=2&train-network.learningRate=0.01';
const { page, errors } = await openForFile(`/playground/train/${QUERY}`);
const sel = (s: string) => `[data-figure="${FIGURE}"] ${s}`;

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
  return p.locator(sel('[data-table] tbody tr')).evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('td')].map((td) => Number.parseFloat(td.textContent ?? ''))));
}

async function lossAfterOneStep(p: Page): Promise<number> {
  const before = await stepCount(p);
  await p.click(sel('[data-step]'));
  await p.waitForFunction(
    ([s, t, n]) => Number(document.querySelector(s)?.textContent?.match(/\d+/)?.[0]) === n &&
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
    const stored = await page.evaluate(() => new Promise<boolean>((done) => {
      const open = indexedDB.open('tensorflowjs');
      open.onsuccess = () => {
        const get = open.result.transaction('models_store').objectStore('models_store').get('pixelwise-trained');
        get.onsuccess = () => done(get.result !== undefined);
      };
    }));
    expect(stored).toBe(true);
    const downloads: { name: string; text: string }[] = [];
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
});
