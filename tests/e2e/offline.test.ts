// Offline: after one visit every built page, its figures and the models work with the network off
// (the service worker's precache); a new build's worker replaces the cache cleanly; unknown paths get
// the friendly 404 page with status 404. Pages come from the build folder, so new pages are covered.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { writeServiceWorker } from '../../scripts/lib/service-worker.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { lessonHref, lessons } from '../../src/lessons.ts';
import { backendOf, builtPages, DIST, reachAll } from './every-page.ts';

const pages = (await builtPages()).filter((p) => p.path !== '/404.html');
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

/** Waits until the page's service worker has stored everything it precaches and is active. */
const installed = (page: Page) =>
  page.evaluate(async () => {
    const { active } = await navigator.serviceWorker.ready;
    while (active && active.state === 'activating') await new Promise((r) => active.addEventListener('statechange', r));
    return active?.state;
  });

/** The precache manifest written into sw.js: URL → revision (null for hashed names). */
async function manifestOf(dist: string): Promise<Map<string, string | null>> {
  const sw = await readFile(join(dist, 'sw.js'), 'utf8');
  const entries = [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"([0-9a-f]+)"|null)\}/g)];
  return new Map(entries.map((m) => [m[1]!, m[2] ?? null]));
}

describe('the 404 page', () => {
  it('an unknown path gets status 404 and a page that links to every lesson and the playground', async () => {
    const response = await fetch(`${inject('baseUrl')}/learn/no-such-lesson/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    const context = await browser.newContext();
    const page = await context.newPage();
    const shown = await page.goto(`${inject('baseUrl')}/no/such/page/`);
    expect(shown?.status()).toBe(404);
    expect(await page.locator('h1').innerText()).toMatch(/not here/);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(links).toEqual(expect.arrayContaining([...lessons.map((l) => lessonHref(l.slug)), '/', '/playground/']));
    for (const href of links) expect((await page.request.get(new URL(href, page.url()).href)).status(), href).toBe(200);
    await context.close();
  });
});

describe('offline after one visit', () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    await page.goto(`${inject('baseUrl')}/`);
    expect(await installed(page)).toBe('activated');
    await context.setOffline(true);
  });
  afterAll(() => context.close());

  it('the network is really off: a file the worker does not store fails', async () => {
    const failed = await page.evaluate(() =>
      fetch('/weights/not-stored.json').then(
        () => false,
        () => true,
      ),
    );
    expect(failed).toBe(true);
  });

  it.each(pages)('$path loads offline and every figure computes', async ({ path }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A query string (a figure's state, a backend choice) is served by the same stored page.
    await page.goto(`${inject('baseUrl')}${path}?backend=wasm`);
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const states = await reachAll(page);
    expect(
      Object.values(states).filter((s) => s !== 'ready'),
      JSON.stringify(states),
    ).toEqual([]);
    const backend = await backendOf(page);
    if (backend !== null) expect(backend).toBe('wasm');
    expect(errors).toEqual([]);
  });
});

describe('a new build', () => {
  let root: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'pixelwise-offline-'));
    await cp(DIST, root, { recursive: true });
    server = await serveStatic(root);
  });
  afterAll(async () => {
    await new Promise((done) => server.server.close(done));
    await rm(root, { recursive: true, force: true });
  });

  it('changes the revision of what changed only; its worker replaces the old cache once no tab uses it', async () => {
    const lesson = `learn/${lessons[0]!.slug}/index.html`;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/${lesson.replace('index.html', '')}`);
    expect(await installed(page)).toBe('activated');
    // The first visit is not controlled (no clients.claim); from its reload on, the old build serves this tab.
    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
    const before = await manifestOf(root);

    const file = join(root, lesson);
    const html = await readFile(file, 'utf8');
    await writeFile(file, html.replace('<main id="main">', '<main id="main" data-build="2">'));
    await writeServiceWorker(root);
    const after = await manifestOf(root);
    expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
    const changed = [...after].filter(([url, revision]) => before.get(url) !== revision).map(([url]) => url);
    expect(changed).toEqual([lesson]);

    // The open tab keeps the old build until it goes; the next visit gets the new one.
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());
    await page.waitForFunction(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state === 'installed',
    );
    await page.reload();
    expect(await page.locator('main').getAttribute('data-build')).toBeNull();
    await page.goto('about:blank');
    const next = await context.newPage();
    await page.close();
    await expect
      .poll(
        async () => {
          await next.goto(`${server.url}/${lesson.replace('index.html', '')}`);
          return next.locator('main').getAttribute('data-build');
        },
        { timeout: 30_000 },
      )
      .toBe('2');
    const stored = await next.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });
    const revisions = stored
      .filter((u) => u.includes(lesson))
      .map((u) => new URL(u).searchParams.get('__WB_REVISION__'));
    expect(revisions).toEqual([after.get(lesson)]);
    await context.close();
  });
});
