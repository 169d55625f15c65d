// Maintainer tool: screenshots of built pages, to look at before calling a figure done.
// Usage: npm run build && node scripts/screenshot.ts /learn/bilinear-interpolation/ [out.png] [width] [light|dark]
// Writes the full page to out.png and each figure to out-figure-N.png.
import { resolve } from 'node:path';
import { launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';

const [path = '/', out = '/tmp/pixelwise.png', width = '1280', scheme = 'light'] = process.argv.slice(2);
const { server, url } = await serveStatic(resolve(process.env.DIST ?? 'dist'));
const browser = await launchChromium();
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
page.on('console', (m) => process.stdout.write(`[console.${m.type()}] ${m.text()}\n`));
page.on('pageerror', (e) => process.stdout.write(`[pageerror] ${e.message}\n`));
await page.goto(url + path);
// Scroll through so every lazy figure mounts, then wait for them to settle.
for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 600) {
  await page.evaluate((top) => window.scrollTo(0, top), y);
  await page.waitForTimeout(150);
}
await page
  .waitForFunction(
    () =>
      [...document.querySelectorAll('[data-figure]')].every(
        (f) => f instanceof HTMLElement && (f.dataset.state === 'ready' || f.dataset.state === 'error'),
      ),
    undefined,
    { timeout: 60_000 },
  )
  .catch(() => process.stdout.write('figures did not settle in 60 s\n'));
await page.screenshot({ path: out, fullPage: true });
process.stdout.write(`${out}\n`);
const figures = await page.locator('[data-figure]').all();
for (const [i, figure] of figures.entries()) {
  const file = out.replace(/\.png$/, `-figure-${i + 1}.png`);
  await figure.screenshot({ path: file });
  process.stdout.write(`${file}\n`);
}
await browser.close();
server.close();
