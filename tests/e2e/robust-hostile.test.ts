// Hostile input on every page of the build: garbage in every URL parameter a figure declares and
// in every field a reader can type into. Each is clamped with a visible note or refused with a
// message by its field; nothing is injected, no dialog opens, and every figure still draws.
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { figurePages, settingsOf, settle, TALL } from './robust.ts';

const MARKUP = '<img src=x onerror=alert(1)>';
const LONG = '7'.repeat(5000);
/** Garbage a link or a reader might send; LONG goes into one parameter per URL (servers cap URL length). */
const GARBAGE = ['NaN', 'Infinity', '1e9', '-37', '', MARKUP, '"><svg onload=alert(2)>', '2.5', '-Infinity'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser.close());

interface Opened {
  page: Page;
  dialogs: string[];
}

async function openPage(url: string): Promise<Opened> {
  const page = await (await browser.newContext({ viewport: TALL })).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d: Dialog) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(inject('baseUrl') + url);
  return { page, dialogs };
}

/** Markup that would have run: images pointing at "x", elements with inline handlers. */
const injected = (page: Page) =>
  page.evaluate(() => [
    ...[...document.images].filter((img) => img.getAttribute('src') === 'x').map((img) => img.outerHTML),
    ...[...document.querySelectorAll('*')]
      .filter((el) => [...el.attributes].some((a) => a.name.startsWith('on')))
      .map((el) => el.outerHTML.slice(0, 80)),
  ]);

describe('garbage in every URL parameter', () => {
  for (const { path, figures } of figurePages) {
    it(`${path}: clamped with a note on each figure, nothing injected, every figure draws`, async () => {
      const keys = figures.flatMap((f) => Object.keys(settingsOf.get(f) ?? {}).map((k) => `${f}.${k}`));
      // Two links per page, so each parameter takes two kinds of garbage and each kind reaches
      // parameters of every kind of field across the site.
      for (const round of [0, 1]) {
        const params = keys.map((key, j) => {
          const value = j === round % keys.length ? LONG : GARBAGE[(j + round * 4) % GARBAGE.length]!;
          return `${key}=${encodeURIComponent(value)}`;
        });
        params.push(`backend=${encodeURIComponent(MARKUP)}`, `${figures[0]}.${encodeURIComponent(MARKUP)}=1`);
        const { page, dialogs } = await openPage(`${path}?${params.join('&')}`);
        const states = await settle(page, figures);
        expect(states, `round ${round}`).toEqual(Object.fromEntries(figures.map((f) => [f, 'ready'])));
        for (const figure of figures.filter((f) => Object.keys(settingsOf.get(f) ?? {}).length > 0)) {
          const status = await page.locator(`[data-figure="${figure}"] [data-status]`).first().innerText();
          expect(status, `${figure}, round ${round}`).toMatch(
            /The link asked for .+; this figure shows .+, the nearest it allows/,
          );
          expect(status.length, figure).toBeLessThan(4000);
        }
        await page.waitForTimeout(300);
        expect(await injected(page)).toEqual([]);
        expect(dialogs).toEqual([]);
        await page.context().close();
      }
    });
  }
});

/** Every field a reader can type into, inside a figure. */
const FIELDS =
  '[data-figure] input:not([type="range"]):not([type="radio"]):not([type="checkbox"]):not([type="file"])' +
  ':not([type="hidden"]):not([type="button"]), [data-figure] textarea';

describe('garbage typed into every field', () => {
  for (const { path, figures } of figurePages) {
    it(`${path}: each field refuses it with a message beside it or takes a valid value; figures draw`, async () => {
      const { page, dialogs } = await openPage(path);
      await settle(page, figures);
      const count = await page.locator(FIELDS).count();
      if (count === 0) return;
      // Types every garbage value into every field (as a paste would: one input event), and records
      // what each field did with it, synchronously, as the kit handles input.
      const outcomes = await page.evaluate(
        ([selector, garbage]) => {
          const results: { field: string; value: string; outcome: string }[] = [];
          const fields = [...document.querySelectorAll<HTMLInputElement>(selector)];
          for (const field of fields) {
            const figure = field.closest<HTMLElement>('[data-figure]')!;
            const label = field.getAttribute('aria-label') ?? field.dataset.state ?? field.name;
            const name = `${figure.dataset.figure} ${label}`;
            const valid = field.value;
            for (const value of garbage) {
              field.value = value;
              field.dispatchEvent(new Event('input', { bubbles: true }));
              field.dispatchEvent(new Event('change', { bubbles: true }));
              const messages = [...figure.querySelectorAll<HTMLElement>('[data-error-for], .field-error, [aria-live]')]
                .map((m) => m.textContent ?? '')
                .filter((t) => /keeps the last|Type a value/.test(t));
              const refused = field.getAttribute('aria-invalid') === 'true';
              let outcome = 'accepted';
              if (refused) outcome = messages.length > 0 ? 'refused with a message' : 'refused silently';
              else if (field.type === 'number' && field.value !== '' && !Number.isFinite(Number(field.value))) {
                outcome = 'kept garbage';
              }
              results.push({ field: name, value: value.slice(0, 30), outcome });
            }
            field.value = valid;
            field.dispatchEvent(new Event('input', { bubbles: true }));
          }
          return results;
        },
        [FIELDS, [...GARBAGE, LONG]] as const,
      );
      expect(outcomes.filter((o) => o.outcome !== 'accepted' && o.outcome !== 'refused with a message')).toEqual([]);
      // Out-of-range garbage is never taken: no field accepts 1e9, NaN or markup.
      expect(
        outcomes.filter((o) => o.outcome === 'accepted' && ['1e9', 'NaN', MARKUP.slice(0, 30)].includes(o.value)),
      ).toEqual([]);
      await page.waitForTimeout(500);
      expect(await settle(page, figures)).toEqual(Object.fromEntries(figures.map((f) => [f, 'ready'])));
      expect(await injected(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.context().close();
    });
  }
});

describe('a hostile file in every file field', () => {
  const withFiles = figurePages.filter((p) => p.files > 0);
  for (const { path, figures } of withFiles) {
    it(`${path}: markup named and filled as an image is refused with a message, nothing injected`, async () => {
      const { page, dialogs } = await openPage(path);
      await settle(page, figures);
      const fields = await page.locator('[data-figure] input[type="file"]').all();
      for (const field of fields) {
        const figure = field.locator('xpath=ancestor::*[@data-figure][1]');
        for (const [name, body] of [
          [`${MARKUP}.png`, MARKUP],
          ['"><svg onload=alert(3)>.jpg', ''],
        ] as const) {
          await field.setInputFiles({ name, mimeType: 'image/png', buffer: Buffer.from(body) });
          await expect
            .poll(() => figure.locator('[role="alert"]').first().innerText(), { timeout: 10_000 })
            .toMatch(/not an image this page can read|empty/);
        }
      }
      expect(await injected(page)).toEqual([]);
      expect(dialogs).toEqual([]);
      expect(Object.values(await settle(page, figures))).toEqual(figures.map(() => 'ready'));
      await page.context().close();
    });
  }
});
