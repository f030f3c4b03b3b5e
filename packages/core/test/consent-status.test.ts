import { type ConsentRecord, consentStatus, resolveConfig } from '@consentgate/core';
import { expect, test } from 'vitest';

const DAY = 864e5;
const T = Date.UTC(2026, 0, 1);
const { config } = resolveConfig({ policyVersion: '3', lifetimeDays: 30 });
const record: ConsentRecord = {
  v: 1,
  id: 'abc',
  policyVersion: '3',
  choices: { necessary: true, analytics: true },
  created: T,
  updated: T,
  expires: T + 30 * DAY,
  method: 'accept-all',
  locale: 'en',
};

test('none without a record', () => {
  expect(consentStatus(null, config, T)).toBe('none');
});

test('given while the record is for this policy and not expired', () => {
  expect(consentStatus(record, config, T + 30 * DAY - 1)).toBe('given');
});

test('expired at its expiry', () => {
  expect(consentStatus(record, config, T + 30 * DAY)).toBe('expired');
});

test('expired earlier when the config now allows a shorter lifetime', () => {
  const shorter = resolveConfig({ policyVersion: '3', lifetimeDays: 7 }).config;
  expect(consentStatus(record, shorter, T + 7 * DAY)).toBe('expired');
  expect(consentStatus(record, shorter, T + 7 * DAY - 1)).toBe('given');
});

test('outdated when the policy version changed, even when also expired', () => {
  expect(consentStatus({ ...record, policyVersion: '2' }, config, T)).toBe('outdated');
  expect(consentStatus({ ...record, policyVersion: '2' }, config, T + 99 * DAY)).toBe('outdated');
});
