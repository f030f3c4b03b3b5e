// The bench's own local server: the repo root as static files (peers are reached through
// bench/node_modules/<peer>/…, ours through bench/node_modules/consentgate/dist/…) plus pages
// generated in memory under /bench/__pages/, and /bench/__ping (a tiny GIF). No compression:
// byte figures are computed from the files themselves (see bytes.mjs), the timing figures are
// for an uncompressed localhost.
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.gif': 'image/gif',
};

export const PAGE_PREFIX = '/bench/__pages/';
/** A first-party URL answered at once with a 1×1 GIF (the DOM-heavy page's fetches and images). */
export const PING = '/bench/__ping';
const gif = Buffer.from('R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==', 'base64');

/**
 * Starts the server on 127.0.0.1:`port`. `pages` maps a page name to its HTML; a page is served at
 * `${PAGE_PREFIX}${name}.html`. Resolves with `{ origin, setPage, close }`.
 */
export function startServer({ root, port }) {
  const base = resolve(root);
  const pages = new Map();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === PING) {
      res.writeHead(200, {
        'content-type': types['.gif'],
        'content-length': gif.length,
        'cache-control': 'no-store',
      });
      return void res.end(gif);
    }
    if (url.pathname.startsWith(PAGE_PREFIX)) {
      const html = pages.get(url.pathname.slice(PAGE_PREFIX.length).replace(/\.html$/, ''));
      if (html === undefined) return void res.writeHead(404).end('no such page');
      res.writeHead(200, { 'content-type': types['.html'], 'cache-control': 'no-store' });
      return void res.end(html);
    }
    const path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) return void res.writeHead(403).end();
    try {
      if (!statSync(path).isFile()) throw new Error('not a file');
      const body = readFileSync(path);
      res.writeHead(200, {
        'content-type': types[extname(path)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () =>
      ok({
        origin: `http://127.0.0.1:${port}`,
        setPage: (name, html) => {
          pages.set(name, html);
          return `http://127.0.0.1:${port}${PAGE_PREFIX}${name}.html`;
        },
        close: () => new Promise((done) => server.close(() => done())),
      }),
    );
  });
}
