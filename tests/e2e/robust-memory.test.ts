// No figure or model leaks tensors: 500 figure updates (slider keys) across every page's figures
// and 50 model runs (new scenes on the pages that run trained models) leave the worker's
// tf.memory().numTensors where it was. 200 key presses without waiting end on the last value,
// drawn exactly as a fresh load of the page at that value draws it.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { look, workerTensors } from './models.ts';
import { figurePages, settingsOf, settle, TALL } from './robust.ts';

const UPDATES = 500;
const MODEL_RUNS = 50;
/** Model pages (those with a seed field) each run their models this often: five or more reach MODEL_RUNS. */
const MODEL_RUNS_PER_PAGE = 10;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

async function openPage(path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TALL })).newPage();
  await page.goto(inject('baseUrl') + path);
  return page;
}

const updatesSoFar = (page: Page) =>
  page.evaluate(
    () => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('figure-update:')).length,
  );

/** Until no figure has recorded an update for a while (updates that collapsed have run too). */
async function quiet(page: Page): Promise<void> {
  let last = -1;
  for (;;) {
    const now = await updatesSoFar(page);
    if (now === last) return;
    last = now;
    await page.waitForTimeout(400);
  }
}

/** One key on a control, then waits for the figure update it causes. */
async function step(page: Page, control: Locator, up: string, down: string): Promise<void> {
  const before = await updatesSoFar(page);
  const atMax = await control.evaluate((el: HTMLInputElement) => el.max !== '' && Number(el.value) >= Number(el.max));
  await control.press(atMax ? down : up);
  await page.waitForFunction(
    (n) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith('figure-update:')).length > n,
    before,
    { timeout: 30_000 },
  );
}

const sliders = (page: Page) => page.locator('[data-figure] input[type="range"]:not([disabled])');
const seeds = (page: Page) => page.locator('[data-figure] input[type="number"][data-state="seed"]');

/** Pages whose built HTML carries a slider; the 500 updates are shared among them. */
const sliderPages = figurePages.filter((p) => p.sliders > 0);

describe('tensors come back to their baseline; fast keys end on the last value', () => {
  const perPage = Math.ceil(UPDATES / sliderPages.length);
  let updates = 0;
  let runs = 0;

  for (const { path, figures } of figurePages) {
    it(`${path}: updates and model runs leave no tensor behind; 200 quick keys end on the last value`, async () => {
      const page = await openPage(path);
      await settle(page, figures);
      const controls = await sliders(page).all();
      const seedFields = await seeds(page).all();
      // Warm up: models and assets a control first asks for are loaded once and kept.
      for (const c of [...controls, ...seedFields]) await step(page, c, 'ArrowUp', 'ArrowDown');
      await quiet(page);
      const computes = page.workers().length > 0;
      const baseline = computes ? await workerTensors(page) : 0;
      for (let i = 0; controls.length > 0 && i < perPage; i++) {
        await step(page, controls[i % controls.length]!, 'ArrowRight', 'ArrowLeft');
        updates++;
      }
      for (let i = 0; seedFields.length > 0 && i < MODEL_RUNS_PER_PAGE; i++) {
        await step(page, seedFields[i % seedFields.length]!, 'ArrowUp', 'ArrowDown');
        runs++;
      }
      await quiet(page);
      if (computes) expect(await workerTensors(page)).toBe(baseline);
      if (controls.length > 0) await rapidKeys(page, controls[0]!);
      if (computes) expect(await workerTensors(page)).toBe(baseline);
      expect(Object.values(await settle(page, figures))).toEqual(figures.map(() => 'ready'));
      await page.context().close();
    });
  }

  it(`drove at least ${UPDATES} figure updates and ${MODEL_RUNS} model runs`, () => {
    expect(updates).toBeGreaterThanOrEqual(UPDATES);
    expect(runs).toBeGreaterThanOrEqual(MODEL_RUNS);
  });
});

/**
 * 200 presses on a slider without waiting for the figure; it must end showing the last value, and
 * draw it exactly as a fresh load of the link it wrote does.
 */
async function rapidKeys(page: Page, slider: Locator): Promise<void> {
  const figure = (await slider.evaluate((el) => el.closest<HTMLElement>('[data-figure]')!.dataset.figure))!;
  const key = (await slider.getAttribute('data-state'))!;
  const {
    min,
    max,
    step: by,
    value,
  } = await slider.evaluate((el: HTMLInputElement) => ({
    min: Number(el.min),
    max: Number(el.max),
    step: Number(el.step) || 1,
    value: Number(el.value),
  }));
  const presses = [...Array<string>(150).fill('ArrowRight'), ...Array<string>(50).fill('ArrowLeft')];
  const expected = presses.reduce((v, k) => Math.min(max, Math.max(min, v + (k === 'ArrowRight' ? by : -by))), value);
  await slider.focus();
  for (const k of presses) await page.keyboard.press(k);
  await quiet(page);
  expect(Number(await slider.inputValue()), figure).toBeCloseTo(expected, 9);
  const shown = await look(page, figure);
  // The URL is written once input pauses; a fresh load of it must draw the same.
  await page.waitForTimeout(300);
  const link = await page.evaluate(() => location.pathname + location.search);
  // A value back at its default leaves the URL.
  const fallback = settingsOf.get(figure)?.[key]?.default;
  if (expected !== fallback) expect(link).toContain(`${figure}.${key}=${expected}`);
  const fresh = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await fresh.goto(inject('baseUrl') + link);
  await fresh.locator(`[data-figure="${figure}"]`).scrollIntoViewIfNeeded();
  await settle(fresh, [figure]);
  await quiet(fresh);
  expect(shown, figure).toBe(await look(fresh, figure));
  await fresh.context().close();
}
