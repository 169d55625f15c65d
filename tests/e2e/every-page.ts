import { readdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Page } from 'playwright-core';

/** The built site the browser tests run against (the test server serves the same folder). */
export const DIST = resolve(process.env.DIST ?? 'dist');

/** Every HTML page of the build with its URL path, so pages added later are covered without a list. */
export async function builtPages(): Promise<{ file: string; path: string }[]> {
  const files = (await readdir(DIST, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return files.map((f) => {
    const path = `/${f.split(sep).join('/')}`;
    return { file: resolve(DIST, f), path: path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path };
  });
}

/** Scrolls to every figure in turn and waits until each has drawn or failed; returns name → state. */
export async function reachAll(page: Page): Promise<Record<string, string>> {
  const states: Record<string, string> = {};
  for (const name of await page.$$eval('[data-figure]', (fs) => fs.map((f) => (f as HTMLElement).dataset.figure!))) {
    const figure = page.locator(`[data-figure="${name}"]`);
    await figure.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      (n) =>
        ['ready', 'error'].includes(document.querySelector<HTMLElement>(`[data-figure="${n}"]`)?.dataset.state ?? ''),
      name,
      { timeout: 90_000 },
    );
    states[name] = (await figure.getAttribute('data-state')) ?? '';
  }
  return states;
}

/** The backend the footer names, or null where TensorFlow.js has not started (or the page has no footer line). */
export const backendOf = (page: Page) =>
  page.getAttribute('[data-backend-status]', 'data-backend', { timeout: 1000 }).catch(() => null);
