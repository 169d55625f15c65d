// npm run bench (last part): the playground's models in the browser worker at the sizes the page
// runs them (digit models at 64×64 on scenes and 128×128 on photos, the selfie model at 256×256),
// each model alone, and frames per second on Chromium's fake camera. Reads the page's own
// `play-run:<model>@<side>` measures (worker round trip of one model run).
// Usage after a build: node scripts/bench-playground.ts
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const DIGIT_MODELS = ['fcn32s', 'fcn16s', 'fcn8s', 'unet', 'deeplabv3', 'deeplabv3plus'];
const MODELS = [...DIGIT_MODELS, 'selfie'];
const RUNS = 12;
const CAMERA_SECONDS = 6;
const FIG = '[data-figure="play-ground"]';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)]!;

async function redraw(page: Page, act: () => Promise<unknown>): Promise<void> {
  const before = await page.$eval(FIG, (f) => (f as HTMLElement).dataset.shown);
  await act();
  await page.waitForFunction(
    ([sel, b]) => {
      const f = document.querySelector<HTMLElement>(sel)!;
      return f.dataset.shown !== b && f.dataset.state === 'ready';
    },
    [FIG, before] as const,
    { timeout: 120_000 },
  );
}

/** Opens the playground with only `models` ticked on `input`. */
async function openWith(page: Page, base: string, input: string, models: string[]): Promise<void> {
  const ticks = MODELS.map((m) => `play-ground.${m}=${models.includes(m) ? 1 : 0}`).join('&');
  await page.goto(`${base}/playground/?play-ground.input=${input}&${ticks}`);
  await page.locator(FIG).scrollIntoViewIfNeeded();
  const ready = (sel: string) => document.querySelector<HTMLElement>(sel)?.dataset.state === 'ready';
  await page.waitForFunction(ready, FIG, { timeout: 120_000 });
}

const runTimes = (page: Page, model: string, side: number) =>
  page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), `play-run:${model}@${side}`);

const { server, url } = await serveStatic(resolve(process.env.DIST ?? 'dist'));
const browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const rows: string[][] = [];
for (const model of MODELS) {
  // Scenes (64×64), a new one per run; then photos, alternating two samples.
  await openWith(page, url, 'scene', [model]);
  for (let i = 0; i < RUNS; i++) await redraw(page, () => page.locator(`${FIG} [data-new-scene]`).click());
  const sceneTimes = (await runTimes(page, model, 64)).slice(1);
  await openWith(page, url, 'sample', [model]);
  for (let i = 0; i < RUNS; i++) {
    const photo = i % 2 ? 'astronaut' : 'coffee';
    await redraw(page, () => page.locator(`${FIG} select[data-state="sample"]`).selectOption(photo));
  }
  const photoSide = model === 'selfie' ? 256 : 128;
  const photoTimes = (await runTimes(page, model, photoSide)).slice(1);
  const cell = (xs: number[]) => `${median(xs).toFixed(1)} / ${p95(xs).toFixed(1)} ms`;
  rows.push([model, cell(sceneTimes), `${cell(photoTimes)} at ${photoSide}×${photoSide}`]);
}
const backend = await page.getAttribute('[data-backend-status]', 'data-backend');

const cameraRows: string[][] = [];
for (const models of [['selfie'], ['fcn8s', 'unet', 'selfie']]) {
  await openWith(page, url, 'webcam', models);
  await page.locator(`${FIG} [data-camera-start]`).click();
  const running = (sel: string) => Number(document.querySelector<HTMLElement>(sel)!.dataset.fps) > 0;
  await page.waitForFunction(running, FIG, { timeout: 60_000 });
  await page.waitForTimeout(CAMERA_SECONDS * 1000);
  const fps = await page.$eval(FIG, (f) => (f as HTMLElement).dataset.fps);
  cameraRows.push([models.join(' + '), `${fps} frames/s`]);
  await page.locator(`${FIG} [data-camera-stop]`).click();
}
await browser.close();
server.close();

const print = (r: string[][]) => r.forEach((row) => process.stdout.write(`${row.join(' | ')}\n`));
const on = backend ?? 'backend unknown';
process.stdout.write(`\nPlayground, one model run in the worker (${on}), median / p95 of ${RUNS - 1}:\n`);
print([['model', 'scene 64×64', 'photo'], ...rows]);
process.stdout.write(`\nPlayground camera (Chromium's fake device), frames segmented per second:\n`);
print(cameraRows);
