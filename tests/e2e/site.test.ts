import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { lessons } from '../../src/lessons.ts';
import { expectNoAxeViolations, open } from './page.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

describe('home page', () => {
  it('lists every written lesson, links only to pages that exist, and names the backend', async () => {
    const { page, errors, requests } = await open(browser, '/');
    const links = await page.locator('.lesson-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(lessons.map((l) => `/learn/${l.slug}/`));
    for (const href of await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const response = await page.request.get(new URL(href, page.url()).href);
      expect(response.status(), href).toBe(200);
    }
    // TensorFlow.js loads only on request here; no real GPU: SwiftShader WebGL is skipped for wasm.
    await page.waitForTimeout(500);
    expect(requests.filter((u) => /worker-|\.wasm$/.test(u))).toEqual([]);
    await page.click('[data-backend-start]');
    await page.waitForSelector('[data-backend-status][data-backend]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-backend-status]', 'data-backend')).toBe('wasm');
    expect(await page.locator('[data-backend-line]').innerText()).toMatch(
      /TensorFlow\.js runs on wasm \((SIMD|no SIMD)\)/,
    );
    expect(await page.locator('[data-backend-notices]').innerText()).toMatch(
      /webgl was skipped: it renders in software \(.*SwiftShader/i,
    );
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('falls through with a notice when the asked-for backend cannot start', async () => {
    const { page, errors } = await open(browser, '/?backend=webgpu');
    await page.click('[data-backend-start]');
    await page.waitForSelector('[data-backend-status][data-backend]', { timeout: 60_000 });
    expect(await page.getAttribute('[data-backend-status]', 'data-backend')).toBe('wasm');
    expect(await page.locator('[data-backend-notices]').innerText()).toMatch(/webgpu is not available here/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads well on a phone: nothing wider than the screen', async () => {
    const { page } = await open(browser, '/learn/bilinear-interpolation/', { width: 375, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});
