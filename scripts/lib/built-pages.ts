import { readdir } from 'node:fs/promises';
import { relative } from 'node:path';

/**
 * The URL path of every HTML file in a built site, sorted: `<folder>/index.html` is `/<folder>/`,
 * any other file keeps its name (`/404.html`). Pages added to the site are benched with no edit.
 */
export async function builtPages(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const folder = relative(dist, e.parentPath).split('\\').join('/');
      const prefix = folder ? `/${folder}/` : '/';
      return e.name === 'index.html' ? prefix : prefix + e.name;
    })
    .sort();
}
