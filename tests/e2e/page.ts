import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, expect, inject } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests, as they happen. */
  errors: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
}

export async function open(
  browser: Browser,
  path: string,
  viewport = { width: 1280, height: 900 },
): Promise<OpenedPage> {
  // No service worker: offline.test.ts tests it; here it would precache the whole site (10 MB) in
  // every context and could answer requests that a test reroutes.
  const page = await (await browser.newContext({ viewport, serviceWorkers: 'block' })).newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('requestfailed', (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(inject('baseUrl') + path);
  return { page, errors, requests };
}

/** One Chromium and one opened page for a whole test file (top-level await), closed after its tests. */
export async function openForFile(path: string): Promise<OpenedPage & { browser: Browser }> {
  const browser = await launchChromium();
  afterAll(() => browser.close());
  return { browser, ...(await open(browser, path)) };
}

/** A selector for a figure's root, or for `selector` inside it. */
export const fig = (name: string, selector = '') => `[data-figure="${name}"] ${selector}`.trim();

/** Scrolls a figure into view and waits until it has drawn (or reported an error). */
export async function reach(page: Page, figure: string): Promise<string> {
  const root = page.locator(`[data-figure="${figure}"]`);
  await root.scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (name) => {
      const state = document.querySelector<HTMLElement>(`[data-figure="${name}"]`)?.dataset.state;
      return state === 'ready' || state === 'error';
    },
    figure,
    { timeout: 60_000 },
  );
  return (await root.getAttribute('data-state')) ?? '';
}

export async function expectNoAxeViolations(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Numbers in an element's text, in order. */
export async function numbersIn(page: Page, selector: string): Promise<number[]> {
  const text = await page.locator(selector).innerText();
  return (text.match(/-?\d+(\.\d+)?(e[-+]?\d+)?/g) ?? []).map(Number);
}
