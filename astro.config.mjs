import { fileURLToPath } from 'node:url';
import { unified } from '@astrojs/markdown-remark';
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import rehypeFocusableMath from './scripts/lib/rehype-focusable-math.ts';
import { writeServiceWorker } from './scripts/lib/service-worker.ts';

// The offline cache is written after the build, from the files the build wrote (docs/design.md, "Offline").
const serviceWorker = {
  name: 'pixelwise:service-worker',
  hooks: {
    'astro:build:done': async ({ dir, logger }) => {
      const { count, size } = await writeServiceWorker(fileURLToPath(dir));
      logger.info(`sw.js precaches ${count} files, ${(size / 1e6).toFixed(1)} MB`);
    },
  },
};

// Math is rendered to HTML at build time; no KaTeX JavaScript reaches the reader.
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex, rehypeFocusableMath] }),
  },
  integrations: [mdx(), serviceWorker],
  // One policy for every page, as a <meta> tag; each directive's reason is in docs/design.md, "Security".
  security: {
    csp: {
      directives: [
        "default-src 'none'",
        "connect-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "worker-src 'self'",
        "manifest-src 'none'",
        "media-src 'none'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
      ],
      scriptDirective: { resources: ["'self'", { resource: "'none'", kind: 'attribute' }] },
      styleDirective: { resources: ["'self'", { resource: "'unsafe-inline'", kind: 'attribute' }] },
    },
  },
  vite: {
    worker: { format: 'es' },
    build: {
      // The worker bundles all of TensorFlow.js (~2 MB); it loads only when a figure is near.
      chunkSizeWarningLimit: 2600,
      // Fonts stay files (not data: URLs), so font-src needs nothing but 'self'.
      assetsInlineLimit: (file) => (/\.(woff2?|ttf)$/.test(file) ? false : undefined),
    },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
