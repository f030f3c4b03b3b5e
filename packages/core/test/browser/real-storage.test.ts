import { createConsentManager, type ManagerOptions, readConsentCookie } from '@consentgate/core';
import { createStore, del, get } from 'idb-keyval';
import { afterEach, describe, expect, test } from 'vitest';

// Real cookies and real IndexedDB in Chromium. Each test uses its own cookie name (also the key in
// IndexedDB), so tests never see each other's consent.
const db = createStore('consentgate', 'consent');
let count = 0;
const names: string[] = [];
const nextName = () => {
  const name = `cg_real_${Date.now().toString(36)}_${count++}`;
  names.push(name);
  return name;
};
const open = (name: string, options: ManagerOptions = {}) =>
  createConsentManager(
    { cookie: { name } },
    { channel: false, onError: (message) => errors.push(message), ...options },
  );
const deleteCookie = (name: string) => {
  // biome-ignore lint/suspicious/noDocumentCookie: the test resets the real cookie jar.
  document.cookie = `${name}=; Path=/; Max-Age=0`;
};
let errors: string[] = [];

afterEach(async () => {
  for (const name of names.splice(0)) {
    deleteCookie(name);
    await del(name, db);
  }
  expect(errors).toEqual([]);
  errors = [];
});

describe('real cookie and IndexedDB', () => {
  test('a decision lands in document.cookie and in IndexedDB with its history', async () => {
    const name = nextName();
    const manager = open(name);
    const { record } = await manager.update({ analytics: true, pixels: false }, 'preferences');
    await manager.ready;
    expect(readConsentCookie(document.cookie, name)).toEqual(record);
    await expect(manager.history()).resolves.toEqual([
      { at: record!.updated, policyVersion: '1', choices: record!.choices, method: 'preferences' },
    ]);
    expect(await get(name, db)).toMatchObject({ record });
  });

  test('the next page load reads the consent synchronously from the cookie', async () => {
    const name = nextName();
    const first = open(name);
    const { record } = await first.acceptAll();
    await first.history();
    const next = open(name);
    expect(next.getConsent()).toMatchObject({ status: 'given', record });
    expect(next.source.get('advertising')).toBe(true);
  });

  test('a lost cookie is restored from IndexedDB', async () => {
    const name = nextName();
    const first = open(name);
    const { record } = await first.rejectAll();
    await first.history();
    deleteCookie(name);
    const next = open(name);
    expect(next.getConsent().status).toBe('none');
    await next.ready;
    expect(next.getConsent()).toMatchObject({ status: 'given', record });
    expect(readConsentCookie(document.cookie, name)).toEqual(record);
  });

  test('a lost IndexedDB record is refilled from the cookie', async () => {
    const name = nextName();
    const first = open(name);
    const { record } = await first.acceptAll();
    await first.history();
    await del(name, db);
    const next = open(name);
    await next.ready;
    expect(await get(name, db)).toMatchObject({ record });
  });

  test('reset forgets the consent in both', async () => {
    const name = nextName();
    const manager = open(name);
    await manager.acceptAll();
    await manager.reset();
    expect(readConsentCookie(document.cookie, name)).toBeNull();
    expect(await get(name, db)).toBeUndefined();
    const next = open(name);
    await next.ready;
    expect(next.getConsent().status).toBe('none');
  });
});
