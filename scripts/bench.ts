// Prints, per built page: JS shipped before any figure loads (gzip), time from navigation to the
// first drawn figure, and the p95 time of figure updates driven by the keyboard and controls, as
// Chromium schedules them and without its after-input deferral (the figure's own work).
// Usage: npm run bench (builds first). Needs /usr/bin/chromium (scripts/ensure-chromium.mjs).
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const DIST = resolve(process.env.DIST ?? 'dist');

// A hand holds a key or button for tens of milliseconds and leaves as long between presses (key
// auto-repeat is ~30/s). Playwright presses, releases and presses again within a few ms, so an
// input lands just after the frame drawn for the one before and, with Chromium's after-input
// deferral (see below), its result waits a whole frame more than a reader's would. The drivers
// hold for HOLD_MS and wait as long before each input.
const HOLD_MS = 80;

async function press(page: Page, selector: string, key: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.down(key);
  await page.waitForTimeout(HOLD_MS);
  await page.keyboard.up(key);
}

async function click(page: Page, selector: string): Promise<void> {
  const box = (await page.locator(selector).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(HOLD_MS);
  await page.mouse.up();
}

/** How a reader drives each figure, one input per update. */
const DRIVERS: Record<string, (page: Page, i: number) => Promise<void>> = {
  'bilinear-cell': async (page, i) => {
    await press(page, '[data-figure="bilinear-cell"] circle[role="slider"]', i % 2 ? 'ArrowLeft' : 'ArrowRight');
  },
  'bilinear-grid': async (page, i) => {
    const conventions = ['half-pixel', 'align-corners', 'tfjs-default'];
    await click(page, `[data-figure="bilinear-grid"] input[value="${conventions[i % 3]}"]`);
  },
  'bilinear-photo': async (page, i) => {
    await press(page, '[data-figure="bilinear-photo"] [data-photo]', i % 2 ? 'ArrowLeft' : 'ArrowRight');
  },
  'atrous-dilation': async (page, i) => {
    await press(page, '[data-figure="atrous-dilation"] input[type="range"]', i % 2 ? 'ArrowLeft' : 'ArrowRight');
  },
  'atrous-stack': async (page, i) => {
    await page.fill('[data-figure="atrous-stack"] [aria-label="Dilation of layer 6"]', String(i % 2 ? 16 : 12));
  },
  'atrous-erf': async (page, i) => {
    await press(page, '[data-figure="atrous-erf"] input[type="range"]', i % 2 ? 'ArrowLeft' : 'ArrowRight');
  },
  'atrous-gridding': async (page, i) => {
    await page.fill('[data-figure="atrous-gridding"] [data-side="1"] input', i % 2 ? '1, 2, 5' : '1, 2, 9');
  },
  'atrous-valid-taps': async (page, i) => {
    await press(page, '[data-figure="atrous-valid-taps"] input[type="range"]', i % 2 ? 'ArrowLeft' : 'ArrowRight');
  },
  'atrous-space-to-batch': async (page, i) => {
    await page.selectOption('[data-figure="atrous-space-to-batch"] [data-state="rate"]', i % 2 ? '2' : '8');
  },
  'fully-conv-digit': async (page, i) => {
    await page.fill('[data-figure="fully-conv-digit"] [data-state="digit"]', String(i + 1));
  },
  'fully-conv-scene': async (page, i) => {
    await page.fill('[data-figure="fully-conv-scene"] [data-state="seed"]', String(100 + i));
  },
  'fully-conv-size': async (page, i) => {
    await page.fill('[data-figure="fully-conv-size"] [data-state="input"]', String(8 + (i % 2)));
  },
  'transposed-scatter': async (page, i) => {
    await page.selectOption('[data-figure="transposed-scatter"] [data-state="stride"]', i % 2 ? '1' : '3');
  },
  'transposed-matrix': async (page, i) => {
    await click(page, `[data-figure="transposed-matrix"] input[value="${i % 2 ? 's1' : 's2'}"]`);
  },
  'transposed-checkerboard': async (page, i) => {
    await click(page, `[data-figure="transposed-checkerboard"] input[value="${i % 2 ? 'uniform' : 'random'}"]`);
  },
  'transposed-bilinear': async (page, i) => {
    await page.selectOption('[data-figure="transposed-bilinear"] [data-state="factor"]', i % 2 ? '2' : '4');
  },
};
const UPDATES = 40;

async function pages(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.name === 'index.html')
    .map((e) => '/' + relative(DIST, e.parentPath).split('\\').join('/') + (e.parentPath === DIST ? '' : '/'))
    .map((p) => p.replace('//', '/'))
    .sort();
}

const gzipBytes = async (url: string) => gzipSync(await readFile(join(DIST, new URL(url).pathname))).length;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Drives every figure on the page UPDATES times; the update durations per figure, in ms. */
async function figureUpdates(page: Page, figures: string[]): Promise<Map<string, number[]>> {
  const times = new Map<string, number[]>();
  for (const figure of figures) {
    const drive = DRIVERS[figure];
    if (!drive) continue;
    await page.locator(`[data-figure="${figure}"]`).scrollIntoViewIfNeeded();
    await page.waitForFunction((f) => document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.state === 'ready', figure, { timeout: 120_000 });
    const name = `figure-update:${figure}`;
    await page.evaluate((n) => performance.clearMeasures(n), name);
    for (let i = 0; i < UPDATES; i++) {
      const done = await page.evaluate((n) => performance.getEntriesByName(n).length, name);
      await page.waitForTimeout(HOLD_MS);
      await drive(page, i);
      await page.waitForFunction(([n, c]) => performance.getEntriesByName(n as string).length > (c as number), [name, done] as const, { timeout: 30_000 });
    }
    times.set(figure, await page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name));
  }
  return times;
}

const ms = (values: number[]) => `${percentile(values, 95).toFixed(1)} / ${percentile(values, 50).toFixed(1)}`;

const { server, url } = await serveStatic(DIST);
const browser = await launchChromium();
// After a click or key press Chromium holds back other tasks, the worker's reply among them, until
// the next frame is drawn (DeferRendererTasksAfterInput). A second browser without that policy
// shows what the figure's own work costs.
const undeferred = await launchChromium(['--disable-features=DeferRendererTasksAfterInput']);
const pageRows: string[][] = [];
const figureRows: string[][] = [];
// `node scripts/bench.ts /learn/<slug>/` benches one page.
const only = process.argv[2];
for (const path of (await pages(DIST)).filter((p) => !only || p === only)) {
  // A viewport too short to reach any figure: what loads then is what every reader pays for.
  const context = await browser.newContext({ viewport: { width: 1280, height: 120 } });
  const page = await context.newPage();
  const scripts = new Set<string>();
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.add(r.url());
  });
  await page.goto(url + path, { waitUntil: 'networkidle' });
  let initialJs = 0;
  for (const s of scripts) initialJs += await gzipBytes(s);
  await page.setViewportSize({ width: 1280, height: 900 });

  const figures = await page.locator('[data-figure]').evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')!));
  let firstDrawn = '';
  if (figures.length > 0) {
    // A fresh load that starts at the first figure: navigation → drawn.
    await page.goto(url + path + '#' + 'bench', { waitUntil: 'domcontentloaded' });
    await page.locator('[data-figure]').first().scrollIntoViewIfNeeded();
    const mark = `figure-ready:${figures[0]}`;
    await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000 });
    firstDrawn = `${(await page.evaluate((m) => performance.getEntriesByName(m)[0].startTime, mark)).toFixed(0)} ms`;
    const times = await figureUpdates(page, figures);
    const other = await undeferred.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(url + path, { waitUntil: 'domcontentloaded' });
    const ownTimes = await figureUpdates(other, figures);
    await other.close();
    for (const [figure, durations] of times) figureRows.push([path, figure, ms(durations), ms(ownTimes.get(figure)!)]);
  }
  const backend = figures.length > 0 ? ((await page.getAttribute('[data-backend-status]', 'data-backend')) ?? '') : '';
  pageRows.push([path, `${(initialJs / 1024).toFixed(1)} KB`, firstDrawn || '-', backend || '-']);
  await context.close();
}
await Promise.all([browser.close(), undeferred.close()]);
server.close();

const print = (rows: string[][]) => rows.forEach((row) => process.stdout.write(row.join(' | ') + '\n'));
print([['page', 'JS before figures (gzip)', 'navigation → first figure', 'backend'], ...pageRows]);
process.stdout.write('\n');
print([['page', 'figure', `update p95 / median, ms (${UPDATES} updates)`, 'without the after-input deferral'], ...figureRows]);
