import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.bin': 'application/octet-stream',
};

/**
 * The policy of the scripts that run outside a page: the TensorFlow.js worker (it compiles the
 * wasm backend, and fetches weights and data) and the service worker. A page's <meta> policy does
 * not reach them; only a response header does, so a host should send this one (docs/design.md).
 */
export const WORKER_POLICY = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
const runsOutsideAPage = (path: string) => path === '/sw.js' || /^\/_astro\/worker-[\w-]+\.js$/.test(path);

/**
 * Serves the built site from `root` on loopback, as a static host would: index.html for folders,
 * the site's own 404.html (status 404) for paths that are not files.
 */
export async function serveStatic(root: string, port = 0): Promise<{ server: Server; url: string }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    let file = join(root, path);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const policy = runsOutsideAPage(path) ? { 'content-security-policy': WORKER_POLICY } : {};
      res.writeHead(200, { 'content-type': type, ...policy }).end(body);
    } catch {
      const page = await readFile(join(root, '404.html')).catch(() => undefined);
      if (page) res.writeHead(404, { 'content-type': TYPES['.html'] }).end(page);
      else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { server, url: `http://127.0.0.1:${address.port}` };
}
