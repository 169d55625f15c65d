import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  /** Ids of the accessibility audits the page fails. */
  failing: string[];
}

/**
 * Debian's Chromium with a DevTools port for Lighthouse (which drives it over that port, not
 * through Playwright). Stops with `close()`.
 */
export async function debuggableChromium(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = await mkdtemp(join(tmpdir(), 'pixelwise-lighthouse-'));
  const chrome = spawn(
    process.env.CHROMIUM ?? '/usr/bin/chromium',
    [
      '--headless',
      '--no-sandbox',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let said = '';
    chrome.stderr.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(said);
      if (found) resolve(Number(found[1]));
    });
    chrome.on('exit', (code) => reject(new Error(`chromium exited (${code}) before opening a DevTools port: ${said}`)));
  });
  return {
    port,
    close: async () => {
      const exited = new Promise((resolve) => chrome.on('exit', resolve));
      chrome.kill();
      await exited;
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Lighthouse's default run (mobile: a Moto G Power-sized screen, simulated slow 4G and 4x CPU
 * slowdown) of the performance and accessibility categories, scores 0–100.
 */
export async function lighthouseScores(url: string, port: number): Promise<LighthouseScores> {
  const result = await lighthouse(url, { port, logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  const failing = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  return { performance: score('performance'), accessibility: score('accessibility'), failing };
}
