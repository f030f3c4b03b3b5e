import { hostMatches } from '@consentgate/blocker';
import { describe, expect, test } from 'vitest';

describe('hostMatches', () => {
  test('a plain pattern matches that host only', () => {
    expect(hostMatches('example.org', 'example.org')).toBe(true);
    expect(hostMatches('www.example.org', 'example.org')).toBe(false);
    expect(hostMatches('example.org.evil.com', 'example.org')).toBe(false);
  });

  test('*.host matches the host itself and every sub-domain', () => {
    expect(hostMatches('google-analytics.com', '*.google-analytics.com')).toBe(true);
    expect(hostMatches('www.google-analytics.com', '*.google-analytics.com')).toBe(true);
    expect(hostMatches('a.b.google-analytics.com', '*.google-analytics.com')).toBe(true);
  });

  test('*.host does not match look-alike hosts', () => {
    expect(hostMatches('evilgoogle-analytics.com', '*.google-analytics.com')).toBe(false);
    expect(hostMatches('google-analytics.com.evil.com', '*.google-analytics.com')).toBe(false);
  });

  test('is case-insensitive and ignores a trailing dot', () => {
    expect(hostMatches('WWW.Example.ORG.', '*.example.org')).toBe(true);
    expect(hostMatches('hm.baidu.com', 'HM.BAIDU.COM')).toBe(true);
  });

  test('* matches any host', () => {
    expect(hostMatches('anything.test', '*')).toBe(true);
  });
});
