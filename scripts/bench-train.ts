// Training in the browser (/playground/train/): steps per second on each backend the page can get
// here (?backend=wasm, ?backend=cpu; a GPU backend too when this Chromium has a real one), and the
// main thread's longest task while training. Then what a reader sees after pressing play with the
// default settings on the page's backend: step and held-out mean IU at 30, 60 and 90 s, with a
// screenshot of the figure at each (written to the system's temp folder, to look at).
// Part of `npm run bench` (built site in dist/ or $DIST).
// Usage: node scripts/bench-train.ts [seconds per backend = 20] [backends = wasm,cpu,webgl,webgpu]
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { settings } from '../src/components/train-network.settings.ts';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const DIST = resolve(process.env.DIST ?? 'dist');
const SECONDS = Number(process.argv[2] ?? 20);
const BACKENDS = (process.argv[3] ?? 'wasm,cpu,webgl,webgpu').split(',');
const FIGURE = '[data-figure="train-network"]';
const LIMIT_S = 300;
/** In the page: has the figure counted `n` steps, `ms` after page time `t0`? */
const stepsPast = ([f, n, t0, ms]: readonly [string, number, number, number]) =>
  Number(document.querySelector(`${f} [data-step-count]`)?.textContent?.match(/\d+/)?.[0]) >= n &&
  performance.now() - t0 >= ms;

const { server, url } = await serveStatic(DIST);
const browser = await launchChromium();
const rows: string[][] = [];
/** One row: steps per second, steps counted and the longest main-thread task on `backend`. */
async function measure(backend: string): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/playground/train/?backend=${backend}`);
  const ready = (f: string) => document.querySelector<HTMLElement>(f)?.dataset.state === 'ready';
  await page.waitForFunction(ready, FIGURE, { timeout: 300_000 });
  const size = await page.locator(`${FIGURE} [data-size]`).innerText();
  const got = size.match(/training on (\w+)/)?.[1] ?? '?';
  // A backend that did not start hands over to the next: that row would measure another one.
  if (got !== backend) {
    await page.close();
    return [backend, `not available here (got ${got})`, '', ''];
  }
  await page.evaluate(() => {
    const w = window as unknown as { longest: number };
    w.longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longest = Math.max(w.longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const stepText = () => page.locator(`${FIGURE} [data-step-count]`).innerText();
  const stepNow = async () => Number((await stepText()).match(/\d+/)?.[0]);
  const clock = () => page.evaluate(() => performance.now());
  await page.click(`${FIGURE} [data-play]`);
  // The first step sets up kernels and packs weights: count from the end of it, for SECONDS and
  // at least two steps (a cpu step can take a minute), giving up after LIMIT_S.
  const counted = async (): Promise<string[]> => {
    await page.waitForFunction(stepsPast, [FIGURE, 1, 0, 0] as const, { timeout: LIMIT_S * 1000 });
    const [from, began] = [await stepNow(), await clock()];
    const until = [FIGURE, from + 2, began, SECONDS * 1000] as const;
    await page.waitForFunction(stepsPast, until, { timeout: LIMIT_S * 1000 });
    const [to, ended] = [await stepNow(), await clock()];
    return [((to - from) / ((ended - began) / 1000)).toFixed(2), String(to - from)];
  };
  const measured = await counted().catch(() => [`under 2 steps in ${LIMIT_S} s`, '']);
  await page.click(`${FIGURE} [data-play]`);
  const longest = await page.evaluate(() => (window as unknown as { longest: number }).longest);
  await page.close();
  return [backend, ...measured, longest.toFixed(0)];
}

/** Presses play with the default settings and notes the step and held-out mean IU at each mark. */
async function watch(marks = [30, 60, 90]): Promise<string[][]> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}/playground/train/`);
  await page.waitForFunction((f) => document.querySelector<HTMLElement>(f)?.dataset.state === 'ready', FIGURE, {
    timeout: 300_000,
  });
  const figure = page.locator(FIGURE);
  const began = Date.now();
  await page.click(`${FIGURE} [data-play]`);
  const seen: string[][] = [];
  for (const mark of marks) {
    await page.waitForTimeout(began + mark * 1000 - Date.now());
    const [steps, miou] = await Promise.all(
      ['[data-step-count]', '[data-miou]'].map((s) => figure.locator(s).innerText()),
    );
    const shot = join(tmpdir(), `pixelwise-train-${mark}s.png`);
    await figure.screenshot({ path: shot });
    seen.push([`${mark} s`, steps!, miou!, shot]);
  }
  await page.close();
  return seen;
}

for (const backend of BACKENDS) {
  // A backend too slow to even start the figure (the cpu backend on a busy machine) is a row too.
  rows.push(await measure(backend).catch((e: Error) => [backend, e.message.split('\n')[0]!.slice(0, 60), '', '']));
}
const watched = await watch();
await browser.close();
server.close();

const batch = settings.fields.batchSize.default;
const header = [
  'backend',
  `steps/s (${batch} scenes a step)`,
  'steps counted',
  'longest main-thread task (ms; 0: none > 50)',
];
console.log(`\nTraining on /playground/train/, ${SECONDS} s per backend (default network and settings)`);
for (const row of [header, ...rows]) {
  console.log(row.map((c, i) => c.padEnd(i === 0 ? 8 : header[i]!.length)).join('  '));
}

console.log('\nWhat a reader sees after pressing play (default settings and backend):');
for (const row of watched) console.log(row.join('  '));
