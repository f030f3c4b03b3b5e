import { describe, expect, test } from 'vitest';
import { parseLinks, safeUrl } from '../src/parse-links';

describe('parseLinks', () => {
  test('plain text stays one text part', () => {
    expect(parseLinks('Measures visits. <b>not html</b>')).toEqual(['Measures visits. <b>not html</b>']);
  });

  test('[label](https://…) becomes a link between text parts', () => {
    expect(
      parseLinks('See [our policy](https://example.com/privacy) and [v1](http://example.com/v1).'),
    ).toEqual([
      'See ',
      { text: 'our policy', href: 'https://example.com/privacy' },
      ' and ',
      { text: 'v1', href: 'http://example.com/v1' },
      '.',
    ]);
  });

  test('javascript:, data: and relative targets stay literal text', () => {
    for (const text of [
      '[x](javascript:alert(1))',
      '[x](data:text/html,hi)',
      '[x](/privacy)',
      '[x](//evil.test)',
    ]) {
      expect(parseLinks(text)).toEqual([text]);
    }
  });

  test('safeUrl accepts relative URLs only against a base', () => {
    expect(safeUrl('/privacy')).toBeUndefined();
    expect(safeUrl('/privacy', 'https://shop.example/a/b')).toBe('https://shop.example/privacy');
    expect(safeUrl('javascript:alert(1)', 'https://shop.example/')).toBeUndefined();
    expect(safeUrl(42)).toBeUndefined();
  });
});
