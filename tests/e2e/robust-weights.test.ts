// Trained weights that are missing, truncated, tampered with or slow to arrive, end to end on a
// page that runs three models (skip connections: FCN-32s, -16s, -8s). Slow shards show the bytes
// received in the figure's status while they come, in parallel; bad ones end in an error that
// names the model and the remedy, and the figure draws nothing rather than a wrong picture.
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { settle, statusOf } from './robust.ts';

const PATH = '/learn/skip-connections/';
const FIGURE = 'skip-compare';
const SHARDS = '**/weights/fcn8s/*.bin';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

async function openWith(pattern: string, handler: (route: Route) => Promise<void>): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.route(pattern, handler);
  await page.goto(inject('baseUrl') + PATH);
  await page.locator(`[data-figure="${FIGURE}"]`).scrollIntoViewIfNeeded();
  return page;
}

/** Whether any canvas of the figure has a pixel drawn. */
const drawnAnything = (page: Page) =>
  page.$eval(`[data-figure="${FIGURE}"]`, (root) =>
    [...root.querySelectorAll('canvas')].some((c) => {
      if (c.width === 0 || c.height === 0) return false;
      return c
        .getContext('2d')!
        .getImageData(0, 0, c.width, c.height)
        .data.some((v) => v !== 0);
    }),
  );

/** The shard as served, altered by `change`. */
const altered = (change: (bytes: Buffer) => Buffer) => async (route: Route) => {
  const response = await route.fetch();
  await route.fulfill({ response, body: change(await response.body()) });
};

describe('weights that cannot be used', () => {
  const cases: [string, (route: Route) => Promise<void>, RegExp][] = [
    [
      'missing',
      (route) => route.fulfill({ status: 404, body: '' }),
      /could not download the FCN-8s weights \(HTTP 404 for .+fcn8s\/.+\.bin\); reload the page or check your/,
    ],
    [
      'truncated',
      altered((b) => b.subarray(0, Math.floor(b.length / 2))),
      /the FCN-8s weights arrived incomplete \(.+: \d+ of \d+ bytes\); reload the page or check your connection/,
    ],
    [
      'tampered with',
      altered((b) => {
        const copy = Buffer.from(b);
        copy[copy.length >> 1] ^= 0x40;
        return copy;
      }),
      /the FCN-8s weights do not match their manifest .+ refusing to run altered weights/,
    ],
  ];
  for (const [what, handler, message] of cases) {
    it(`${what}: an error naming the model and the remedy, and no picture`, async () => {
      const page = await openWith(SHARDS, handler);
      expect(await settle(page, [FIGURE])).toEqual({ [FIGURE]: 'error' });
      expect(await statusOf(page, FIGURE)).toMatch(message);
      expect(await page.locator(`[data-figure="${FIGURE}"]`).getAttribute('data-shown')).toBeNull();
      expect(await drawnAnything(page)).toBe(false);
      await page.context().close();
    });
  }
});

describe('weights that are slow to arrive', () => {
  it('10 s per shard: the status counts bytes while they come, all shards at once, then it draws', async () => {
    const page = await openWith('**/weights/*/*.bin', async (route) => {
      await new Promise((done) => setTimeout(done, 10_000));
      await route.fallback();
    });
    const started = Date.now();
    await page.waitForFunction(
      (f) =>
        /Downloading the trained weights: \d+ KB of \d+ KB/.test(
          document.querySelector(`[data-figure="${f}"] [data-status]`)?.textContent ?? '',
        ),
      FIGURE,
      { timeout: 5_000 },
    );
    expect(await page.locator(`[data-figure="${FIGURE}"]`).getAttribute('data-state')).toBe('loading');
    expect(await settle(page, [FIGURE])).toEqual({ [FIGURE]: 'ready' });
    // Three models' shards, each held 10 s: fetched one after another this would take 30 s.
    expect(Date.now() - started).toBeLessThan(25_000);
    expect(await statusOf(page, FIGURE)).toBe('');
    expect(await drawnAnything(page)).toBe(true);
    await page.context().close();
  });
});
