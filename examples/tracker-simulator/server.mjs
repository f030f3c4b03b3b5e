// The tracker simulator: the "third parties" of the examples, on their own origin
// (http://localhost:4174 by default, a different origin from the site on 127.0.0.1:4173).
// It serves fake vendor files that behave like real ones (cookies, a second script, pixels,
// sendBeacon, fetch) and logs every hit, so a demo visitor — and the e2e tests — can see which
// requests reached a "tracker" before and after consent.
//
//   node examples/tracker-simulator/server.mjs        (TRACKER_PORT, default 4174)
//
// Pages:  /  live log · /log.json  the hits · /reset  forget them (GET or POST)
// Hits:   /a/… analytics · /ads/… advertising · /px/… pixels · /embed/… embedded content
import { readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const PUBLIC = fileURLToPath(new URL('./public/', import.meta.url));

/** Path prefix → the category a hit there belongs to. */
export const CATEGORY_OF_PREFIX = {
  '/a/': 'analytics',
  '/ads/': 'advertising',
  '/px/': 'pixels',
  '/embed/': 'embed',
};

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.gif': 'image/gif',
};

// The classic 1x1 transparent GIF every pixel tag returns.
const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** The category of a request path, or `undefined` for the simulator's own pages. */
export function categoryOf(pathname) {
  for (const [prefix, category] of Object.entries(CATEGORY_OF_PREFIX)) {
    if (pathname.startsWith(prefix)) return category;
  }
  return undefined;
}

/**
 * Starts a simulator. `port: 0` picks a free port (the e2e tests do). Resolves with
 * `{ url, port, hits, reset(), close() }`; `hits` is the live array the log shows.
 */
export function startTrackerSimulator({ port = 4174, host = '127.0.0.1', quiet = true } = {}) {
  /** @type {Array<{ n: number, time: string, method: string, path: string, category: string, page: string, cookies: string }>} */
  const hits = [];
  let counter = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const cors = {
      'access-control-allow-origin': req.headers.origin ?? '*',
      'access-control-allow-credentials': 'true',
      'cache-control': 'no-store',
    };
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        ...cors,
        'access-control-allow-headers': '*',
        'access-control-allow-methods': '*',
      });
      res.end();
      return;
    }
    const category = categoryOf(url.pathname);
    if (category) {
      const hit = {
        n: ++counter,
        time: new Date().toISOString(),
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        category,
        // Cross-origin requests carry only the origin as Referer, so the fake vendor code sends the
        // page's address in `page=` (as real analytics tags do in their own parameter).
        page: url.searchParams.get('page') ?? req.headers.referer ?? '',
        // First-party ids the tag read from the page's cookies (`cid=`), plus any cookie header.
        cookies: [url.searchParams.get('cid') && `cid=${url.searchParams.get('cid')}`, req.headers.cookie]
          .filter(Boolean)
          .join('; '),
      };
      hits.push(hit);
      if (!quiet) console.log(`${hit.time}  ${hit.category.padEnd(11)} ${hit.method.padEnd(4)} ${hit.path}`);
      req.resume();
    }
    if (url.pathname === '/log.json') {
      res.writeHead(200, { ...cors, 'content-type': TYPES['.json'] });
      res.end(JSON.stringify(hits));
      return;
    }
    if (url.pathname === '/reset') {
      hits.length = 0;
      res.writeHead(200, { ...cors, 'content-type': TYPES['.json'] });
      res.end('[]');
      return;
    }
    const file = normalize(join(PUBLIC, url.pathname === '/' ? 'index.html' : url.pathname));
    if (file.startsWith(PUBLIC) && isFile(file)) {
      res.writeHead(200, { ...cors, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    if (category) {
      // Every other tracker endpoint answers like a collection endpoint: a pixel.
      res.writeHead(200, { ...cors, 'content-type': TYPES['.gif'] });
      res.end(GIF);
      return;
    }
    res.writeHead(404, { ...cors, 'content-type': 'text/plain' }).end('not found');
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({
        port: actual,
        url: `http://localhost:${actual}/`,
        hits,
        reset: () => {
          hits.length = 0;
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const port = Number(process.env.TRACKER_PORT ?? 4174);
  startTrackerSimulator({ port, quiet: false }).then((sim) => console.log(`tracker simulator: ${sim.url}`));
}
