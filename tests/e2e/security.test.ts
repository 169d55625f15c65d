// The Content-Security-Policy of every built page: what the HTML carries (one policy, no
// third-party origin, no inline script or handler), and what Chromium does with it (no violation,
// every figure ready, no request off the site). The playground keeps user images and camera frames
// on the device. Pages come from the build folder, so a new page is tested without editing this file.
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { pngRgba } from '../fixtures/images.ts';
import { backendOf, builtPages, reachAll } from './every-page.ts';

const pages = await builtPages();
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']);
});
afterAll(() => browser.close());

/** The policy of a page as directive → sources, read from its one <meta http-equiv> tag. */
function policyOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
  expect(metas).toHaveLength(1);
  const policy = new Map<string, string[]>();
  for (const directive of metas[0]![1]!
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)) {
    const [name, ...sources] = directive.split(/\s+/);
    expect(policy.has(name!), `${name} twice`).toBe(false);
    policy.set(name!, sources);
  }
  return policy;
}

const SOURCES_ALLOWED = /^('self'|'none'|'unsafe-inline'|'sha256-[A-Za-z0-9+/]+=*'|data:|blob:)$/;

describe('the policy in the built HTML', () => {
  it.each(pages)('$path carries one strict policy, no inline script and no event handler', async ({ file }) => {
    const html = await readFile(file, 'utf8');
    const policy = policyOf(html);
    for (const [name, sources] of policy) {
      for (const source of sources) expect(source, `${name} ${source}`).toMatch(SOURCES_ALLOWED);
    }
    expect(policy.get('default-src')).toEqual(["'none'"]);
    const scripts = policy.get('script-src')!;
    expect(scripts[0]).toBe("'self'");
    expect(scripts.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'"]);
    expect(policy.get('script-src-attr')).toEqual(["'none'"]);
    expect(policy.get('style-src')!.filter((s) => !s.startsWith("'sha256-"))).toEqual(["'self'"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    for (const [name, sources] of [
      ['connect-src', ["'self'"]],
      ['worker-src', ["'self'"]],
      ['font-src', ["'self'"]],
      ['img-src', ["'self'", 'data:', 'blob:']],
      ['media-src', ["'none'"]],
      ['object-src', ["'none'"]],
      ['base-uri', ["'self'"]],
      ['form-action', ["'none'"]],
      ['manifest-src', ["'none'"]],
    ] as const) {
      expect(policy.get(name), name).toEqual(sources);
    }
    // A <meta> policy cannot carry frame-ancestors (browsers ignore it there): see docs/design.md.
    expect(policy.has('frame-ancestors')).toBe(false);
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter((m) => !/\ssrc="\/[^/]/.test(m[1]!));
    expect(inlineScripts.map((m) => m[0])).toEqual([]);
    const handlers = [...html.matchAll(/<[a-z][^<>]*?\s(on[a-z]+)\s*=/gi)].map((m) => m[1]);
    expect(handlers).toEqual([]);
  });
});

interface Watched {
  page: Page;
  context: BrowserContext;
  /** Violations the page reported (securitypolicyviolation events and console messages). */
  violations: string[];
  /** Every request of the page, its workers and its service worker. */
  requests: { url: string; method: string; body: boolean }[];
  errors: string[];
}

async function watch(path: string): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watched: Watched = { page, context, violations: [], requests: [], errors: [] };
  await page.exposeFunction('reportViolation', (v: string) => watched.violations.push(v));
  await page.addInitScript(() => {
    const report = (window as unknown as { reportViolation: (v: string) => void }).reportViolation;
    const listener = (e: SecurityPolicyViolationEvent) => report(`${e.effectiveDirective} ${e.blockedURI}`);
    document.addEventListener('securitypolicyviolation', listener, true);
  });
  page.on('console', (m) => {
    if (/content security policy|refused to/i.test(m.text())) watched.violations.push(m.text());
    else if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  context.on('request', (r) =>
    watched.requests.push({ url: r.url(), method: r.method(), body: r.postDataBuffer() !== null }),
  );
  page.on('websocket', (w) => watched.requests.push({ url: w.url(), method: 'WEBSOCKET', body: true }));
  await page.goto(inject('baseUrl') + path);
  return watched;
}

/** Requests that left the site's origin (data: and blob: URLs never touch the network). */
const offSite = (requests: Watched['requests']) =>
  requests
    .map((r) => r.url)
    .filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== new URL(inject('baseUrl')).origin);

describe('the policy in Chromium', () => {
  it.each(pages)('$path: no violation, every figure ready, no request off the site', async ({ path }) => {
    const { page, context, violations, requests, errors } = await watch(path);
    const states = await reachAll(page);
    expect(
      Object.values(states).filter((s) => s !== 'ready'),
      JSON.stringify(states),
    ).toEqual([]);
    // Where TensorFlow.js started, its wasm backend runs under the worker's policy (the test server
    // sends it as the header a host should send), and the worker's own requests are among those seen.
    const backend = await backendOf(page);
    if (backend !== null) {
      expect(backend).toBe('wasm');
      expect(requests.filter((r) => r.url.endsWith('.wasm')).length).toBeGreaterThan(0);
    }
    await page.waitForTimeout(300);
    expect(violations).toEqual([]);
    expect(offSite(requests)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('an injected inline script and handler are refused and reported', async () => {
    const { page, context, violations } = await watch('/');
    const ran = await page.evaluate(async () => {
      const w = window as unknown as { ran?: boolean };
      const s = document.createElement('script');
      s.textContent = 'window.ran = true';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.ran = true');
      img.src = 'data:,';
      document.body.append(img);
      await new Promise((r) => setTimeout(r, 200));
      return w.ran === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => violations.filter((v) => /script-src/.test(v)).length).toBeGreaterThanOrEqual(2);
    await context.close();
  });
});

describe('privacy in the playground', () => {
  const FIG = '[data-figure="play-ground"]';
  const shownAfter = async (page: Page, act: () => Promise<unknown>, kind: string) => {
    const before = await page.$eval(FIG, (f) => (f as HTMLElement).dataset.shown ?? '');
    await act();
    await page.waitForFunction(
      ([sel, b, k]) => {
        const f = document.querySelector<HTMLElement>(sel)!;
        return f.dataset.shown !== b && f.dataset.shown!.startsWith(k) && f.dataset.state === 'ready';
      },
      [FIG, before, kind] as const,
      { timeout: 90_000 },
    );
  };

  it.skipIf(!pages.some((p) => p.path === '/playground/'))(
    'an image of yours and camera frames stay on the device: no upload, no other origin, no peer connection',
    async () => {
      const { page, context, violations, requests } = await watch('/playground/');
      await page.evaluate(() => {
        const w = window as unknown as { peers: number; RTCPeerConnection: unknown };
        w.peers = 0;
        const Original = window.RTCPeerConnection;
        w.RTCPeerConnection = class extends Original {
          constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
            super(...args);
            w.peers++;
          }
        };
      });
      await reachAll(page);
      const before = requests.length;
      await shownAfter(page, () => page.locator(`${FIG} input[value="file"]`).check(), 'file:');
      const image = pngRgba(64, 48, (x, y) => [x * 4, y * 5, 200, 255]);
      await shownAfter(
        page,
        () =>
          page
            .locator(`${FIG} [data-file]`)
            .setInputFiles({ name: 'private.png', mimeType: 'image/png', buffer: image }),
        'file:',
      );
      await shownAfter(page, () => page.locator(`${FIG} input[value="webcam"]`).check(), 'webcam:');
      await shownAfter(page, () => page.locator(`${FIG} [data-camera-start]`).click(), 'webcam:');
      await page.waitForFunction((sel) => Number(document.querySelector<HTMLElement>(sel)!.dataset.fps) > 0, FIG);
      await page.locator(`${FIG} [data-camera-stop]`).click();
      const during = requests.slice(before);
      expect(during.filter((r) => r.body || !['GET', 'HEAD'].includes(r.method))).toEqual([]);
      expect(offSite(requests)).toEqual([]);
      // Whatever was fetched meanwhile is the site's own files, none named after the image.
      expect(during.filter((r) => /private/.test(r.url))).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { peers: number }).peers)).toBe(0);
      expect(violations).toEqual([]);
      await context.close();
    },
  );
});
