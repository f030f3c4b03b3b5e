import {
  type ConsentManager,
  createConsentManager,
  encodeConsentCookie,
  type ManagerOptions,
  resolveConfig,
} from '@consentgate/core';
import { consentModeSignals, FEATURE_KEYS, installConsentMode, resolveConsentMode } from 'consentgate';
import { afterEach, describe, expect, test, vi } from 'vitest';

const T = Date.UTC(2026, 10, 23, 12);
const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};

function setup(config: Record<string, unknown>, cookie = '') {
  const options: ManagerOptions = {
    now: () => T,
    cookies: { get: () => cookie, set: () => {} },
    store: false,
    channel: false,
    gpc: false,
  };
  const full = { googleConsentMode: true, ...config };
  const manager = createConsentManager(full, { ...options, otherKeys: FEATURE_KEYS });
  const page: { dataLayer?: unknown } = {};
  const cleanup = install(manager, full, page);
  // Each entry as gtag leaves it: an Arguments object, read back as [kind, ...arguments].
  const entries = (): unknown[][] =>
    (page.dataLayer as unknown[]).map((entry) => [Object.prototype.toString.call(entry), ...(entry as [])]);
  return { manager, page, entries, cleanup };
}

/** Consent Mode's slice of `config`, as the gate resolves it. */
const modeOf = (config: Record<string, unknown>) =>
  resolveConsentMode(
    config.googleConsentMode,
    resolveConfig(config, { otherKeys: FEATURE_KEYS }).config.categoryIds,
  );
/** A manager for `config`, and Consent Mode installed on it into `page`. */
function install(manager: ConsentManager, config: Record<string, unknown>, page: { dataLayer?: unknown }) {
  return installConsentMode(manager, modeOf(config), page);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the default entry', () => {
  test('first visit: every signal denied but security_storage, with wait_for_update, as Arguments', () => {
    const { entries } = setup({});
    expect(entries()).toEqual([
      ['[object Arguments]', 'consent', 'default', { ...DENIED, wait_for_update: 500 }],
    ]);
  });

  test('one more default per region, with its granted categories; none when off', () => {
    const { entries } = setup({
      googleConsentMode: {
        regions: [{ region: ['US', 'CA'], granted: ['analytics', 'advertising'] }],
        waitForUpdate: 1000,
      },
    });
    expect(entries()).toEqual([
      ['[object Arguments]', 'consent', 'default', { ...DENIED, wait_for_update: 1000 }],
      [
        '[object Arguments]',
        'consent',
        'default',
        {
          ...DENIED,
          ad_storage: 'granted',
          ad_user_data: 'granted',
          ad_personalization: 'granted',
          analytics_storage: 'granted',
          region: ['US', 'CA'],
          wait_for_update: 1000,
        },
      ],
    ]);
    const off = createConsentManager(
      {},
      { store: false, channel: false, cookies: { get: () => '', set() {} } },
    );
    const page: { dataLayer?: unknown } = {};
    install(off, {}, page);
    expect(page.dataLayer).toBeUndefined();
  });

  test('returning visit: the stored choice, and no region default overriding it', () => {
    const cookie = `cg_consent=${encodeConsentCookie({
      v: 1,
      id: 'returning-visitor',
      policyVersion: '1',
      choices: { necessary: true, analytics: true, advertising: false, pixels: true, functional: true },
      created: T - 1000,
      updated: T - 1000,
      expires: T + 864e5,
      method: 'preferences',
      locale: 'en',
    })}`;
    const { entries } = setup(
      {
        categories: { functional: {} },
        googleConsentMode: { regions: [{ region: ['US'], granted: ['advertising'] }] },
      },
      cookie,
    );
    expect(entries()).toEqual([
      [
        '[object Arguments]',
        'consent',
        'default',
        {
          ...DENIED,
          analytics_storage: 'granted',
          functionality_storage: 'granted',
          personalization_storage: 'granted',
          wait_for_update: 500,
        },
      ],
    ]);
  });

  test('comes after what the page pushed before, and keeps it', () => {
    const page = { dataLayer: [{ event: 'early' }] };
    const manager = createConsentManager(
      { googleConsentMode: true },
      { store: false, channel: false, cookies: { get: () => '', set() {} } },
    );
    install(manager, { googleConsentMode: true }, page);
    expect(page.dataLayer).toHaveLength(2);
    expect(page.dataLayer[0]).toEqual({ event: 'early' });
  });

  test('a dataLayer without push is reported, nothing throws', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const manager = createConsentManager(
      { googleConsentMode: true },
      { store: false, channel: false, cookies: { get: () => '', set() {} } },
    );
    expect(() => install(manager, { googleConsentMode: true }, { dataLayer: 42 })).not.toThrow();
    expect(error).toHaveBeenCalledWith(expect.stringContaining('googleConsentMode: TypeError'));
  });
});

describe('updates', () => {
  test('after accept, after revoke, after reset; the cleanup stops them', async () => {
    const { manager, entries, cleanup } = setup({});
    await manager.acceptAll();
    await manager.update({ advertising: false });
    await manager.reset();
    cleanup();
    await manager.acceptAll();
    const updates = entries()
      .slice(1)
      .map(([kind, command, action, signals]) => {
        const { ad_storage, analytics_storage } = signals as typeof DENIED;
        return [kind, command, action, ad_storage, analytics_storage];
      });
    expect(updates).toEqual([
      ['[object Arguments]', 'consent', 'update', 'granted', 'granted'],
      ['[object Arguments]', 'consent', 'update', 'denied', 'granted'],
      ['[object Arguments]', 'consent', 'update', 'denied', 'denied'],
    ]);
  });

  test('a reject-all on a first visit still sends an explicit update', async () => {
    const { manager, entries } = setup({});
    await manager.rejectAll();
    expect(entries()[1]).toEqual(['[object Arguments]', 'consent', 'update', DENIED]);
  });
});

describe('consentModeSignals', () => {
  test('a signal needs every category it maps to; an empty mapping is always denied', () => {
    const mode = modeOf({
      googleConsentMode: { mapping: { ad_user_data: ['advertising', 'pixels'], security_storage: [] } },
    })!;
    const only =
      (...ids: string[]) =>
      (id: string) =>
        ids.includes(id);
    expect(consentModeSignals(mode, only('necessary', 'advertising'))).toMatchObject({
      ad_storage: 'granted',
      ad_user_data: 'denied',
      security_storage: 'denied',
    });
    expect(consentModeSignals(mode, only('advertising', 'pixels')).ad_user_data).toBe('granted');
  });
});
