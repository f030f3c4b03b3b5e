import {
  isLikelyHtml,
  isSameSite,
  linkPattern,
  mapUrl,
  normalizeUrl,
  parseHostMapping,
  partyOf,
  siteOf,
} from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';

describe('normalizeUrl', () => {
  test('drops the fragment and a lone "?", resolves against the page, keeps the query', () => {
    expect(normalizeUrl('privacy.html#choices', 'http://127.0.0.1:4173/site/index.html')).toBe(
      'http://127.0.0.1:4173/site/privacy.html',
    );
    expect(normalizeUrl('https://Example.COM:443/a/../b?')).toBe('https://example.com/b');
    expect(normalizeUrl('/list?page=2&sort=new#top', 'https://example.com/')).toBe(
      'https://example.com/list?page=2&sort=new',
    );
  });

  test('refuses what is not an http(s) page address', () => {
    for (const href of [
      'mailto:a@example.com',
      'javascript:void(0)',
      'tel:+123',
      'ftp://example.com/',
      'http://',
    ])
      expect(normalizeUrl(href, 'https://example.com/')).toBeNull();
    expect(normalizeUrl('relative/without/base')).toBeNull();
  });
});

describe('siteOf / isSameSite / partyOf', () => {
  test('a site is the registrable domain, private suffixes included', () => {
    expect(siteOf('www.shop.example.co.uk')).toBe('example.co.uk');
    expect(siteOf('cdn.Example.com.')).toBe('example.com');
    // github.io is a public suffix in the private section: two users are two sites.
    expect(siteOf('alice.github.io')).toBe('alice.github.io');
    expect(isSameSite('https://alice.github.io/', 'https://bob.github.io/')).toBe(false);
  });

  test('IP addresses and localhost are their own site', () => {
    expect(siteOf('127.0.0.1')).toBe('127.0.0.1');
    expect(siteOf('localhost')).toBe('localhost');
    expect(siteOf('[::1]')).toBe('::1');
    expect(isSameSite('http://127.0.0.1:4173/', 'http://localhost:4174/')).toBe(false);
  });

  test('scheme, port and sub-domain do not make another site', () => {
    expect(isSameSite('http://example.com/', 'https://shop.example.com:8443/cart')).toBe(true);
    expect(isSameSite('http://127.0.0.1:4173/a', 'http://127.0.0.1:9999/b')).toBe(true);
    expect(isSameSite('https://example.com/', 'https://example.org/')).toBe(false);
  });

  test('party: hosts, URLs and cookie domains (leading dot) against the page site', () => {
    expect(partyOf('.shop.example.com', 'example.com')).toBe('first');
    expect(partyOf('https://stats.example.com/x', 'example.com')).toBe('first');
    expect(partyOf('www.google-analytics.com', 'example.com')).toBe('third');
  });
});

describe('isLikelyHtml / linkPattern', () => {
  test('file extensions that are never pages are skipped; anything else is asked', () => {
    for (const url of [
      'https://e.com/a.pdf',
      'https://e.com/logo.PNG',
      'https://e.com/app.js',
      'https://e.com/f.zip',
    ])
      expect(isLikelyHtml(url), url).toBe(false);
    for (const url of [
      'https://e.com/',
      'https://e.com/about',
      'https://e.com/a.html',
      'https://e.com/x.php?id=1',
    ])
      expect(isLikelyHtml(url), url).toBe(true);
  });

  test('a link pattern keeps the path shape and the query names, not numbers or values', () => {
    expect(linkPattern('https://e.com/calendar/2026/12?view=month&day=3')).toBe(
      'https://e.com/calendar/{n}/{n}?day&view',
    );
    expect(linkPattern('https://e.com/calendar/2027/01?day=9&view=week')).toBe(
      linkPattern('https://e.com/calendar/2026/12?view=month&day=3'),
    );
    expect(linkPattern('https://e.com/privacy.html')).not.toBe(linkPattern('https://e.com/pricing.html'));
  });
});

describe('--map-host', () => {
  test('parses host[:port]=host[:port] and rewrites only that host', () => {
    const mapping = parseHostMapping('localhost:4174=127.0.0.1:5000');
    expect(mapping).toEqual({ from: 'localhost:4174', to: '127.0.0.1:5000' });
    expect(mapUrl('http://localhost:4174/a/loader.js?site=x', [mapping])).toBe(
      'http://127.0.0.1:5000/a/loader.js?site=x',
    );
    expect(mapUrl('http://localhost:4175/a', [mapping])).toBe('http://localhost:4175/a');
    // Without a port, every port of the host.
    expect(mapUrl('http://cdn.example.com:8080/x', [parseHostMapping('cdn.example.com=127.0.0.1:9')])).toBe(
      'http://127.0.0.1:9/x',
    );
  });

  test('refuses what is not a mapping', () => {
    for (const value of ['localhost:4174', '=127.0.0.1', 'a=b=c', 'local host=x', 'http://a=b'])
      expect(() => parseHostMapping(value), value).toThrow(/expected host\[:port\]=host\[:port\]/);
  });
});
