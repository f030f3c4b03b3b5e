// The documented server recipe (README, "Server side"): a server reads the consent cookie
// from the Cookie header and sends it back as an HTTP Set-Cookie, so Safari's 7-day cap on cookies
// written by scripts (ITP) does not drop the consent. Runs a real node:http server.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { consentStatus, resolveConfig } from 'consentgate';
import {
  type ConsentRecord,
  encodeConsentCookie,
  readConsentCookie,
  serializeConsentCookie,
} from 'consentgate/server';
import { afterAll, beforeAll, expect, test } from 'vitest';

// --- the recipe, as documented -----------------------------------------------------------------
const { config } = resolveConfig({ policyVersion: '2026-11', cookie: { domain: '.example.com' } });

function refreshConsent(request: IncomingMessage, response: ServerResponse): ConsentRecord | null {
  const record = readConsentCookie(request.headers.cookie, config.cookie.name);
  const now = Date.now();
  // Only a valid consent is refreshed: an outdated or expired one must reach the banner again.
  if (record && consentStatus(record, config, now) === 'given') {
    response.appendHeader('Set-Cookie', serializeConsentCookie(record, config, true, now));
  }
  return record;
}
// -------------------------------------------------------------------------------------------------

const server = createServer((request, response) => {
  const record = refreshConsent(request, response);
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ analytics: record?.choices.analytics ?? false }));
});
let base = '';
beforeAll(async () => {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
});

const DAY = 864e5;
function cookieOf(overrides: Partial<ConsentRecord> = {}): string {
  const now = Date.now();
  return encodeConsentCookie({
    v: 1,
    id: 'AAECAwQFBgcICQoLDA0ODw',
    policyVersion: '2026-11',
    choices: { necessary: true, analytics: true, advertising: false },
    created: now - 30 * DAY,
    updated: now - 30 * DAY,
    expires: now + 100 * DAY,
    method: 'preferences',
    locale: 'zh-CN',
    ...overrides,
  });
}
const get = (cookie?: string) => fetch(base, { headers: cookie ? { cookie } : {} });

test('a valid consent cookie comes back as an HTTP Set-Cookie with the same value and its remaining life', async () => {
  const value = cookieOf();
  const response = await get(`theme=dark; cg_consent=${value}; other=1`);
  expect(await response.json()).toEqual({ analytics: true });
  const [setCookie, ...more] = response.headers.getSetCookie();
  expect(more).toEqual([]);
  expect(setCookie.startsWith(`cg_consent=${value}; Path=/; Domain=.example.com; Max-Age=`)).toBe(true);
  expect(setCookie).toMatch(/; SameSite=Lax; Secure$/);
  const maxAge = Number(/Max-Age=(\d+)/.exec(setCookie)![1]);
  expect(Math.abs(maxAge - 100 * 86400)).toBeLessThan(5);
  expect(readConsentCookie(setCookie.split(';')[0])).toEqual(readConsentCookie(`cg_consent=${value}`));
});

test('no cookie, a garbage one, an outdated or an expired consent: nothing is refreshed', async () => {
  const now = Date.now();
  for (const cookie of [
    undefined,
    'cg_consent=garbage',
    `cg_consent=${cookieOf({ policyVersion: '2026-01' })}`,
    `cg_consent=${cookieOf({ expires: now - 1000 })}`,
  ]) {
    const response = await get(cookie);
    expect(response.headers.getSetCookie(), String(cookie)).toEqual([]);
    await response.body?.cancel();
  }
});
