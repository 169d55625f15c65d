// Reach: every built page for readers in dark mode, on phones, with a keyboard or with reduced motion.
// axe in light and dark, no sideways page scroll at 375 px, Tab reaches every control with a visible
// focus ring, no running animation under reduced motion, and real touch (CDP touch events, which the
// browser turns into pointer events of type 'touch') drags the sample point, the dilation cursor and
// a drawn digit.
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { builtPages, reachAll } from './every-page.ts';
import { numbersIn, open, reach } from './page.ts';

const PHONE = { width: 375, height: 740 };
const pages = await builtPages();
let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

/** axe's violations; with no rules given, all of them plus WCAG 2.2's 24 px target size (off by default). */
async function axe(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page }).options({ rules: { 'target-size': { enabled: true } } });
  const { violations } = await (rules ? builder.withRules(rules) : builder).analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Tabs through the page; returns the controls never reached and those reached without a visible ring. */
async function tabThrough(page: Page): Promise<{ missed: string[]; unringed: string[] }> {
  // Every visible, enabled control a keyboard user should reach, tagged so the walk can tick it off.
  const total = await page.evaluate(() => {
    const controls = [
      ...document.querySelectorAll<HTMLElement>(
        'a[href], button, summary, input:not([type="hidden"]), select, textarea, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0);
    // A radio group is one tab stop: only its checked (or first) radio is reached by Tab.
    const kept = controls.filter((el) => {
      if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
      const group = controls.filter((o) => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name);
      return el === (group.find((o) => (o as HTMLInputElement).checked) ?? group[0]);
    });
    kept.forEach((el, i) => el.setAttribute('data-reach-control', String(i)));
    return kept.length;
  });
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.evaluate(() => window.scrollTo(0, 0));
  const reached = new Set<string>();
  const unringed: string[] = [];
  for (let i = 0; i < total + 20; i++) {
    await page.keyboard.press('Tab');
    const seen = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const s = getComputedStyle(el);
      const ring = (s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
      return {
        id: el.getAttribute('data-reach-control'),
        name: `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 30)}"`,
        ring: ring && el.matches(':focus-visible'),
      };
    });
    if (!seen) continue;
    if (seen.id !== null) {
      if (reached.has(seen.id)) break;
      reached.add(seen.id);
    }
    if (!seen.ring) unringed.push(seen.name);
  }
  const missed = await page.evaluate(
    (ids) =>
      [...document.querySelectorAll<HTMLElement>('[data-reach-control]')]
        .filter((el) => !ids.includes(el.getAttribute('data-reach-control')!))
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').slice(0, 30)}"`,
        ),
    [...reached],
  );
  return { missed, unringed };
}

describe.each(pages.map((p) => p.path))('%s', (path) => {
  // One load per page, at a phone's width: axe's rules other than contrast do not depend on the
  // colour scheme, so they run once (dark) and contrast runs in both schemes.
  it('at 375 px: axe clean in dark and light, no sideways scroll, Tab reaches every control with a ring', {
    timeout: 300_000,
  }, async () => {
    const { page } = await open(browser, path, PHONE);
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
    await reachAll(page);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 24, 29)');
    expect(await axe(page), 'dark').toEqual([]);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, 'sideways page scroll at 375 px').toBeLessThanOrEqual(0);
    expect(await tabThrough(page)).toEqual({ missed: [], unringed: [] });
    // Nothing animates once the reader asks for less motion (CSS transitions and animations included).
    expect(await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length)).toBe(0);
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    expect(await axe(page, ['color-contrast']), 'light').toEqual([]);
    await page.context().close();
  });
});

describe('reduced motion', () => {
  it('playing the transposed scatter places every stamp at once, with no timer or transition running', async () => {
    const { page } = await open(browser, '/learn/transposed-convolution/');
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const figure = '[data-figure="transposed-scatter"]';
    await reach(page, 'transposed-scatter');
    const step = page.locator(`${figure} [data-step]`);
    await page.locator(`${figure} [data-first]`).click();
    await expect.poll(() => step.innerText()).toMatch(/^0 of 9 stamps/);
    await page.locator(`${figure} [data-play]`).click();
    // At once: read in the same task as the click's effects, no waiting for a timer.
    expect(await step.innerText()).toMatch(/^Stamp 9 of 9/);
    expect(await page.locator(`${figure} [data-play]`).getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => document.getAnimations().length)).toBe(0);
    await page.context().close();
  });
});

/** A phone: 375×740, touch, mobile viewport. */
async function phone(path: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  await page.goto(inject('baseUrl') + path);
  return page;
}

/** One finger pressed at `from`, moved through `to` in steps, lifted: real touch events through CDP. */
async function swipe(page: Page, points: [number, number][]): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', [x, y]: [number, number]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', points[0]!);
  for (const p of points.slice(1)) await touch('touchMove', p);
  await touch('touchEnd', points.at(-1)!);
  await cdp.detach();
}

const along = (a: [number, number], b: [number, number], n = 8): [number, number][] =>
  Array.from({ length: n + 1 }, (_, i) => [a[0] + ((b[0] - a[0]) * i) / n, a[1] + ((b[1] - a[1]) * i) / n]);

describe('touch on a 375 px phone', () => {
  it('taps and drags the bilinear sample point, and the page holds still', async () => {
    const page = await phone('/learn/bilinear-interpolation/');
    const figure = '[data-figure="bilinear-cell"]';
    await reach(page, 'bilinear-cell');
    const cell = page.locator(`${figure} [data-cell]`);
    // The cell's corners sit at 40 and 320 of the 360-unit viewBox. Measured afresh before each
    // gesture: figures further down may still be mounting, and the layout can move meanwhile.
    let box = (await cell.boundingBox())!;
    const at = (fx: number, fy: number): [number, number] => {
      const k = box.width / 360;
      return [box.x + (40 + fx * 280) * k, box.y + (40 + fy * 280) * k];
    };
    const point = page.locator(`${figure} circle[role="slider"]`);
    await page.touchscreen.tap(...at(0.25, 0.75));
    await expect.poll(() => point.getAttribute('aria-valuetext')).toBe('Sample point at x = 0.25, y = 0.75');
    // Wait for the layout to hold still (figures nearby finish mounting), so a move is the finger's.
    await expect
      .poll(async () => {
        const a = (await cell.boundingBox())!.y;
        await page.waitForTimeout(300);
        return Math.abs((await cell.boundingBox())!.y - a);
      })
      .toBeLessThan(0.5);
    // The drawing straddles the top of the screen, as when a reader has scrolled half past it: then
    // Chromium once chose a mark inside it as the scroll anchor and scrolled the page after it.
    await page.evaluate((top) => window.scrollBy(0, top + 40), (await cell.boundingBox())!.y);
    box = (await cell.boundingBox())!;
    const before = box.y;
    await swipe(page, along(at(0.25, 0.75), at(0.8, 0.1)));
    await expect.poll(() => point.getAttribute('aria-valuetext')).toBe('Sample point at x = 0.80, y = 0.10');
    // The drag moved the point, not the page: the cell stayed under the finger.
    expect(Math.abs((await cell.boundingBox())!.y - before)).toBeLessThan(2);
    await page.context().close();
  });

  it('moves the atrous dilation cursor with a finger', async () => {
    const page = await phone('/learn/atrous-convolution/');
    const figure = '[data-figure="atrous-dilation"]';
    await reach(page, 'atrous-dilation');
    const box = (await page.locator(`${figure} [data-photo]`).boundingBox())!;
    const at = (row: number, col: number): [number, number] => [
      box.x + ((col + 0.5) / 128) * box.width,
      box.y + ((row + 0.5) / 128) * box.height,
    ];
    const cursor = () => numbersIn(page, `${figure} [data-cursor]`).then((n) => n.slice(0, 2));
    await page.touchscreen.tap(...at(20, 30));
    await expect.poll(cursor).toEqual([20, 30]);
    await swipe(page, along(at(20, 30), at(100, 90)));
    await expect.poll(cursor).toEqual([100, 90]);
    await page.context().close();
  });

  it('draws a digit in the playground with a finger', async () => {
    const page = await phone('/playground/');
    const figure = '[data-figure="play-ground"]';
    await reach(page, 'play-ground');
    await page.locator(`${figure} input[name="play-ground-input"][value="draw"]`).tap();
    const pad = page.locator(`${figure} [data-draw]`);
    await pad.scrollIntoViewIfNeeded();
    const b = (await pad.boundingBox())!;
    const at = (fx: number, fy: number): [number, number] => [b.x + b.width * fx, b.y + b.height * fy];
    await swipe(page, [...along(at(0.5, 0.15), at(0.5, 0.85)), ...along(at(0.5, 0.85), at(0.7, 0.85), 4)]);
    await expect.poll(() => page.locator(`${figure} [data-strokes]`).innerText()).toBe('1 stroke');
    // The stroke reached the pad's pixels: white ink down its middle column.
    const inked = await pad.evaluate((c: HTMLCanvasElement) => {
      const { data } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! > 200) n++;
      return n;
    });
    expect(inked).toBeGreaterThan(100);
    await expect.poll(() => page.locator(figure).getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    await page.context().close();
  });
});
