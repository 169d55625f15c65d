import { readdir } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** The built site the browser tests run against (the test server serves the same folder). */
export const DIST = resolve(process.env.DIST ?? 'dist');

/** Every HTML page of the build as [file, URL path], so pages added later are covered without a list. */
export async function builtPages(): Promise<{ file: string; path: string }[]> {
  const files = (await readdir(DIST, { recursive: true })).filter((f) => f.endsWith('.html')).sort();
  return files.map((f) => {
    const path = `/${f.split(sep).join('/')}`;
    return { file: resolve(DIST, f), path: path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path };
  });
}
