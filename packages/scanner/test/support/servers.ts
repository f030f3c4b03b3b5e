// The servers the integration tests scan, each on a free port of 127.0.0.1: the repo's static
// server (the examples and the fixtures, with the built gate), the examples' tracker simulator,
// and a small site of bad inputs. Nothing leaves the machine.
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo, HostMapping } from '@consentgate/scanner';
import { serveStatic } from '../../../../e2e/support/static-server.mjs';
import {
  startTrackerSimulator,
  type TrackerSimulator,
} from '../../../../examples/tracker-simulator/server.mjs';

export const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** Where the example pages send their trackers. */
export const TRACKER_HOST = 'localhost:4174';
/** Generous for a machine shared with other work: each scan launches Chromium. */
export const SCAN_TIMEOUT = 240_000;

const portOf = (server: Server) => (server.address() as AddressInfo).port;

/** The repo root served statically: `/examples/…`, `/packages/scanner/test/fixtures/…`. */
export async function startRepoServer(): Promise<{ origin: string; close(): Promise<void> }> {
  // The pages load the built gate; without it every page would look like a site without ConsentGate.
  if (!existsSync(join(ROOT, 'packages/consentgate/dist/consentgate.js')))
    throw new Error(
      'packages/consentgate/dist/consentgate.js is missing: run `npx -y pnpm@12.21.0 build` first',
    );
  const server = await serveStatic({ root: ROOT, port: 0 });
  return { origin: `http://127.0.0.1:${portOf(server)}`, close: () => closeServer(server) };
}

/** A tracker simulator on a free port, and the mapping that sends the pages' trackers to it. */
export async function startSimulator(): Promise<{ simulator: TrackerSimulator; mapHosts: HostMapping[] }> {
  const simulator = await startTrackerSimulator({ port: 0 });
  return { simulator, mapHosts: [{ from: TRACKER_HOST, to: `127.0.0.1:${simulator.port}` }] };
}

/** A port nothing listens on (taken from the system, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = portOf(server);
  await closeServer(server);
  return port;
}

export interface BadSite {
  origin: string;
  /** Requests the other site (the target of the off-site redirect) received. */
  elsewhereHits: string[];
  close(): Promise<void>;
}

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

/**
 * The bad inputs: `/data` (JSON), `/links` (a page linking to it and to a PDF), `/away` (a
 * redirect to another site), `/calendar?month=N` (endless links), `/slow` (an image that is
 * never answered), `/cookies` (cookies by header and by script), `/banner` (no ConsentGate, a
 * banner of its own whose "Accept all" sends a pixel to the other site).
 */
export async function startBadSite(): Promise<BadSite> {
  const elsewhereHits: string[] = [];
  const elsewhere = createServer((req, res) => {
    elsewhereHits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/html' }).end(page('Elsewhere', '<p>another site</p>'));
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  const hanging = new Set<import('node:http').ServerResponse>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const html = (body: string, headers: Record<string, string | string[]> = {}) =>
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...headers })
        .end(page(url.pathname, body));
    switch (url.pathname) {
      case '/data':
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"not":"a page"}');
        return;
      case '/links':
        html('<a href="/data">data</a> <a href="/brochure.pdf">brochure</a> <a href="/away">away</a>');
        return;
      case '/away':
        // `localhost` is another site than `127.0.0.1`.
        res.writeHead(302, { location: `http://localhost:${portOf(elsewhere)}/landing` }).end();
        return;
      case '/calendar': {
        const month = Number(url.searchParams.get('month') ?? 1);
        html(
          `<a href="/calendar?month=${month - 1}">previous</a> <a href="/calendar?month=${month + 1}">next</a>`,
        );
        return;
      }
      case '/slow':
        html('<p>waiting for an image that never comes</p><img src="/hang.gif" alt="">');
        return;
      case '/hang.gif':
        // Never answered: the page never reaches network idle.
        hanging.add(res);
        return;
      case '/banner': {
        // A site without ConsentGate, with its own banner: a pixel (to another site) on accept.
        const pixel = `http://localhost:${portOf(elsewhere)}/px/hit.gif`;
        html(
          `<div id="banner" role="dialog" aria-label="Cookies"><button type="button" id="yes">Accept all</button> <button type="button" id="no">Reject all</button></div>
<script>
document.getElementById('yes').onclick = () => { new Image().src = '${pixel}'; document.getElementById('banner').remove(); };
document.getElementById('no').onclick = () => document.getElementById('banner').remove();
</script>`,
        );
        return;
      }
      case '/cookies':
        html("<script>document.cookie = 'theme=dark; path=/; max-age=86400';</script>", {
          'set-cookie': [
            '_ga=GA1.1.42.42; Path=/; Max-Age=63072000',
            'sid=abc; Path=/; HttpOnly; SameSite=Strict',
          ],
        });
        return;
      default:
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${portOf(server)}`,
    elsewhereHits,
    close: async () => {
      for (const res of hanging) res.destroy();
      await Promise.all([closeServer(server), closeServer(elsewhere)]);
    },
  };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/** A CliIo that keeps what the CLI prints; stderr is not a TTY (plain progress lines). */
export function memoryIo(extra: Partial<CliIo> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: process.env,
    ...extra,
    out: () => out,
    err: () => err,
  };
}
