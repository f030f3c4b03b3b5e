// The gate reads the config with normalizeConfig (silent, in every visitor's <head>); the full
// checks (resolveConfig) name the problems later. They must agree: on a valid config about
// everything and with no suspicion; on any config about everything the gate itself uses, and a
// config with a problem must look suspect (so the full checks are loaded and name it).
import { normalizeConfig, type ResolvedConfig, resolveConfig } from '@consentgate/core';
import { describe, expect, test } from 'vitest';

const valid: unknown[] = [
  undefined,
  {},
  { policyVersion: '2026-11', lifetimeDays: 30, locale: 'zh-CN' },
  { policyVersion: 7 },
  { cookie: { name: 'consent', domain: '.example.com', path: '/shop', sameSite: 'strict' } },
  {
    categories: {
      analytics: { label: { en: 'Statistics' }, cookies: ['_ga', '_ga_*'] },
      functional: { label: 'Functional', description: 'Remembers settings.' },
      cross_border: { label: 'Abroad', separate: true, recipient: { name: 'Example Cloud' } },
    },
  },
  { gpc: false },
  { gpc: { categories: ['analytics'] } },
  {
    minimumAge: 14,
    policyChanges: { en: 'New analytics.' },
    policyUrl: '/privacy',
    policyArchive: { '1': '/v1' },
  },
  { translations: { fr: { acceptAll: 'Tout accepter' } } },
];

const invalid: unknown[] = [
  42,
  'config',
  [],
  { policyVersion: '' },
  { policyVersion: { v: 7 } },
  { lifetimeDays: -3 },
  { lifetimeDays: '30' },
  { cookie: { name: 'a b' } },
  { cookie: { sameSite: 'Loose', path: 'shop' } },
  { cookie: { nmae: 'x' } },
  { cookie: 'cg' },
  { categories: { Bad: {} } },
  { categories: { analytics: { separate: 'no' } } },
  { categories: { analytics: { cookies: ['ok', ''] } } },
  { categories: { necessary: { separate: true } } },
  { categories: { x: 'y' } },
  { gpc: { categories: ['ads'] } },
  { gpc: 'honour' },
  { minimumAge: 13.5 },
  { locale: 7 },
  { policyVerison: '2' },
  {
    get lifetimeDays(): number {
      throw new Error('trap');
    },
  },
];

// What the gate reads synchronously: which cookie, which categories hold what, when it expires, GPC.
const gateView = (config: ResolvedConfig) => ({
  cookie: config.cookie,
  policyVersion: config.policyVersion,
  lifetimeDays: config.lifetimeDays,
  categoryIds: config.categoryIds,
  separate: config.categoryIds.filter((id) => config.categories[id]?.separate),
  cookies: config.categoryIds.map((id) => config.categories[id]?.cookies ?? []),
  gpc: config.gpc,
  locale: config.locale,
});

const label = (input: unknown): string => {
  try {
    return JSON.stringify(input) ?? 'undefined';
  } catch {
    return 'a getter that throws';
  }
};

describe('normalizeConfig and resolveConfig agree', () => {
  test.each(valid.map((input) => [label(input), input]))(
    'a valid config: the same config, nothing suspect (%s)',
    (_, input) => {
      const normal = normalizeConfig(input);
      const full = resolveConfig(input);
      expect(full.issues).toEqual([]);
      expect(normal.suspect).toBe(false);
      expect(normal.config).toEqual(full.config);
    },
  );

  test.each(invalid.map((input) => [label(input), input]))(
    'a config with a problem: suspect, and the same as the full checks where the gate reads it (%s)',
    (_, input) => {
      const normal = normalizeConfig(input);
      const full = resolveConfig(input);
      expect(full.issues).not.toEqual([]);
      expect(normal.suspect).toBe(true);
      expect(gateView(normal.config)).toEqual(gateView(full.config));
    },
  );

  test('keys that other features read are not suspect when they are named', () => {
    expect(normalizeConfig({ rules: [], ui: {} }).suspect).toBe(true);
    expect(normalizeConfig({ rules: [], ui: {} }, ['rules', 'ui']).suspect).toBe(false);
  });
});
