// Per trained model, in headless Chromium against the built site: load time (download, hash
// check and build in the worker, cold cache), inference time (one modelRun round trip from the
// page: the worker's predict plus bringing the maps back; median of RUNS new scenes), and the
// longest main-thread task while those runs happen (Chromium's long tasks, over 50 ms each).
// Drives the figures of the segmentation and skip-connections lessons, which record
// `model-load:<name>` and `model-run:<name>` measures (src/lib/viz/model-load.ts).
// Usage: npm run bench (builds first), or node scripts/bench-model-figures.ts after a build.
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const DIST = resolve(process.env.DIST ?? 'dist');
const RUNS = 10;
const SETTLE_MS = 1500;

/** Which figure runs each model alone per update (the classifier shares its figure with the U-Net). */
const CASES = [
  { model: 'classifier', path: '/learn/segmentation/', figure: 'seg-classify', query: '' },
  { model: 'fcn32s', path: '/learn/segmentation/', figure: 'seg-scores', query: 'seg-scores.model=fcn32s' },
  { model: 'fcn16s', path: '/learn/skip-connections/', figure: 'skip-fusion', query: 'skip-fusion.model=fcn16s' },
  { model: 'fcn8s', path: '/learn/segmentation/', figure: 'seg-scores', query: 'seg-scores.model=fcn8s' },
  { model: 'unet', path: '/learn/segmentation/', figure: 'seg-scores', query: 'seg-scores.model=unet' },
] as const;

/**
 * Records the main thread's long tasks (the browser reports every task over 50 ms, with its
 * duration) so the bench can name the longest one within a window.
 */
function watchLongTasks(): void {
  const tasks: { start: number; duration: number }[] = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  (window as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks;
}

/** The longest task that started after `since` (ms on the page's clock), 0 when none reached 50 ms. */
function longestSince(since: number): number {
  const { benchLongTasks } = window as unknown as { benchLongTasks: { start: number; duration: number }[] };
  return Math.max(0, ...benchLongTasks.filter((t) => t.start >= since).map((t) => t.duration));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function bench(browser: Browser, base: string, c: (typeof CASES)[number]) {
  // A fresh context per model: nothing cached, so the load is what a first visit costs.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(watchLongTasks);
  await page.goto(`${base}${c.path}${c.query ? `?${c.query}` : ''}`);
  const root = page.locator(`[data-figure="${c.figure}"]`);
  await root.scrollIntoViewIfNeeded();
  const ready = (f: string) => document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.state === 'ready';
  await page.waitForFunction(ready, c.figure, { timeout: 120_000 });
  // Other figures within reach mount meanwhile; measure only once the page has settled.
  const settled = () =>
    [...document.querySelectorAll<HTMLElement>('[data-figure]')].every((f) => f.dataset.state !== 'loading');
  await page.waitForFunction(settled, undefined, { timeout: 120_000 });
  await page.waitForTimeout(SETTLE_MS);
  const durations = (name: string) =>
    page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name);
  const [load] = await durations(`model-load:${c.model}`);
  const before = (await durations(`model-run:${c.model}`)).length;
  const since = await page.evaluate(() => performance.now());
  for (let i = 0; i < RUNS; i++) {
    const shown = await root.getAttribute('data-shown');
    await page.click(`[data-figure="${c.figure}"] [data-new-scene]`);
    const moved = ([f, s]: readonly [string, string | null]) =>
      document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.shown !== s;
    await page.waitForFunction(moved, [c.figure, shown] as const, { timeout: 60_000 });
  }
  const longest = await page.evaluate(longestSince, since);
  const runs = (await durations(`model-run:${c.model}`)).slice(before);
  if (load === undefined || runs.length === 0) throw new Error(`${c.figure} recorded no load or run of ${c.model}`);
  const backend = await page.locator('[data-backend-line]').innerText();
  await context.close();
  return { load, inference: median(runs), longest, backend };
}

const { server, url } = await serveStatic(DIST);
const browser = await launchChromium();
try {
  console.log(`Trained models in the browser worker (load cold; inference = median modelRun round trip of ${RUNS}):`);
  const head = ['load ms'.padStart(8), 'infer ms'.padStart(9), 'longest main-thread task ms'.padStart(28)];
  console.log(`  ${'model'.padEnd(11)} ${head.join(' ')}`);
  for (const c of CASES) {
    const r = await bench(browser, url, c);
    if (c === CASES[0]) console.log(`  ${r.backend}`);
    const longest = r.longest === 0 ? '< 50 (none long)' : r.longest.toFixed(0);
    const cells = [r.load.toFixed(0).padStart(8), r.inference.toFixed(1).padStart(9), longest.padStart(28)];
    console.log(`  ${c.model.padEnd(11)} ${cells.join(' ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
