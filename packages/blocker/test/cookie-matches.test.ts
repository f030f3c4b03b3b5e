import { cookieMatches } from '@consentgate/blocker';
import { describe, expect, test } from 'vitest';

describe('cookieMatches', () => {
  test('an exact name matches only itself', () => {
    expect(cookieMatches('_gid', '_gid')).toBe(true);
    expect(cookieMatches('_gid2', '_gid')).toBe(false);
    expect(cookieMatches('x_gid', '_gid')).toBe(false);
  });

  test('a trailing * matches any suffix, including none', () => {
    expect(cookieMatches('_ga_ABC123', '_ga_*')).toBe(true);
    expect(cookieMatches('Hm_lvt_0123abcd', 'Hm_lvt_*')).toBe(true);
    expect(cookieMatches('_hj', '_hj*')).toBe(true);
    expect(cookieMatches('_ga', '_ga_*')).toBe(false);
  });

  test('* anywhere matches any run of characters', () => {
    expect(cookieMatches('pre_mid_post', 'pre*post')).toBe(true);
    expect(cookieMatches('a1b2c', 'a*b*c')).toBe(true);
    expect(cookieMatches('abc', 'a*b*c')).toBe(true);
    expect(cookieMatches('acb', 'a*b*c')).toBe(false);
    expect(cookieMatches('ab', 'ab*b')).toBe(false);
    expect(cookieMatches('anything', '*')).toBe(true);
  });

  test('is case-sensitive, like cookie names', () => {
    expect(cookieMatches('_GID', '_gid')).toBe(false);
  });
});
