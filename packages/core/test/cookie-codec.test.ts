import {
  type ConsentRecord,
  encodeConsentCookie,
  parseConsentCookie,
  readConsentCookie,
  resolveConfig,
  serializeConsentCookie,
} from '@consentgate/core';
import { describe, expect, test } from 'vitest';

const DAY = 864e5;
const T = Date.UTC(2026, 10, 23, 12, 0, 0, 123);
const record: ConsentRecord = {
  v: 1,
  id: 'Qm9vdGxlZ2dlZC1pZC0xMg',
  policyVersion: '2026-11 v2',
  choices: { necessary: true, analytics: true, advertising: false, pixels: true },
  created: T - 30 * DAY,
  updated: T,
  expires: T + 182 * DAY,
  method: 'preferences',
  locale: 'zh-CN',
};
// RFC 6265 section 4.1.1 cookie-octet: no CTLs, whitespace, DQUOTE, comma, semicolon or backslash.
const COOKIE_OCTETS = /^[\x21\x23-\x2B\x2D-\x3A\x3C-\x5B\x5D-\x7E]*$/;

describe('encodeConsentCookie / parseConsentCookie', () => {
  test('round-trips a record exactly', () => {
    expect(parseConsentCookie(encodeConsentCookie(record))).toEqual(record);
  });

  test('is the documented compact format', () => {
    expect(encodeConsentCookie(record)).toBe(
      `1|Qm9vdGxlZ2dlZC1pZC0xMg|2026-11%20v2|${(T - 30 * DAY).toString(36)}|${T.toString(36)}|${(T + 182 * DAY).toString(36)}|p|zh-CN|+analytics-advertising+pixels`,
    );
  });

  test('stays under 200 bytes of cookie-octets for the four categories', () => {
    const value = encodeConsentCookie({ ...record, policyVersion: 'v10; "quoted", \\ é' });
    expect(value.length).toBeLessThan(200);
    expect(value).toMatch(COOKIE_OCTETS);
    expect(parseConsentCookie(value)?.policyVersion).toBe('v10; "quoted", \\ é');
  });

  test('every method survives the one-letter code', () => {
    for (const method of [
      'accept-all',
      'reject-all',
      'preferences',
      'api',
      'gpc',
      'guardian',
      'restored',
    ] as const)
      expect(parseConsentCookie(encodeConsentCookie({ ...record, method }))?.method).toBe(method);
  });

  test('necessary is implied: always true after parsing', () => {
    const value = encodeConsentCookie(record).replace('|+analytics', '|-necessary+analytics');
    expect(parseConsentCookie(value)?.choices.necessary).toBe(true);
    expect(
      parseConsentCookie(encodeConsentCookie({ ...record, choices: { necessary: true } }))?.choices,
    ).toEqual({
      necessary: true,
    });
  });

  test('a future format version reads as no consent', () => {
    expect(parseConsentCookie(encodeConsentCookie(record).replace(/^1/, '2'))).toBeNull();
  });

  test('malformed values read as no consent', () => {
    const good = encodeConsentCookie(record);
    const fields = good.split('|');
    const broken = (index: number, value: string) =>
      fields.map((field, i) => (i === index ? value : field)).join('|');
    for (const value of [
      null,
      undefined,
      '',
      '1',
      `${good}|`,
      good.slice(0, -1).replace(/\|[^|]*$/, ''),
      broken(1, ''),
      broken(1, 'a b'),
      broken(2, ''),
      broken(2, '%E0%A4%A'),
      broken(3, 'XYZ'),
      broken(4, ''),
      broken(5, '-1'),
      broken(6, 'z'),
      broken(6, 'ap'),
      broken(7, '%'),
      broken(8, 'analytics'),
      broken(8, '+Analytics'),
      broken(8, '+'),
      'x'.repeat(5000),
    ])
      expect(parseConsentCookie(value as string)).toBeNull();
  });

  test('fuzz: random strings and mutations never throw and never yield an invalid record', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const alphabet = '1|+-%abcz09_ \u00e9\u4e2d;,"\\\u0000';
    const good = encodeConsentCookie(record);
    for (let i = 0; i < 5000; i++) {
      let value: string;
      if (i % 2) {
        value = '';
        const length = Math.floor(random() * 60);
        for (let j = 0; j < length; j++) value += alphabet[Math.floor(random() * alphabet.length)];
        if (random() < 0.5) value = `1|${value}`;
      } else {
        const at = Math.floor(random() * good.length);
        value = good.slice(0, at) + alphabet[Math.floor(random() * alphabet.length)] + good.slice(at + 1);
      }
      const parsed = parseConsentCookie(value);
      // Random strings are garbage; a mutated valid value may still be valid, but then well-formed.
      if (i % 2) expect(parsed).toBeNull();
      else if (parsed) {
        expect(parsed.v).toBe(1);
        expect(parsed.choices.necessary).toBe(true);
        expect(Number.isSafeInteger(parsed.expires)).toBe(true);
        expect(encodeConsentCookie(parsed)).toMatch(COOKIE_OCTETS);
      }
    }
  });
});

describe('readConsentCookie', () => {
  const value = encodeConsentCookie(record);

  test('finds the cookie in a Cookie header or document.cookie string', () => {
    expect(readConsentCookie(`a=1; cg_consent=${value}; b=2`)).toEqual(record);
    expect(readConsentCookie(`cg_consent="${value}"`)).toEqual(record);
    expect(readConsentCookie(`consent=${value}`, 'consent')).toEqual(record);
    expect(readConsentCookie(`xcg_consent=${value}`)).toBeNull();
    expect(readConsentCookie('')).toBeNull();
    expect(readConsentCookie(null)).toBeNull();
  });

  test('with several cookies of that name, the newest valid record wins', () => {
    const older = encodeConsentCookie({ ...record, updated: T - DAY, choices: { necessary: true } });
    expect(readConsentCookie(`cg_consent=${older}; cg_consent=junk; cg_consent=${value}`)).toEqual(record);
    expect(readConsentCookie(`cg_consent=${value}; cg_consent=${older}`)).toEqual(record);
  });
});

describe('serializeConsentCookie', () => {
  const { config } = resolveConfig(undefined);

  test('writes the value with Path, Max-Age, Expires and SameSite', () => {
    expect(serializeConsentCookie(record, config, false, T)).toBe(
      `cg_consent=${encodeConsentCookie(record)}; Path=/; Max-Age=${182 * 86400}; Expires=${new Date(
        T + 182 * DAY,
      ).toUTCString()}; SameSite=Lax`,
    );
  });

  test('adds Secure on https and Domain when configured (shared across sub-domains)', () => {
    const shared = resolveConfig({
      cookie: { domain: '.example.com', path: '/app', sameSite: 'None' },
    }).config;
    const cookie = serializeConsentCookie(record, shared, true, T);
    expect(cookie).toContain('; Path=/app; Domain=.example.com; ');
    expect(cookie).toMatch(/; SameSite=None; Secure$/);
  });

  test('lives as long as the consent, at most 400 days', () => {
    const maxAge = (r: ConsentRecord) =>
      Number(/Max-Age=(\d+)/.exec(serializeConsentCookie(r, config, false, T))![1]);
    expect(maxAge({ ...record, expires: T + 10 * DAY + 999 })).toBe(10 * 86400);
    expect(maxAge({ ...record, expires: T + 1000 * DAY })).toBe(400 * 86400);
    expect(maxAge({ ...record, expires: T - DAY })).toBe(0);
  });
});
