// Fake third-party hosts for the gate specs. Every request to a host other than the test server
// is answered here (never the network): known vendor paths with the fake scripts in
// e2e/fixtures/vendors/, other scripts with generic.js, images with a 1x1 gif, documents with a
// tiny page, anything else with 204. Every request the page makes (same-origin too) is recorded.
import { readFileSync } from 'node:fs';
import type { BrowserContext } from '@playwright/test';

const vendors = new URL('../fixtures/vendors/', import.meta.url);

/** `host/path` prefix → the fake script that plays that vendor. */
const scripts: Record<string, string> = {
  'www.clarity.ms/tag/': 'clarity.js',
  'www.googletagmanager.com/gtag/js': 'ga4.js',
  'www.googletagmanager.com/gtm.js': 'gtm.js',
  'connect.facebook.net/en_US/fbevents.js': 'fbevents.js',
  'static.hotjar.com/c/hotjar-1.js': 'hotjar.js',
  'static.hotjar.com/c/hotjar-2.js': 'hotjar.js',
  'snap.licdn.com/li.lms-analytics/insight.min.js': 'insight.js',
  'analytics.tiktok.com/i18n/pixel/events.js': 'tiktok.js',
  'hm.baidu.com/hm.js': 'hm.js',
};

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

export interface Hit {
  url: string;
  type: string;
  /** Position in the log, to tell "before" from "after" a step. */
  at: number;
}

/**
 * Fakes every third-party host for `context` and returns the live log of all requests.
 * The gate itself is served from the build (`packages/consentgate/dist/consentgate.js`).
 */
export async function fakeVendors(context: BrowserContext): Promise<Hit[]> {
  const hits: Hit[] = [];
  context.on('request', (request) => {
    hits.push({ url: request.url(), type: request.resourceType(), at: hits.length });
  });
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && url.hostname !== 'localhost',
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const key = url.hostname + url.pathname;
      const file = Object.entries(scripts).find(([prefix]) => key.startsWith(prefix))?.[1];
      const type = request.resourceType();
      const cors = { 'access-control-allow-origin': '*' };
      if (file || type === 'script' || /\.js$/.test(url.pathname)) {
        const body = readFileSync(new URL(file ?? 'generic.js', vendors), 'utf8');
        await route.fulfill({ status: 200, contentType: 'text/javascript', headers: cors, body });
      } else if (type === 'image') {
        await route.fulfill({ status: 200, contentType: 'image/gif', body: GIF });
      } else if (type === 'document') {
        await route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: `<!doctype html><title>${url.hostname}</title><p>${url.hostname}</p>`,
        });
      } else {
        await route.fulfill({ status: 204, headers: cors });
      }
    },
  );
  return hits;
}
