// Shared by the robustness tests (robust-*.test.ts): every built page and its figures, found in the
// build itself so pages added later are covered without editing the tests, and every figure's
// declared settings, found from the settings files.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { Fields, Settings } from '../../src/lib/figure/settings.ts';

export interface BuiltPage {
  /** The URL path, e.g. /learn/u-net/. */
  path: string;
  /** Its `data-figure` names, in document order. */
  figures: string[];
  /** Sliders in its built markup (figures may add more by script). */
  sliders: number;
  /** File pickers in its built markup. */
  files: number;
}

const DIST = resolve(process.env.DIST ?? 'dist');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return e.name === '_astro' ? [] : htmlFiles(full);
    return e.name.endsWith('.html') ? [full] : [];
  });
}

/** Every HTML page of the build, with the figures it carries. */
export const builtPages: BuiltPage[] = htmlFiles(DIST)
  .map((file) => {
    const rel = relative(DIST, file).replaceAll('\\', '/');
    const path = `/${rel.replace(/(^|\/)index\.html$/, '$1').replace(/\.html$/, '/')}`;
    const html = readFileSync(file, 'utf8');
    const figures = [...html.matchAll(/data-figure="([^"]+)"/g)].map((m) => m[1]!);
    const count = (pattern: RegExp) => html.match(pattern)?.length ?? 0;
    return { path, figures, sliders: count(/type="range"/g), files: count(/type="file"/g) };
  })
  .sort((a, b) => a.path.localeCompare(b.path));

/** The pages with at least one figure. */
export const figurePages = builtPages.filter((p) => p.figures.length > 0);

const settingsModules = import.meta.glob<Record<string, unknown>>('../../src/components/*.settings.ts', {
  eager: true,
});

const isSettings = (v: unknown): v is Settings<Fields> =>
  typeof v === 'object' && v !== null && typeof (v as Settings).figure === 'string' && 'fields' in v;

/** Every figure's declared settings, by figure name (what its URL parameters may be). */
export const settingsOf: Map<string, Fields> = new Map(
  Object.values(settingsModules)
    .flatMap((m) => Object.values(m).filter(isSettings))
    .map((s) => [s.figure, s.fields]),
);

/**
 * A viewport tall enough that every figure is near it at once: figures still mount lazily, through
 * their IntersectionObserver, but all together, which keeps these page-by-page tests short.
 */
export const TALL = { width: 1280, height: 8_000 };

/** Each figure's data-state once every one is ready or reports an error. */
export async function settle(page: Page, figures: string[], timeout = 60_000): Promise<Record<string, string>> {
  await page.waitForFunction(
    (names) =>
      names.every((name) => {
        const s = document.querySelector<HTMLElement>(`[data-figure="${name}"]`)?.dataset.state;
        return s === 'ready' || s === 'error';
      }),
    figures,
    { timeout },
  );
  return page.evaluate(
    (names) =>
      Object.fromEntries(
        names.map((name) => [name, document.querySelector<HTMLElement>(`[data-figure="${name}"]`)!.dataset.state!]),
      ),
    figures,
  );
}

/** The figure's status line. */
export const statusOf = (page: Page, figure: string): Promise<string> =>
  page.locator(`[data-figure="${figure}"] [data-status]`).first().innerText();

/** Waits until no figure on the page is loading (its update, or a model download, has finished). */
export async function idle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => ![...document.querySelectorAll<HTMLElement>('[data-figure]')].some((f) => f.dataset.state === 'loading'),
    undefined,
    { timeout },
  );
  // An update collapsed into the one in flight runs right after it: give it a beat to start.
  await page.waitForTimeout(150);
}
