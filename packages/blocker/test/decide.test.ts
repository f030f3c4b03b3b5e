import { cookieScopes, createDecisions, isCookieDeletion } from '@consentgate/blocker';
import type { ConsentSource } from '@consentgate/core';
import { describe, expect, test } from 'vitest';

const source = (granted: Record<string, boolean>): ConsentSource => ({
  get: (id) => granted[id] === true,
  subscribe: () => () => {},
});
const base = 'https://shop.example/page';
const origin = 'https://shop.example';

describe('createDecisions', () => {
  test('necessary always passes; "!x" passes while x is denied; a throwing source denies', () => {
    const d = createDecisions({ source: source({ analytics: true }), rules: [] });
    expect(d.allowed('necessary')).toBe(true);
    expect(d.allowed(' analytics ')).toBe(true);
    expect(d.allowed('advertising')).toBe(false);
    expect(d.allowed('!advertising')).toBe(true);
    expect(d.allowed('!analytics')).toBe(false);
    const broken = createDecisions({
      source: {
        get: () => {
          throw new Error('x');
        },
        subscribe: () => () => {},
      },
      rules: [],
    });
    expect(broken.allowed('analytics')).toBe(false);
  });

  test('an annotation wins over the URL; the URL is classified by rules, then the catalogue', () => {
    const d = createDecisions({
      source: source({}),
      rules: [{ category: 'functional', match: ['*.youtube.com'] }],
      categories: { functional: {} },
    });
    expect(d.categoryOf('https://www.youtube.com/embed/1', null, base, origin)).toBe('functional');
    expect(d.categoryOf('https://www.google-analytics.com/g', 'pixels', base, origin)).toBe('pixels');
    expect(d.categoryOf('https://www.google-analytics.com/g', null, base, origin)).toBe('analytics');
    expect(d.categoryOf('/app.js', null, base, origin)).toBeNull();
    expect(d.hold('https://www.google-analytics.com/g', null, base, origin)).toBe('analytics');
    expect(d.known).toContain('functional');
    expect(d.known).not.toContain('necessary');
  });

  test('blockSameOrigin: unmatched same-origin URLs wait for every category but the separate ones', () => {
    const categories = { cross_border: { separate: true } };
    const everything = Object.fromEntries(
      ['analytics', 'advertising', 'pixels'].map((id): [string, boolean] => [id, true]),
    );
    const d = createDecisions({ source: source(everything), rules: [], categories, blockSameOrigin: true });
    expect(d.categoryOf('/app.js', null, base, origin)).toBe('*');
    expect(d.categoryOf('https://cdn.other.example/app.js', null, base, origin)).toBeNull();
    expect(d.allowed('*')).toBe(true);
    expect(createDecisions({ source: source({}), rules: [], blockSameOrigin: true }).allowed('*')).toBe(
      false,
    );
  });

  test('cookies: the site patterns first, then the catalogue', () => {
    const d = createDecisions({
      source: source({}),
      rules: [],
      categories: { functional: { cookies: ['_ga_SPECIAL', 'pref_*'] } },
    });
    expect(d.cookieCategory('_ga_SPECIAL')).toBe('functional');
    expect(d.cookieCategory('_ga_OTHER')).toBe('analytics');
    expect(d.cookieCategory('pref_lang')).toBe('functional');
    expect(d.cookieCategory('session')).toBeUndefined();
  });
});

describe('isCookieDeletion', () => {
  const now = Date.parse('2026-12-01T00:00:00Z');
  test('a zero or negative Max-Age, or an Expires in the past, deletes', () => {
    expect(isCookieDeletion('a=; Max-Age=0', now)).toBe(true);
    expect(isCookieDeletion('a=; max-age=-1; path=/', now)).toBe(true);
    expect(isCookieDeletion('a=; expires=Thu, 01 Jan 1970 00:00:00 GMT', now)).toBe(true);
    expect(isCookieDeletion('a=1; path=/', now)).toBe(false);
    expect(isCookieDeletion('a=1; expires=Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(false);
  });

  test('as the browser reads it: the last of an attribute wins, and Max-Age beats Expires', () => {
    expect(isCookieDeletion('_ga=1; Max-Age=0; Max-Age=99999', now)).toBe(false);
    expect(isCookieDeletion('_ga=1; Max-Age=99999; Max-Age=0', now)).toBe(true);
    expect(
      isCookieDeletion(
        '_ga=1; expires=Thu, 01 Jan 1970 00:00:00 GMT; expires=Fri, 01 Jan 2100 00:00:00 GMT',
        now,
      ),
    ).toBe(false);
    expect(isCookieDeletion('_ga=1; expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=100', now)).toBe(false);
    expect(isCookieDeletion('_ga=1; Max-Age=0; expires=Fri, 01 Jan 2100 00:00:00 GMT', now)).toBe(true);
  });

  test('a value that only looks like an attribute is not one', () => {
    expect(isCookieDeletion('a=max-age=0', now)).toBe(false);
  });
});

describe('cookieScopes', () => {
  test('host-only and every parent domain, / and every ancestor path', () => {
    const scopes = cookieScopes('www.shop.example', '/a/b/page.html');
    for (const path of ['/', '/a', '/a/', '/a/b', '/a/b/', '/a/b/page.html'])
      for (const domain of ['', ';domain=www.shop.example', ';domain=shop.example'])
        expect(scopes).toContain(`;path=${path}${domain}`);
    expect(scopes.some((s) => s.endsWith(';domain=example'))).toBe(false);
  });

  test('no domain attribute for an IP address or localhost', () => {
    expect(cookieScopes('127.0.0.1', '/')).toEqual([';path=/']);
    expect(cookieScopes('localhost', '/x')).toEqual([';path=/', ';path=/x']);
  });
});
