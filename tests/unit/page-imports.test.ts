// Page-side code must never pull TensorFlow.js into the page: tfjs belongs to the worker, which
// the page reaches only through Comlink. Walks the static imports (type-only imports are erased).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const script = file.endsWith('.astro') ? (text.split('---')[1] ?? '') : text;
  const found = [...script.matchAll(IMPORT), ...text.matchAll(DYNAMIC)].map((m) => m[1]!);
  // <script> blocks of .astro files run on the page too.
  if (file.endsWith('.astro'))
    for (const block of text.match(/<script>[\s\S]*?<\/script>/g) ?? [])
      found.push(...[...block.matchAll(IMPORT)].map((m) => m[1]!));
  return found;
}

/** The chain of files from `entry` to a tfjs import, or undefined when there is none. */
function pathToTfjs(entry: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(entry)) return undefined;
  seen.add(entry);
  for (const spec of importsOf(entry)) {
    if (spec.startsWith('@tensorflow/')) return [entry, spec];
    if (!spec.startsWith('.')) continue;
    const next = resolve(dirname(entry), spec.replace(/\?.*$/, ''));
    if (!/\.(ts|astro|mjs)$/.test(next)) continue;
    const chain = pathToTfjs(next, seen);
    if (chain) return [entry, ...chain];
  }
  return undefined;
}

const filesIn = (dir: string, match: RegExp): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(join(dir, e.name), match) : match.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('page-side code', () => {
  const entries = [
    ...filesIn(join(SRC, 'components'), /\.(ts|astro)$/),
    ...filesIn(join(SRC, 'lib/figure'), /\.ts$/),
    ...filesIn(join(SRC, 'lib/runtime/page'), /\.ts$/),
    ...filesIn(join(SRC, 'layouts'), /\.astro$/),
    ...filesIn(join(SRC, 'pages'), /\.(astro|mdx)$/),
  ];

  it.each(entries.map((e) => [e.slice(SRC.length + 1), e]))('%s imports no @tensorflow/* package', (_, entry) => {
    expect(pathToTfjs(entry)).toBeUndefined();
  });

  it('the walk does find tfjs from worker-side code (the test can fail)', () => {
    expect(pathToTfjs(join(SRC, 'lib/runtime/worker/worker.ts'))).toBeDefined();
  });
});
