// A tiny static file server (no dependencies) for the examples and the e2e fixtures.
// `node e2e/support/static-server.mjs [port] [root]` serves `root` (default: the repo) on 127.0.0.1.
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

/**
 * Serves files below `root`. `headers(path)` may add response headers (e.g. a CSP for one page);
 * `routes` maps a path to a handler `(req, res)` that answers it instead of a file.
 * Resolves with the listening server.
 */
export function serveStatic({ root, port = 0, host = '127.0.0.1', headers = () => ({}), routes = {} }) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (Object.hasOwn(routes, url.pathname)) return void routes[url.pathname](req, res);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      const size = statSync(path).size;
      res.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        'content-length': size,
        'cache-control': 'no-store',
        ...headers(url.pathname),
      });
      createReadStream(path).pipe(res);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 4173);
  const root = process.argv[3] ?? fileURLToPath(new URL('../../', import.meta.url));
  serveStatic({ root, port }).then(() => console.log(`serving ${root} on http://127.0.0.1:${port}/`));
}
