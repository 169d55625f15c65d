// Performance budgets for every built page (scripts/lib/budgets.ts), this build against the site
// of the previous commit, built in a temporary git worktree into /tmp. Per page: JS with no
// figure in reach and JS until the first figure is drawn (gzip bytes), navigation → first figure
// drawn (median of LOADS cold loads, desktop viewport), Lighthouse performance and accessibility
// (mobile). The two sites are measured in turn, page by page, so both see the same machine load.
// npm run bench runs this first (scripts/bench.ts); alone, after a build:
// node scripts/bench-budgets.ts [/learn/<slug>/]   (DIST=<folder> for a build elsewhere than dist/,
// BENCH_BASE=<ref> to compare with another commit).
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { BUDGETS, delta, type Metric, verdict } from './lib/budgets.ts';
import { builtPages } from './lib/built-pages.ts';
import { launchChromium } from './lib/chromium.ts';
import { baseRef, buildCommit, shortSha } from './lib/commit-build.ts';
import { debuggableChromium, lighthouseScores } from './lib/lighthouse-run.ts';
import { firstFigureLoad, jsAtLoad } from './lib/page-load.ts';
import { serveStatic } from './lib/static-server.ts';

const LOADS = 3;
const METRICS = Object.keys(BUDGETS) as Metric[];

interface Site {
  dist: string;
  url: string;
  pages: string[];
}
interface Measured {
  values: Partial<Record<Metric, number>>;
  figure?: string;
  backend?: string;
  failing?: string[];
  errors: string[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Measures `path` on each site that has it, alternating between the sites at every step. */
async function measurePage(sites: Site[], path: string, browser: Browser, port: number): Promise<Measured[]> {
  const present = sites.map((s) => s.pages.includes(path));
  const results: Measured[] = sites.map(() => ({ values: {}, errors: [] }));
  const each = async (step: (site: Site, m: Measured) => Promise<void>) => {
    for (const [i, site] of sites.entries()) {
      if (!present[i]) continue;
      try {
        await step(site, results[i]!);
      } catch (e) {
        results[i]!.errors.push(messageOf(e));
      }
    }
  };
  await each(async (site, m) => {
    m.values.jsAtLoad = await jsAtLoad(browser, site.dist, site.url + path);
  });
  const loads = sites.map(() => [] as { ms: number; js: number }[]);
  for (let run = 0; run < LOADS; run++) {
    await each(async (site, m) => {
      const load = await firstFigureLoad(browser, site.dist, site.url + path);
      if (!load) return;
      m.figure = load.figure;
      m.backend = load.backend;
      loads[sites.indexOf(site)]!.push(load);
    });
  }
  for (const [i, runs] of loads.entries()) {
    if (runs.length === 0) continue;
    results[i]!.values.toFirstFigure = median(runs.map((r) => r.ms));
    results[i]!.values.jsToFirstFigure = median(runs.map((r) => r.js));
  }
  await each(async (site, m) => {
    const scores = await lighthouseScores(site.url + path, port);
    m.values.performance = scores.performance;
    m.values.accessibility = scores.accessibility;
    m.failing = scores.failing;
  });
  return results;
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: string[][]) =>
  `${[row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n')}\n`;

/**
 * Benches every page of the build in `dist` (or only `only`) against the previous commit's
 * build and prints a table per page and one for the site. False on a regression against that
 * build or a measurement that failed; values over a limit are listed but do not fail.
 */
export async function benchBudgets(dist: string, only?: string): Promise<boolean> {
  const ref = baseRef();
  const base = shortSha(ref);
  const load = loadavg()[0]!.toFixed(1);
  process.stdout.write(
    `Budgets: this build (${dist}) against ${ref} = ${base}, built into /tmp/pixelwise-bench; ` +
      `load average ${load} on ${availableParallelism()} cores (times grow with it)\n`,
  );
  let baseDist: string | undefined;
  try {
    baseDist = await buildCommit(ref);
  } catch (e) {
    process.stdout.write(`!! ${messageOf(e)}: comparing with nothing, limits only\n`);
  }
  const serving = [await serveStatic(dist)];
  if (baseDist) serving.unshift(await serveStatic(baseDist));
  const dists = baseDist ? [baseDist, dist] : [dist];
  const sites: Site[] = [];
  for (const [i, d] of dists.entries()) {
    sites.push({ dist: d, url: serving[i]!.url, pages: existsSync(join(d, 'index.html')) ? await builtPages(d) : [] });
  }
  const current = sites.length - 1;
  const paths = [...new Set(sites.flatMap((s) => s.pages))].sort().filter((p) => !only || p === only);

  const browser = await launchChromium();
  const lighthouse = await debuggableChromium();
  const exceeded: string[] = [];
  const failures: string[] = [];
  const summary: string[][] = [];
  try {
    for (const path of paths) {
      const measured = await measurePage(sites, path, browser, lighthouse.port);
      const now = measured[current]!;
      const before = baseDist ? measured[0] : undefined;
      if (!sites[current]!.pages.includes(path)) {
        process.stdout.write(`\n### ${path}: gone from this build (was in ${base})\n`);
        continue;
      }
      const rows: string[][] = [];
      const cells: string[] = [path];
      for (const metric of METRICS) {
        const b = BUDGETS[metric];
        const value = now.values[metric];
        const previous = before?.values[metric];
        if (value === undefined) {
          rows.push([b.label, b.rule, previous === undefined ? '–' : b.show(previous), '–', '', '']);
          cells.push('–');
          continue;
        }
        const v = verdict(metric, value, previous);
        if (v !== 'ok') exceeded.push(`${path} ${b.label}: ${b.show(value)} (${v})`);
        // Newly over a limit the previous build kept counts as a regression, however small the step.
        const crossed =
          v.startsWith('over limit') && previous !== undefined && verdict(metric, previous, undefined) === 'ok';
        if (v.includes('regression') || crossed) {
          failures.push(`${path} ${b.label}: ${delta(metric, value, previous)} (${v})`);
        }
        const mark = v === 'ok' ? 'ok' : `**${v.toUpperCase()}**`;
        rows.push([
          b.label,
          b.rule,
          previous === undefined ? '–' : b.show(previous),
          b.show(value),
          delta(metric, value, previous),
          mark,
        ]);
        cells.push(`${b.show(value)} (${delta(metric, value, previous)})${v === 'ok' ? '' : ' ⚠'}`);
      }
      const about = now.figure ? `first figure \`${now.figure}\`, backend ${now.backend}` : 'no figures';
      process.stdout.write(`\n### ${path} (${about})\n\n`);
      const head = ['metric', 'budget', before ? base : 'previous', 'this build', 'change', 'verdict'];
      process.stdout.write(table(head, rows));
      if (now.failing?.length) process.stdout.write(`accessibility audits failing: ${now.failing.join(', ')}\n`);
      for (const [i, m] of measured.entries()) {
        for (const error of m.errors) process.stdout.write(`!! ${i === current ? 'this build' : base}: ${error}\n`);
      }
      // A measurement that failed on this build (a figure never drawn, Lighthouse stuck) fails too.
      failures.push(...now.errors.map((e) => `${path}: ${e}`));
      summary.push(cells);
    }
  } finally {
    await Promise.all([browser.close(), lighthouse.close()]);
    for (const s of serving) s.server.close();
  }
  process.stdout.write(`\n### Budget table, every page (change against ${base})\n\n`);
  process.stdout.write(table(['page', ...METRICS.map((m) => `${BUDGETS[m].label} [${BUDGETS[m].rule}]`)], summary));
  const list = (items: string[]) => items.map((e) => `!!   ${e}\n`).join('');
  if (exceeded.length === 0 && failures.length === 0) process.stdout.write('\nEvery page is within its budgets.\n');
  if (exceeded.length > 0) process.stdout.write(`\n!! ${exceeded.length} budget(s) exceeded:\n${list(exceeded)}`);
  // A limit a page was already over is debt to pay, shown above; what got worse since the
  // previous commit, or could not be measured, fails the bench.
  if (failures.length > 0) {
    process.stdout.write(`\n!! FAILED: ${failures.length} regression(s) or failed measurement(s):\n${list(failures)}`);
  }
  return failures.length === 0;
}

if (import.meta.main) {
  const ok = await benchBudgets(resolve(process.env.DIST ?? 'dist'), process.argv[2]);
  if (!ok) process.exitCode = 1;
}
