// Global Privacy Control (https://w3c.github.io/gpc/): "Accept all" leaves the GPC categories
// denied and records why; an explicit choice still opts in.
import { createConsentManager, type ManagerOptions, readConsentCookie } from '@consentgate/core';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createMemoryJar } from './fakes';

function setup(config: unknown = {}, options: ManagerOptions = {}) {
  const jar = createMemoryJar();
  const onError = vi.fn<(message: string) => void>();
  const manager = createConsentManager(config, {
    cookies: jar,
    store: false,
    channel: false,
    locale: 'en',
    onError,
    ...options,
  });
  return { manager, jar, onError };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('with the signal honoured', () => {
  test("a guardian's accept-all keeps the method guardian, and still leaves the GPC categories denied", async () => {
    const { manager } = setup({}, { gpc: true });
    const state = await manager.acceptAll('guardian');
    expect(state.record?.method).toBe('guardian');
    expect(state.choices).toMatchObject({ analytics: true, advertising: false, pixels: false });
  });

  test('the state says gpc; everything starts denied', () => {
    const { manager } = setup({}, { gpc: true });
    expect(manager.getConsent()).toMatchObject({
      status: 'none',
      gpc: true,
      choices: { necessary: true, analytics: false, advertising: false, pixels: false },
    });
  });

  test('acceptAll grants all but advertising, pixels and separate ones; the method is gpc', async () => {
    const { manager, jar } = setup({ categories: { abroad: { separate: true } } }, { gpc: true });
    const state = await manager.acceptAll();
    expect(state.choices).toEqual({
      necessary: true,
      analytics: true,
      advertising: false,
      pixels: false,
      abroad: false,
    });
    expect(state.record!.method).toBe('gpc');
    expect(readConsentCookie(jar.get())!.method).toBe('gpc');
    expect(state.gpc).toBe(true);
  });

  test('the visitor can still opt in explicitly, and acceptAll then keeps it', async () => {
    const { manager } = setup({}, { gpc: true });
    const opted = await manager.update({ advertising: true }, 'preferences');
    expect(opted.choices.advertising).toBe(true);
    expect(opted.record!.method).toBe('preferences');
    const all = await manager.acceptAll();
    expect(all.choices).toMatchObject({ analytics: true, advertising: true, pixels: false });
    expect(all.record!.method).toBe('gpc');
    // Once every GPC category was opted into explicitly, nothing is withheld any more.
    await manager.update({ pixels: true }, 'preferences');
    expect((await manager.acceptAll()).record!.method).toBe('accept-all');
  });

  test('the categories are configurable', async () => {
    const { manager } = setup({ gpc: { categories: ['analytics'] } }, { gpc: true });
    expect((await manager.acceptAll()).choices).toMatchObject({
      analytics: false,
      advertising: true,
      pixels: true,
    });
  });

  test('rejectAll is unchanged', async () => {
    const { manager } = setup({}, { gpc: true });
    expect((await manager.rejectAll()).record!.method).toBe('reject-all');
  });
});

describe('without the signal, or ignored', () => {
  test('no signal: acceptAll grants everything, method accept-all', async () => {
    const state = await setup({}, { gpc: false }).manager.acceptAll();
    expect(state.gpc).toBe(false);
    expect(state.choices).toMatchObject({ advertising: true, pixels: true });
    expect(state.record!.method).toBe('accept-all');
  });

  test('gpc: false in the config ignores the signal', async () => {
    const state = await setup({ gpc: false }, { gpc: true }).manager.acceptAll();
    expect(state.gpc).toBe(false);
    expect(state.choices).toMatchObject({ advertising: true, pixels: true });
  });
});

describe('reading navigator.globalPrivacyControl', () => {
  test('true is the signal', () => {
    vi.stubGlobal('navigator', { globalPrivacyControl: true, language: 'en' });
    expect(setup().manager.getConsent().gpc).toBe(true);
  });

  test('absent or anything but true is no signal', () => {
    vi.stubGlobal('navigator', { globalPrivacyControl: 'true', language: 'en' });
    expect(setup().manager.getConsent().gpc).toBe(false);
    vi.stubGlobal('navigator', { language: 'en' });
    expect(setup().manager.getConsent().gpc).toBe(false);
  });

  test('a getter that throws is reported, and means no signal', () => {
    vi.stubGlobal('navigator', {
      get globalPrivacyControl() {
        throw new Error('nope');
      },
    });
    const { manager, onError } = setup();
    expect(manager.getConsent().gpc).toBe(false);
    expect(onError).toHaveBeenCalledWith('Global Privacy Control failed: Error: nope');
  });
});
