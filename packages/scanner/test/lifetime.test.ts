import { describeLifetime } from '@consentgate/scanner';
import { expect, test } from 'vitest';

const DAY = 86_400;

test('lifetimes read as a person says them', () => {
  expect(describeLifetime(null)).toBe('session');
  expect(describeLifetime(0)).toBe('expired');
  expect(describeLifetime(59)).toBe('1 minute');
  expect(describeLifetime(30 * 60)).toBe('30 minutes');
  expect(describeLifetime(3 * 3600)).toBe('3 hours');
  expect(describeLifetime(DAY)).toBe('1 day');
  // Seen a moment after it was set: still what it was set for.
  expect(describeLifetime(DAY - 1)).toBe('1 day');
  expect(describeLifetime(3600 - 2)).toBe('1 hour');
  expect(describeLifetime(7 * DAY)).toBe('7 days');
  expect(describeLifetime(30 * DAY)).toBe('1 month');
  expect(describeLifetime(90 * DAY)).toBe('3 months');
  expect(describeLifetime(182 * DAY)).toBe('6 months');
  expect(describeLifetime(365 * DAY)).toBe('1 year');
  // Chromium caps a cookie at 400 days: what a 2-year cookie really lives.
  expect(describeLifetime(400 * DAY)).toBe('1 year');
  expect(describeLifetime(730 * DAY)).toBe('2 years');
});
