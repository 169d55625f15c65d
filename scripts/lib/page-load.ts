import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from 'playwright-core';

export interface PageLoad {
  /** Gzip bytes of JavaScript fetched with no figure within reach: what every reader pays. */
  jsAtLoad: number;
  /** The first figure on the page, if any. */
  firstFigure?: string;
  /** Gzip bytes of JavaScript fetched from navigation until the first figure is drawn. */
  jsToFirstFigure?: number;
  /** Navigation → the first figure's `figure-ready` mark, ms. */
  toFirstFigure?: number;
  /** The backend the worker chose. */
  backend?: string;
}

const sizes = new Map<string, number>();
async function gzipBytes(dist: string, url: string): Promise<number> {
  const file = join(dist, new URL(url).pathname);
  if (!sizes.has(file)) sizes.set(file, gzipSync(await readFile(file)).length);
  return sizes.get(file)!;
}

/**
 * Scripts the page and its workers request, by URL. The service worker's own script and what it
 * precaches are left out: they load beside the page, not for it.
 */
function scriptRequests(context: BrowserContext): () => string[] {
  const urls = new Set<string>();
  context.on('request', (r) => {
    if (r.resourceType() === 'script' && !r.serviceWorker()) urls.add(r.url());
  });
  return () => {
    const workers = new Set(context.serviceWorkers().map((w) => w.url()));
    return [...urls].filter((u) => !workers.has(u));
  };
}

async function jsBytes(dist: string, urls: string[]): Promise<number> {
  let total = 0;
  for (const url of urls) total += await gzipBytes(dist, url);
  return total;
}

/** The JS a page loads while no figure is within reach: a viewport too short to reach one. */
export async function jsAtLoad(browser: Browser, dist: string, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 120 } });
  const scripts = scriptRequests(context);
  const page = await context.newPage();
  // 'load' first: on a busy machine parsing can leave the network quiet for 500 ms before the
  // module scripts are requested, which would end a bare 'networkidle' wait too early.
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const bytes = await jsBytes(dist, scripts());
  await context.close();
  return bytes;
}

/**
 * A fresh load (new context, cold cache) scrolled to the first figure at once: ms from navigation
 * to the figure's `figure-ready` mark, and the JS fetched until then. Undefined for pages with no
 * figure.
 */
export async function firstFigureLoad(
  browser: Browser,
  dist: string,
  url: string,
): Promise<{ figure: string; ms: number; js: number; backend: string } | undefined> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const scripts = scriptRequests(context);
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const first = page.locator('[data-figure]').first();
  if ((await first.count()) === 0) {
    await context.close();
    return undefined;
  }
  const figure = (await first.getAttribute('data-figure'))!;
  await first.scrollIntoViewIfNeeded();
  const mark = `figure-ready:${figure}`;
  await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 180_000 });
  const urls = scripts();
  const ms = await page.evaluate((m) => performance.getEntriesByName(m)[0]!.startTime, mark);
  const backend = (await page.getAttribute('[data-backend-status]', 'data-backend')) ?? '-';
  await context.close();
  return { figure, ms, js: await jsBytes(dist, urls), backend };
}
