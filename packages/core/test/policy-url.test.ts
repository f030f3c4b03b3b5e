import { policyUrlFor, resolveConfig } from '@consentgate/core';
import { expect, test } from 'vitest';

const { config } = resolveConfig({
  policyVersion: '3',
  policyUrl: '/privacy',
  policyArchive: { '1': '/privacy/v1', '2': '/privacy/v2', '3': '/privacy/v3' },
});

test('the current version links to policyUrl', () => {
  expect(policyUrlFor(config, '3')).toBe('/privacy');
});

test('an older version links to its archive entry', () => {
  expect(policyUrlFor(config, '1')).toBe('/privacy/v1');
  expect(policyUrlFor(config, '2')).toBe('/privacy/v2');
});

test('an unknown version, or an inherited key, has no URL', () => {
  expect(policyUrlFor(config, '0')).toBeUndefined();
  expect(policyUrlFor(config, 'constructor')).toBeUndefined();
});

test('without policyUrl, the current version falls back to its archive entry', () => {
  const { config: archived } = resolveConfig({ policyVersion: '2', policyArchive: { '2': '/p/2' } });
  expect(policyUrlFor(archived, '2')).toBe('/p/2');
  expect(policyUrlFor(resolveConfig({}).config, '1')).toBeUndefined();
});
