import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';

// Math is rendered to HTML at build time; no KaTeX JavaScript reaches the reader.
export default defineConfig({
  site: 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  markdown: {
    processor: unified({ remarkPlugins: [remarkMath], rehypePlugins: [rehypeKatex] }),
  },
  integrations: [mdx()],
  vite: {
    worker: { format: 'es' },
    // The worker bundles all of TensorFlow.js (~2 MB); it loads only when a figure is near.
    build: { chunkSizeWarningLimit: 2600 },
    optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  },
});
