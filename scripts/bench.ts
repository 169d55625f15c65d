// npm run bench: first the performance budgets of every built page against the previous commit
// (scripts/bench-budgets.ts), then the time of figure updates driven by the keyboard and
// controls, as Chromium schedules them and without its after-input deferral (the figure's own
// work), p95 and median.
// Usage: npm run bench (builds first). Needs /usr/bin/chromium (scripts/ensure-chromium.mjs).
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { benchBudgets } from './bench-budgets.ts';
import { builtPages } from './lib/built-pages.ts';
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
    await page.waitForFunction(
      (f) => document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.state === 'ready',
      figure,
      { timeout: 120_000 },
    );
    const name = `figure-update:${figure}`;
    await page.evaluate((n) => performance.clearMeasures(n), name);
    for (let i = 0; i < UPDATES; i++) {
      const done = await page.evaluate((n) => performance.getEntriesByName(n).length, name);
      await page.waitForTimeout(HOLD_MS);
      await drive(page, i);
      await page.waitForFunction(
        ([n, c]) => performance.getEntriesByName(n as string).length > (c as number),
        [name, done] as const,
        { timeout: 30_000 },
      );
    }
    times.set(figure, await page.evaluate((n) => performance.getEntriesByName(n).map((e) => e.duration), name));
  }
  return times;
}

const ms = (values: number[]) => `${percentile(values, 95).toFixed(1)} / ${percentile(values, 50).toFixed(1)}`;

// `node scripts/bench.ts /learn/<slug>/` benches one page.
const only = process.argv[2];
const withinBudgets = await benchBudgets(DIST, only);

const { server, url } = await serveStatic(DIST);
const browser = await launchChromium();
// After a click or key press Chromium holds back other tasks, the worker's reply among them, until
// the next frame is drawn (DeferRendererTasksAfterInput). A second browser without that policy
// shows what the figure's own work costs.
const undeferred = await launchChromium(['--disable-features=DeferRendererTasksAfterInput']);
const figureRows: string[][] = [];
for (const path of (await builtPages(DIST)).filter((p) => !only || p === only)) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(url + path, { waitUntil: 'domcontentloaded' });
  const figures = await page
    .locator('[data-figure]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-figure')!));
  if (figures.some((f) => DRIVERS[f])) {
    const times = await figureUpdates(page, figures);
    const other = await undeferred.newPage({ viewport: { width: 1280, height: 900 } });
    await other.goto(url + path, { waitUntil: 'domcontentloaded' });
    const ownTimes = await figureUpdates(other, figures);
    await other.close();
    for (const [figure, durations] of times) figureRows.push([path, figure, ms(durations), ms(ownTimes.get(figure)!)]);
  }
  await page.close();
}
await Promise.all([browser.close(), undeferred.close()]);
server.close();

process.stdout.write('\n');
const print = (rows: string[][]) => rows.forEach((row) => process.stdout.write(`${row.join(' | ')}\n`));
print([
  ['page', 'figure', `update p95 / median, ms (${UPDATES} updates)`, 'without the after-input deferral'],
  ...figureRows,
]);
// A regression against the previous commit fails the bench once every table is printed.
if (!withinBudgets) process.exitCode = 1;
