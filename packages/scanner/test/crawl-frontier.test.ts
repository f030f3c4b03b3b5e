import { createFrontier } from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';

const root = 'https://example.com/';
const drain = (frontier: ReturnType<typeof createFrontier>) => {
  const out: string[] = [];
  for (let item = frontier.next(); item; item = frontier.next()) out.push(`${item.depth} ${item.url}`);
  return out;
};

describe('createFrontier', () => {
  test('breadth first, each URL once (fragments ignored), from the start page', () => {
    const frontier = createFrontier({ root, maxDepth: 3, maxPerPattern: 5 });
    expect(frontier.next()).toEqual({ url: root, depth: 0 });
    for (const href of ['/a', '/b#top', '/a#x', 'b', '/c?q=1']) frontier.add(href, 1, root);
    frontier.add('/a/deeper', 2, 'https://example.com/a');
    expect(drain(frontier)).toEqual([
      '1 https://example.com/a',
      '1 https://example.com/b',
      '1 https://example.com/c?q=1',
      '2 https://example.com/a/deeper',
    ]);
    expect(frontier.skipped.seen).toBe(2);
  });

  test('stays on the site, skips non-pages and what is too deep', () => {
    const frontier = createFrontier({ root, maxDepth: 1, maxPerPattern: 5 });
    frontier.next();
    expect(frontier.add('https://shop.example.com/', 1)).toBeNull();
    expect(frontier.add('https://other.org/', 1)).toBe('off-site');
    expect(frontier.add('http://localhost/', 1)).toBe('off-site');
    expect(frontier.add('https://example.com/brochure.pdf', 1)).toBe('not-html');
    expect(frontier.add('mailto:hi@example.com', 1)).toBe('invalid');
    expect(frontier.add('https://example.com/far', 2)).toBe('depth');
    expect(frontier.add('https://example.com/far', 2)).toBe('depth');
    expect(frontier.skipped).toMatchObject({ 'off-site': 2, 'not-html': 1, invalid: 1, depth: 1 });
    expect(drain(frontier)).toEqual(['1 https://shop.example.com/']);
  });

  test('visits only a few pages of one link pattern (endless calendars, pagination)', () => {
    const frontier = createFrontier({
      root: 'https://example.com/calendar?month=1',
      maxDepth: 99,
      maxPerPattern: 3,
    });
    for (let month = 2; month < 40; month++)
      frontier.add(`/calendar?month=${month}`, month, 'https://example.com/calendar?month=1');
    expect(drain(frontier)).toEqual([
      '0 https://example.com/calendar?month=1',
      '2 https://example.com/calendar?month=2',
      '3 https://example.com/calendar?month=3',
    ]);
    expect(frontier.skipped.pattern).toBe(36);
    expect([...frontier.crowdedPatterns]).toEqual([['https://example.com/calendar?month', 36]]);
  });

  test('claim: a redirect target already known is not visited twice', () => {
    const frontier = createFrontier({ root, maxDepth: 3, maxPerPattern: 5 });
    frontier.add('/about', 1, root);
    expect(frontier.claim('https://example.com/about#team')).toBe(false);
    expect(frontier.claim('https://example.com/about-us')).toBe(true);
    expect(frontier.add('/about-us', 1, root)).toBe('seen');
  });
});
