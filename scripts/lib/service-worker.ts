import { join } from 'node:path';
import { generateSW } from 'workbox-build';

/**
 * What the service worker stores on install, so every lesson, figure, model and the playground
 * work offline after one visit. Left out, and cached only when a page asks for them: KaTeX's
 * .woff/.ttf fallbacks (browsers that run this site read .woff2) and the threaded wasm binary
 * (used only on a cross-origin-isolated page, which a plain static host does not give).
 */
const PRECACHE = ['**/*.{html,js,css,woff2,wasm,svg,json,bin,idx,png,jpg}'];
const NOT_PRECACHED = ['sw.js', '_astro/*-threaded-simd-*.wasm'];

/** Writes `sw.js` into a built site; the revision of every file is its content hash. */
export async function writeServiceWorker(dist: string): Promise<{ count: number; size: number }> {
  const { count, size, warnings } = await generateSW({
    globDirectory: dist,
    globPatterns: PRECACHE,
    globIgnores: NOT_PRECACHED,
    swDest: join(dist, 'sw.js'),
    cacheId: 'pixelwise',
    // The TensorFlow.js worker bundle is 2.6 MB; the default limit (2 MB) would leave it out.
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
    // Vite's hashed names change with their content, so they need no ?__WB_REVISION__ on fetch.
    dontCacheBustURLsMatching: /^_astro\//,
    // Query strings are figure state and backend choice, read by the page: any of them is the same file.
    ignoreURLParametersMatching: [/.*/],
    directoryIndex: 'index.html',
    cleanupOutdatedCaches: true,
    // No skipWaiting: a new build's worker takes over once no tab runs the old build, so an open
    // page never fetches its lazily loaded chunks from a cache that no longer holds them.
    inlineWorkboxRuntime: true,
    sourcemap: false,
    mode: 'production',
    runtimeCaching: [
      {
        urlPattern: /\/_astro\//,
        handler: 'CacheFirst',
        options: { cacheName: 'pixelwise-assets', expiration: { maxEntries: 64 } },
      },
    ],
  });
  if (warnings.length > 0) throw new Error(`service worker: ${warnings.join('; ')}`);
  return { count, size };
}
