// Backends fall through with a notice (no GPU → wasm, no wasm either → cpu), a lost WebGL context
// is reported and then recovered on another backend, and a worker that cannot start is said by
// every figure while the prose still reads. Pages and figures come from the build (robust.ts).
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { open } from './page.ts';
import { figurePages, settle, statusOf, TALL } from './robust.ts';

// --disable-webgl alone leaves WebGL to OffscreenCanvas in workers, where TensorFlow.js runs;
// without a GPU and without the software rasteriser there is none anywhere.
const NO_GPU = ['--disable-webgl', '--disable-gpu', '--disable-software-rasterizer'];

let noGpu: Browser;
let plain: Browser;
beforeAll(async () => {
  [noGpu, plain] = await Promise.all([launchChromium(NO_GPU), launchChromium()]);
});
afterAll(async () => {
  await Promise.all([noGpu.close(), plain.close()]);
});

const footer = (page: Page) => page.locator('footer [data-backend-status]');

/** The backend the footer names once the worker has started (or 'none' when it could not). */
async function footerBackend(page: Page): Promise<string> {
  await page.waitForSelector('footer [data-backend-status][data-backend]', { timeout: 30_000 });
  return (await footer(page).getAttribute('data-backend'))!;
}

async function openWith(browser: Browser, path: string, routes: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await (await browser.newContext({ viewport: TALL })).newPage();
  await routes(page);
  await page.goto(inject('baseUrl') + path);
  return page;
}

const figureState = (page: Page, figure: string, state: string, timeout: number) =>
  page.waitForFunction(
    ([f, s]) => document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.state === s,
    [figure, state] as const,
    { timeout },
  );

describe('backends fall through, with a visible notice', () => {
  it('without WebGL (no GPU, no software rasteriser) the figures run on wasm; the footer says why', async () => {
    const { path, figures } = figurePages.find((p) => p.path === '/learn/transposed-convolution/')!;
    const { page, errors } = await open(noGpu, path, TALL);
    expect(Object.values(await settle(page, figures, 90_000))).toEqual(figures.map(() => 'ready'));
    expect(await footerBackend(page)).toBe('wasm');
    expect(await footer(page).isVisible()).toBe(true);
    expect(await footer(page).innerText()).toMatch(/webgl is not available here \(no WebGL 2 context\)/);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  // Every page: with neither WebGL nor wasm (its binaries missing), every figure draws on cpu.
  for (const { path, figures } of figurePages) {
    it(`${path}: with wasm missing too, the cpu backend takes over and the footer says why`, async () => {
      const page = await openWith(noGpu, path, (p) =>
        p.route('**/*.wasm', (r) => r.fulfill({ status: 404, body: '' })),
      );
      const states = await settle(page, figures);
      expect(states).toEqual(Object.fromEntries(figures.map((f) => [f, 'ready'])));
      if (page.workers().length > 0) {
        expect(await footerBackend(page)).toBe('cpu');
        const notice = await footer(page).innerText();
        expect(notice).toMatch(/runs on cpu/);
        expect(notice).toMatch(/webgl is not available here/);
        expect(notice).toMatch(/wasm failed to start \(.+\); the next backend took over/);
      }
      await page.context().close();
    });
  }
});

describe('a lost GPU context', () => {
  it('fails the tasks in flight with a message, and the next change recovers on another backend', async () => {
    const [path, figure] = ['/learn/transposed-convolution/', 'transposed-scatter'];
    const { page } = await open(plain, `${path}?backend=webgl`);
    expect(await settle(page, [figure])).toEqual({ [figure]: 'ready' });
    expect(await footerBackend(page)).toBe('webgl');
    const slider = page.locator(`[data-figure="${figure}"] input[type="range"]`).first();
    const [worker] = page.workers();
    type Gl = { _tfengine: { backend: { gpgpu: { gl: WebGL2RenderingContext } } } };
    await slider.focus();
    // The loss lands while the figure's update is in flight (or just before it starts).
    await Promise.all([
      page.keyboard.press('ArrowRight'),
      worker!.evaluate(() => {
        (globalThis as unknown as Gl)._tfengine.backend.gpgpu.gl.getExtension('WEBGL_lose_context')!.loseContext();
      }),
    ]);
    await page.waitForFunction(
      (f) => {
        const state = document.querySelector<HTMLElement>(`[data-figure="${f}"]`)?.dataset.state;
        const backend = document.querySelector<HTMLElement>('footer [data-backend-status]')?.dataset.backend;
        return state === 'error' || (state === 'ready' && backend === 'wasm');
      },
      figure,
      { timeout: 10_000 },
    );
    if ((await page.locator(`[data-figure="${figure}"]`).getAttribute('data-state')) === 'error') {
      expect(await statusOf(page, figure)).toMatch(/WebGL context was lost; the next change restarts/);
    }
    await page.keyboard.press('ArrowLeft');
    await figureState(page, figure, 'ready', 30_000);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('footer [data-backend-status]')?.dataset.backend === 'wasm',
      undefined,
      { timeout: 30_000 },
    );
    expect(await statusOf(page, figure)).toBe('');
    expect(await footer(page).innerText()).toMatch(/webgl is not available here \(its context was lost/);
    // Every other figure on the page computes again on its next change.
    const other = page.locator('[data-figure="transposed-checkerboard"] input[type="radio"]:not(:checked)').first();
    await other.check();
    await figureState(page, 'transposed-checkerboard', 'ready', 30_000);
    await page.context().close();
  });
});

describe('a worker that cannot start', () => {
  for (const [i, { path, figures }] of figurePages.entries()) {
    it(`${path}: each figure that computes says so within seconds, the others draw, the prose reads`, async () => {
      // Missing on some pages, blocked on the others.
      const page = await openWith(plain, path, (p) =>
        p.route('**/_astro/worker-*.js', (r) =>
          i % 2 === 0 ? r.fulfill({ status: 404, body: '' }) : r.abort('blockedbyclient'),
        ),
      );
      const states = await settle(page, figures, 15_000);
      for (const figure of figures.filter((f) => states[f] === 'error')) {
        expect(await statusOf(page, figure), figure).toMatch(
          /could not start \(.+\)\. The text and formulas still read/,
        );
      }
      expect(Object.values(states)).toContain('error');
      expect(Object.values(states).every((s) => s === 'ready' || s === 'error')).toBe(true);
      expect(await footerBackend(page)).toBe('none');
      expect(await footer(page).innerText()).toMatch(/The figures cannot compute in this browser/);
      const prose = (await page.locator('main p').allInnerTexts()).join(' ');
      expect(prose.length).toBeGreaterThan(300);
      await page.context().close();
    });
  }
});
