import { DEFAULT_CATEGORY_IDS, formatIssues, resolveConfig } from '@consentgate/core';

// The built-in categories carry no texts in the config: the UI's locale files do (see categoryText).
const BUILT_IN = Object.fromEntries(DEFAULT_CATEGORY_IDS.map((id) => [id, {}]));

import { describe, expect, test } from 'vitest';

const pathsOf = (input: unknown) => resolveConfig(input).issues.map((issue) => issue.path);

describe('resolveConfig', () => {
  test('no config gives every default and no issue', () => {
    const { config, issues } = resolveConfig(undefined);
    expect(issues).toEqual([]);
    expect(config).toEqual({
      categories: BUILT_IN,
      categoryIds: ['necessary', 'analytics', 'advertising', 'pixels'],
      policyVersion: '1',
      policyUrl: undefined,
      policyArchive: {},
      cookie: { name: 'cg_consent', path: '/', sameSite: 'Lax', domain: undefined },
      lifetimeDays: 182,
      locale: undefined,
      translations: {},
      gpc: { honour: true, categories: ['advertising', 'pixels'] },
      minimumAge: undefined,
      policyChanges: undefined,
    });
  });

  test('input that is not an object gives all defaults and one issue', () => {
    for (const input of [null, 42, 'x', [], true]) {
      const { config, issues } = resolveConfig(input);
      expect(issues).toEqual([{ path: 'config', message: 'expected an object' }]);
      expect(config).toEqual(resolveConfig(undefined).config);
    }
  });

  test('valid values are kept', () => {
    const { config, issues } = resolveConfig({
      policyVersion: '2024-06',
      policyUrl: '/privacy',
      policyArchive: { '1': '/privacy/v1' },
      cookie: { name: 'consent', domain: '.example.com', path: '/shop', sameSite: 'strict' },
      lifetimeDays: 30,
      locale: 'zh-CN',
      translations: { fr: { acceptAll: 'Tout accepter' } },
    });
    expect(issues).toEqual([]);
    expect(config.cookie).toEqual({
      name: 'consent',
      domain: '.example.com',
      path: '/shop',
      sameSite: 'Strict',
    });
    expect(config).toMatchObject({
      policyVersion: '2024-06',
      lifetimeDays: 30,
      locale: 'zh-CN',
    });
  });

  test('a numeric policyVersion is taken as its string', () => {
    expect(resolveConfig({ policyVersion: 2 })).toMatchObject({ config: { policyVersion: '2' }, issues: [] });
  });

  test('every invalid field is reported with its path and replaced by its default', () => {
    const { config, issues } = resolveConfig({
      policyVersion: '',
      policyUrl: 5,
      policyArchive: { '1': 3 },
      cookie: { name: 'a b', domain: 'exa mple', path: 'shop', sameSite: 'Loose' },
      lifetimeDays: -1,
      locale: 7,
      translations: { en: 'x' },
    });
    expect(issues).toEqual([
      { path: 'policyVersion', message: 'expected a non-empty string' },
      { path: 'policyUrl', message: 'expected a string' },
      { path: 'policyArchive', message: 'expected an object of URLs per version' },
      { path: 'cookie.name', message: 'expected a cookie name (letters, digits, _ or -)' },
      { path: 'cookie.domain', message: 'expected a domain like .example.com' },
      { path: 'cookie.path', message: 'expected a path starting with /' },
      { path: 'cookie.sameSite', message: 'expected Lax, Strict or None' },
      { path: 'lifetimeDays', message: 'expected a positive number (at most 36500)' },
      { path: 'locale', message: 'expected a non-empty string' },
      { path: 'translations', message: 'expected an object of string tables per locale' },
    ]);
    expect(config).toEqual(resolveConfig(undefined).config);
  });

  test('lifetimeDays must be a positive number', () => {
    for (const lifetimeDays of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '30', 40000])
      expect(pathsOf({ lifetimeDays })).toEqual(['lifetimeDays']);
    expect(resolveConfig({ lifetimeDays: 0.5 }).config.lifetimeDays).toBe(0.5);
  });

  test('unknown options are reported, with a suggestion when one is close', () => {
    const { issues } = resolveConfig({ policyVerison: '2', zzz: 1, cookie: { nmae: 'x' } });
    expect(issues).toEqual([
      { path: 'policyVerison', message: 'unknown option (did you mean policyVersion?)' },
      { path: 'zzz', message: 'unknown option' },
      { path: 'cookie.nmae', message: 'unknown option (did you mean name?)' },
    ]);
  });

  test('custom categories come after the built-ins, in the order given', () => {
    const { config, issues } = resolveConfig({
      categories: { functional: { label: 'Functional' }, cross_border: { label: 'Abroad', separate: true } },
    });
    expect(issues).toEqual([]);
    expect(config.categoryIds).toEqual([
      'necessary',
      'analytics',
      'advertising',
      'pixels',
      'functional',
      'cross_border',
    ]);
    expect(config.categories.cross_border).toEqual({ label: 'Abroad', separate: true });
  });

  test('a built-in category given in the config keeps its own texts and cookies', () => {
    const { config } = resolveConfig({
      categories: {
        analytics: { label: { en: 'Statistics' }, cookies: ['_ga', '_ga_*'] },
        pixels: { label: 'Beacons' },
      },
    });
    // Only the site's own texts: the built-in ones are shown under them (see categoryText).
    expect(config.categories.analytics).toEqual({ label: { en: 'Statistics' }, cookies: ['_ga', '_ga_*'] });
    expect(config.categories.pixels.label).toBe('Beacons');
    expect(config.categoryIds).toEqual(['necessary', 'analytics', 'advertising', 'pixels']);
  });

  test('category problems are reported with their paths; bad parts are dropped', () => {
    const { config, issues } = resolveConfig({
      categories: {
        Bad: {},
        '1x': {},
        analytics: { label: 3, description: { en: 1 }, separate: 'no', cookies: ['ok', ''], colour: 'red' },
        extra: 'x',
        vendors: {
          services: [
            {
              name: 'Matomo',
              provider: 'InnoCraft',
              purpose: 'stats',
              cookies: ['_pk_id*', { name: '_pk_ses' }, 4],
            },
            { provider: 'no name' },
            { name: 7 },
          ],
        },
      },
    });
    expect(issues).toEqual([
      { path: 'categories.Bad', message: 'expected an id of a-z, 0-9 and _, starting with a letter' },
      { path: 'categories.1x', message: 'expected an id of a-z, 0-9 and _, starting with a letter' },
      { path: 'categories.analytics.label', message: 'expected a string or an object of strings per locale' },
      {
        path: 'categories.analytics.description',
        message: 'expected a string or an object of strings per locale',
      },
      { path: 'categories.analytics.separate', message: 'expected true or false' },
      { path: 'categories.analytics.cookies[1]', message: 'expected a non-empty string' },
      { path: 'categories.analytics.colour', message: 'unknown option' },
      { path: 'categories.extra', message: 'expected an object' },
      { path: 'categories.vendors.services[0].cookies[2]', message: 'expected an object' },
      { path: 'categories.vendors.services[1].name', message: 'required' },
      { path: 'categories.vendors.services[2].name', message: 'expected a non-empty string' },
    ]);
    expect(config.categoryIds).toEqual(['necessary', 'analytics', 'advertising', 'pixels', 'vendors']);
    expect(config.categories.analytics).toEqual({ cookies: ['ok'] });
    expect(config.categories.vendors.services).toEqual([
      { name: 'Matomo', provider: 'InnoCraft', purpose: 'stats', cookies: ['_pk_id*', { name: '_pk_ses' }] },
    ]);
  });

  test('necessary cannot be made optional', () => {
    const { config, issues } = resolveConfig({
      categories: { necessary: { separate: true, label: 'Essential' } },
    });
    expect(issues).toEqual([
      { path: 'categories.necessary.separate', message: 'necessary is always granted' },
    ]);
    expect(config.categories.necessary).toMatchObject({ label: 'Essential', separate: false });
  });

  test('never throws, whatever it is given', () => {
    const values: unknown[] = [
      undefined,
      null,
      0,
      -1,
      '',
      'x',
      [],
      [1],
      {},
      { a: 1 },
      true,
      () => 1,
      Symbol('s'),
    ];
    const keys = [
      'categories',
      'cookie',
      'rules',
      'policyVersion',
      'lifetimeDays',
      'translations',
      '__proto__',
    ];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
    for (let i = 0; i < 500; i++) {
      const input: Record<string, unknown> = {};
      for (const key of keys)
        if (random() < 0.5) input[key] = random() < 0.5 ? pick(values) : { [pick(keys)]: pick(values) };
      if (random() < 0.3) input.rules = [pick(values), { category: pick(values), match: [pick(values)] }];
      const { config } = resolveConfig(input);
      expect(config.categoryIds[0]).toBe('necessary');
    }
  });

  test('a field whose getter throws is reported by its path; the other fields are kept', () => {
    const input = {
      policyVersion: '7',
      get lifetimeDays(): number {
        throw new Error('trap');
      },
      cookie: {
        name: 'kept',
        get path(): string {
          throw new Error('deep');
        },
      },
    };
    const { config, issues } = resolveConfig(input);
    expect(issues).toEqual([
      { path: 'lifetimeDays', message: 'unreadable (Error: trap)' },
      { path: 'cookie.path', message: 'unreadable (Error: deep)' },
    ]);
    expect(config).toMatchObject({
      policyVersion: '7',
      lifetimeDays: 182,
      cookie: { name: 'kept', path: '/' },
    });
  });

  test('a Proxy whose keys cannot be listed gives the defaults and one issue', () => {
    const input = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    const { config, issues } = resolveConfig(input);
    expect(issues).toEqual([{ path: 'config', message: 'unreadable (Error: trap)' }]);
    expect(config).toEqual(resolveConfig(undefined).config);
  });

  test('an own __proto__ key does not pollute anything', () => {
    const input = JSON.parse('{"categories": {"__proto__": {"label": "x"}}, "__proto__": {"locale": "x"}}');
    const { config, issues } = resolveConfig(input);
    expect(config.locale).toBeUndefined();
    expect(issues.map((issue) => issue.path)).toEqual(['categories.__proto__', '__proto__']);
    expect(({} as Record<string, unknown>).label).toBeUndefined();
  });
});

describe('formatIssues', () => {
  test('puts every issue on its own line in one message', () => {
    expect(
      formatIssues([
        { path: 'lifetimeDays', message: 'expected a positive number' },
        { path: 'rules[2].match[0]', message: 'expected a host pattern' },
      ]),
    ).toBe(
      'invalid config, using defaults for:\n  lifetimeDays: expected a positive number\n  rules[2].match[0]: expected a host pattern',
    );
  });
});
