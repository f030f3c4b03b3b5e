// The config keys of "promises our users make": Consent Mode, GPC, receipts, minors, policy
// changes, recipients of separate categories. Each is validated with its path, like every key.
import { resolveConfig } from '@consentgate/core';
import { checkConfig, FEATURE_KEYS, resolveConsentMode, resolveReceipts } from 'consentgate';
import { describe, expect, test } from 'vitest';

// Each feature resolves its own slice; this puts them side by side, with every issue of the whole.
function resolveAll(input: Record<string, unknown>) {
  const { config } = resolveConfig(input, { otherKeys: FEATURE_KEYS });
  return {
    config: {
      ...config,
      googleConsentMode: resolveConsentMode(input.googleConsentMode, config.categoryIds),
      receipts: resolveReceipts(input.receipts),
    },
    issues: checkConfig(input),
  };
}

const withFunctional = { categories: { functional: { label: 'Functional' } } };

describe('googleConsentMode', () => {
  test('true gives the default mapping, no regions and wait_for_update 500', () => {
    const { config, issues } = resolveAll({ googleConsentMode: true });
    expect(issues).toEqual([]);
    expect(config.googleConsentMode).toEqual({
      mapping: {
        ad_storage: ['advertising'],
        ad_user_data: ['advertising'],
        ad_personalization: ['advertising'],
        analytics_storage: ['analytics'],
        functionality_storage: [],
        personalization_storage: [],
        security_storage: ['necessary'],
      },
      regions: [],
      waitForUpdate: 500,
    });
  });

  test('a functional category feeds functionality and personalization storage', () => {
    const mode = resolveAll({ ...withFunctional, googleConsentMode: true }).config.googleConsentMode!;
    expect(mode.mapping.functionality_storage).toEqual(['functional']);
    expect(mode.mapping.personalization_storage).toEqual(['functional']);
  });

  test('false and absent mean off', () => {
    expect(resolveAll({ googleConsentMode: false }).config.googleConsentMode).toBeNull();
    expect(resolveAll({}).config.googleConsentMode).toBeNull();
  });

  test('mapping merges over the defaults; regions and waitForUpdate are kept', () => {
    const { config, issues } = resolveAll({
      ...withFunctional,
      googleConsentMode: {
        mapping: { ad_user_data: ['advertising', 'pixels'], personalization_storage: [] },
        regions: [{ region: ['US', 'US-CA'], granted: ['analytics'] }, { region: ['CN'] }],
        waitForUpdate: 0,
      },
    });
    expect(issues).toEqual([]);
    expect(config.googleConsentMode).toMatchObject({
      mapping: {
        ad_storage: ['advertising'],
        ad_user_data: ['advertising', 'pixels'],
        functionality_storage: ['functional'],
        personalization_storage: [],
      },
      regions: [
        { region: ['US', 'US-CA'], granted: ['analytics'] },
        { region: ['CN'], granted: [] },
      ],
      waitForUpdate: 0,
    });
  });

  test('bad parts are reported with their paths and dropped', () => {
    const { config, issues } = resolveAll({
      googleConsentMode: {
        mapping: { ad_storage: ['ads'], analytics_store: ['analytics'] },
        regions: [{ region: ['usa'], granted: ['analytics'] }, { granted: ['analytics'] }, 'EU'],
        waitForUpdate: -1,
      },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'googleConsentMode.mapping.ad_storage[0]',
      'googleConsentMode.mapping.analytics_store',
      'googleConsentMode.regions[0].region[0]',
      'googleConsentMode.regions[1].region',
      'googleConsentMode.regions[2]',
      'googleConsentMode.waitForUpdate',
    ]);
    expect(issues[0].message).toBe('expected one of necessary, analytics, advertising, pixels');
    expect(issues[1].message).toBe('unknown option (did you mean analytics_storage?)');
    // A region entry left without a valid region would grant its categories everywhere: dropped.
    expect(config.googleConsentMode).toMatchObject({
      mapping: { ad_storage: [], analytics_storage: ['analytics'] },
      regions: [],
      waitForUpdate: 500,
    });
  });

  test('anything but a boolean or an object is reported and means off', () => {
    const { config, issues } = resolveAll({ googleConsentMode: 'yes' });
    expect(issues).toEqual([{ path: 'googleConsentMode', message: 'expected true, false or an object' }]);
    expect(config.googleConsentMode).toBeNull();
  });
});

describe('gpc', () => {
  test('honoured by default for advertising and pixels', () => {
    expect(resolveAll({}).config.gpc).toEqual({ honour: true, categories: ['advertising', 'pixels'] });
    expect(resolveAll({ gpc: true }).config.gpc).toEqual({
      honour: true,
      categories: ['advertising', 'pixels'],
    });
  });

  test('false ignores the signal; categories can be chosen', () => {
    expect(resolveAll({ gpc: false }).config.gpc.honour).toBe(false);
    expect(resolveAll({ gpc: { categories: ['analytics'] } }).config.gpc).toEqual({
      honour: true,
      categories: ['analytics'],
    });
  });

  test('bad values are reported with their paths', () => {
    const { config, issues } = resolveAll({ gpc: { categories: ['ads', 'pixels'], honor: true } });
    expect(issues.map((issue) => issue.path)).toEqual(['gpc.categories[0]', 'gpc.honor']);
    expect(config.gpc).toEqual({ honour: true, categories: ['pixels'] });
    expect(resolveAll({ gpc: 'honour' }).issues).toEqual([
      { path: 'gpc', message: 'expected true, false or { categories: [...] }' },
    ]);
  });
});

describe('receipts, minimumAge, policyChanges', () => {
  test('valid values are kept', () => {
    const { config, issues } = resolveAll({
      receipts: { endpoint: '/consent/receipts' },
      minimumAge: 14,
      policyChanges: { en: 'We now use a new analytics provider.', 'zh-CN': '我们更换了分析服务商。' },
    });
    expect(issues).toEqual([]);
    expect(config.receipts).toEqual({ endpoint: '/consent/receipts' });
    expect(config.minimumAge).toBe(14);
    expect(config.policyChanges).toEqual({
      en: 'We now use a new analytics provider.',
      'zh-CN': '我们更换了分析服务商。',
    });
  });

  test('invalid values are reported with their paths and left out', () => {
    const { config, issues } = resolveAll({
      receipts: { url: '/r' },
      minimumAge: 13.5,
      policyChanges: 42,
    });
    // Core's fields first, then each feature's (here: receipts).
    expect(issues).toEqual([
      { path: 'minimumAge', message: 'expected a whole number of years (1 to 99)' },
      { path: 'policyChanges', message: 'expected a string or an object of strings per locale' },
      { path: 'receipts.url', message: 'unknown option' },
      { path: 'receipts.endpoint', message: 'required' },
    ]);
    expect(config).toMatchObject({ receipts: null, minimumAge: undefined, policyChanges: undefined });
    expect(resolveAll({ receipts: { endpoint: 'not a url' } }).issues[0].path).toBe('receipts.endpoint');
  });
});

describe('categories.<id>.recipient', () => {
  test('is kept for a separate category', () => {
    const recipient = {
      name: 'Example Cloud Ltd.',
      contact: 'privacy@example.cn',
      purpose: { en: 'Hosting', 'zh-CN': '托管' },
      dataTypes: 'account id, orders',
    };
    const { config, issues } = resolveAll({
      categories: { cross_border: { separate: true, label: 'Transfer abroad', recipient } },
    });
    expect(issues).toEqual([]);
    expect(config.categories.cross_border.recipient).toEqual(recipient);
  });

  test('a recipient without a name is reported and dropped', () => {
    const { config, issues } = resolveAll({
      categories: { cross_border: { separate: true, recipient: { contact: 'x@example.com', phone: 1 } } },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'categories.cross_border.recipient.phone',
      'categories.cross_border.recipient.name',
    ]);
    expect(config.categories.cross_border.recipient).toBeUndefined();
  });
});
