import 'fake-indexeddb/auto';
import {
  type ConsentRecord,
  createConsentManager,
  encodeConsentCookie,
  type ManagerOptions,
  readConsentCookie,
} from '@consentgate/core';
import { IDBFactory } from 'fake-indexeddb';
import { createStore, get, set } from 'idb-keyval';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { createMemoryJar, createMemoryStore, DAY, type MemoryJar, recordOf, T } from './fakes';

const db = () => createStore('consentgate', 'consent');

const cookieOf = (record: unknown) => encodeConsentCookie(record as ConsentRecord);

let unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  unhandled = [];
  process.on('unhandledRejection', onUnhandled);
});
afterEach(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

function open(jar: MemoryJar, options: ManagerOptions = {}) {
  const onError = vi.fn<(message: string) => void>();
  const manager = createConsentManager(
    {},
    { now: () => T, cookies: jar, channel: false, onError, ...options },
  );
  return { manager, onError };
}

describe('IndexedDB keeps the record and its history', () => {
  test('each decision stores the full record and appends to the history', async () => {
    const { manager } = open(createMemoryJar());
    await manager.acceptAll();
    const record = (await manager.update({ pixels: false }, 'preferences')).record!;
    await manager.ready;
    const history = await manager.history();
    expect(history.map((entry) => [entry.method, entry.choices.pixels])).toEqual([
      ['accept-all', true],
      ['preferences', false],
    ]);
    expect(await get('cg_consent', db())).toEqual({ record, history });
  });

  test('the history keeps which policy version each choice was given for, and how', async () => {
    const jar = createMemoryJar();
    const options = { cookies: jar, channel: false as const, onError: vi.fn() };
    const first = createConsentManager({ policyVersion: '1' }, { ...options, now: () => T });
    await first.update({ analytics: true }, 'guardian');
    await first.ready;
    const second = createConsentManager({ policyVersion: '2' }, { ...options, now: () => T + DAY });
    expect(second.getConsent().status).toBe('outdated');
    await second.acceptAll();
    expect((await second.history()).map((entry) => [entry.policyVersion, entry.method])).toEqual([
      ['1', 'guardian'],
      ['2', 'accept-all'],
    ]);
  });

  test('the history is bounded to the last 50 entries', async () => {
    const { manager } = open(createMemoryJar());
    for (let i = 0; i < 60; i++) await manager.update({ analytics: i % 2 === 0 });
    const history = await manager.history();
    expect(history).toHaveLength(50);
    expect(history[49].at).toBe(T + 59);
  });

  test('history is empty without IndexedDB', async () => {
    const { manager } = open(createMemoryJar(), { store: false });
    await manager.acceptAll();
    expect(await manager.history()).toEqual([]);
  });
});

describe('reconciling the cookie with IndexedDB', () => {
  test('cookie missing, IndexedDB valid: the cookie is restored and the consent announced', async () => {
    const record = recordOf();
    await set('cg_consent', { record, history: [] }, db());
    const jar = createMemoryJar();
    const { manager } = open(jar);
    expect(manager.getConsent().status).toBe('none');
    const change = vi.fn();
    const consent = vi.fn();
    manager.on('change', change);
    manager.on('consent', consent);
    await manager.ready;
    expect(manager.getConsent()).toMatchObject({ status: 'given', record });
    expect(manager.source.get('analytics')).toBe(true);
    expect(change.mock.calls[0][0]).toMatchObject({ changed: ['analytics', 'pixels'], remote: false });
    expect(consent).toHaveBeenCalledTimes(1);
    expect(readConsentCookie(jar.get())).toEqual(record);
  });

  test('cookie missing, IndexedDB holds an expired record: status expired, pre-filled', async () => {
    const record = recordOf({ expires: T - 1 });
    await set('cg_consent', { record, history: [] }, db());
    const { manager } = open(createMemoryJar());
    await manager.ready;
    expect(manager.getConsent()).toMatchObject({ status: 'expired', previous: record, record: null });
  });

  test('IndexedDB empty: it is filled from the cookie', async () => {
    const record = recordOf();
    const { manager } = open(createMemoryJar({ cg_consent: cookieOf(record) }));
    await manager.ready;
    expect(await manager.history()).toHaveLength(1);
    expect(await get('cg_consent', db())).toMatchObject({ record });
  });

  test('both present and different: a newer IndexedDB record wins and rewrites the cookie', async () => {
    const newer = recordOf({ updated: T - 1000, choices: { necessary: true, analytics: false } });
    await set('cg_consent', { record: newer, history: [] }, db());
    const jar = createMemoryJar({ cg_consent: cookieOf(recordOf()) });
    const { manager } = open(jar);
    expect(manager.source.get('analytics')).toBe(true);
    await manager.ready;
    expect(manager.getConsent().record).toEqual(newer);
    expect(manager.source.get('analytics')).toBe(false);
    expect(readConsentCookie(jar.get())).toEqual(newer);
  });

  test('both present and different: a newer cookie wins and rewrites IndexedDB', async () => {
    await set('cg_consent', { record: recordOf({ updated: T - 5 * DAY }), history: [] }, db());
    const cookie = recordOf();
    const { manager } = open(createMemoryJar({ cg_consent: cookieOf(cookie) }));
    await manager.ready;
    expect(manager.getConsent().record).toEqual(cookie);
    expect(await get('cg_consent', db())).toMatchObject({ record: cookie });
  });

  test('a decision made before ready is not overwritten by the older stored record', async () => {
    await set('cg_consent', { record: recordOf(), history: [] }, db());
    const { manager } = open(createMemoryJar());
    const record = (await manager.rejectAll()).record!;
    await manager.ready;
    expect(manager.getConsent().record).toEqual(record);
    expect(await get('cg_consent', db())).toMatchObject({ record });
  });
});

describe('failure modes: nothing throws, the consent stays right, the other store serves', () => {
  test('IndexedDB fails to open: the cookie serves, decisions still work, one report', async () => {
    const record = recordOf();
    vi.spyOn(indexedDB, 'open').mockImplementation(() => {
      const request = {} as IDBOpenDBRequest;
      queueMicrotask(() => {
        Object.assign(request, { error: new DOMException('blocked', 'UnknownError') });
        request.onerror?.(new Event('error'));
      });
      return request;
    });
    const { manager, onError } = open(createMemoryJar({ cg_consent: cookieOf(record) }));
    await manager.ready;
    expect(manager.getConsent()).toMatchObject({ status: 'given', record });
    expect((await manager.rejectAll()).status).toBe('given');
    expect(await manager.history()).toEqual([]);
    await manager.reset();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0][0]).toMatch(/^IndexedDB failed, using the cookie alone: UnknownError/);
  });

  test('IndexedDB does not exist at all: the cookie serves', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: simulating an engine without IndexedDB
    delete globalThis.indexedDB;
    try {
      const record = recordOf();
      const { manager, onError } = open(createMemoryJar({ cg_consent: cookieOf(record) }));
      await manager.ready;
      expect(manager.getConsent().record).toEqual(record);
      expect((await manager.acceptAll()).status).toBe('given');
      expect(onError).not.toHaveBeenCalled();
    } finally {
      globalThis.indexedDB = saved;
    }
  });

  test('IndexedDB open never answers: ready resolves after idbTimeoutMs with the cookie', async () => {
    vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest);
    const record = recordOf();
    const { manager, onError } = open(createMemoryJar({ cg_consent: cookieOf(record) }), {
      idbTimeoutMs: 20,
    });
    const consent = vi.fn();
    manager.on('consent', consent);
    await manager.ready;
    expect(consent).toHaveBeenCalledTimes(1);
    expect(manager.getConsent().record).toEqual(record);
    expect(onError.mock.calls[0][0]).toBe('IndexedDB failed, using the cookie alone: no answer in 20 ms');
    expect((await manager.acceptAll()).status).toBe('given');
    await expect(manager.history()).resolves.toEqual([]);
  });

  test('quota exceeded (or AbortError) on write: the decision stands and the cookie keeps it', async () => {
    for (const name of ['QuotaExceededError', 'AbortError']) {
      const store = createMemoryStore(new Map(), { set: new DOMException('full', name) });
      const jar = createMemoryJar();
      const { manager, onError } = open(jar, { store });
      const record = (await manager.update({ analytics: true })).record!;
      await manager.ready;
      await manager.history();
      expect(store.calls.set).toBe(1);
      expect(manager.getConsent().record).toEqual(record);
      expect(readConsentCookie(jar.get())).toEqual(record);
      expect(onError.mock.calls[0][0]).toContain(name);
      // The next page load still has the consent.
      expect(open(jar, { store: createMemoryStore() }).manager.getConsent().record).toEqual(record);
    }
  });

  test('cookies disabled (writes vanish): memory is right and IndexedDB restores it next time', async () => {
    const jar = createMemoryJar();
    jar.enabled = false;
    const { manager } = open(jar);
    const record = (await manager.acceptAll()).record!;
    expect(manager.source.get('advertising')).toBe(true);
    expect(jar.get()).toBe('');
    await manager.history();
    const next = open(jar).manager;
    expect(next.getConsent().status).toBe('none');
    await next.ready;
    expect(next.getConsent().record).toEqual(record);
    expect(next.source.get('advertising')).toBe(true);
  });

  test('corrupt cookie: reads as no consent; IndexedDB restores a stored one and repairs the cookie', async () => {
    const corrupt = createMemoryJar({ cg_consent: '1|%%%|garbage' });
    const alone = open(corrupt).manager;
    expect(alone.getConsent().status).toBe('none');
    await alone.ready;
    expect(alone.getConsent().status).toBe('none');

    const record = recordOf();
    await set('cg_consent', { record, history: [] }, db());
    const jar = createMemoryJar({ cg_consent: 'not|a|consent' });
    const { manager } = open(jar);
    await manager.ready;
    expect(manager.getConsent().record).toEqual(record);
    expect(readConsentCookie(jar.get())).toEqual(record);
  });

  test('corrupt IndexedDB value: ignored, refilled from the cookie', async () => {
    for (const value of [
      'junk',
      { record: { v: 1, id: 3 } },
      { record: { ...recordOf(), choices: 'x' }, history: 'x' },
      null,
    ]) {
      await set('cg_consent', value, db());
      const record = recordOf({ updated: T - 2 * DAY });
      const { manager, onError } = open(createMemoryJar({ cg_consent: cookieOf(record) }));
      await manager.ready;
      expect(manager.getConsent().record).toEqual(record);
      const history = await manager.history();
      expect(history[history.length - 1].at).toBe(record.updated);
      expect(await get('cg_consent', db())).toMatchObject({ record });
      expect(onError).not.toHaveBeenCalled();
    }
  });

  test('a record from a future format version reads as no consent, in the cookie', async () => {
    const future = `2|${cookieOf(recordOf()).slice(2)}`;
    const { manager } = open(createMemoryJar({ cg_consent: future }));
    expect(manager.getConsent().status).toBe('none');
    await manager.ready;
    expect(manager.getConsent().status).toBe('none');
    // ...and a v1 record in IndexedDB still serves.
    await set('cg_consent', { record: recordOf(), history: [] }, db());
    const other = open(createMemoryJar({ cg_consent: future })).manager;
    await other.ready;
    expect(other.getConsent().status).toBe('given');
  });

  test('a record from a future format version reads as no consent, in IndexedDB', async () => {
    await set('cg_consent', { record: { ...recordOf(), v: 2 }, history: [] }, db());
    const alone = open(createMemoryJar()).manager;
    await alone.ready;
    expect(alone.getConsent().status).toBe('none');
    // ...and a v1 cookie still serves (and replaces it).
    const record = recordOf({ updated: T - 3 * DAY });
    const { manager } = open(createMemoryJar({ cg_consent: cookieOf(record) }));
    await manager.ready;
    expect(manager.getConsent().record).toEqual(record);
    expect(await get('cg_consent', db())).toMatchObject({ record });
  });

  test('a store whose methods throw synchronously is contained too', async () => {
    const boom = () => {
      throw new Error('sync');
    };
    const { manager, onError } = open(createMemoryJar(), { store: { get: boom, set: boom, del: boom } });
    await manager.acceptAll();
    await manager.ready;
    await manager.reset();
    expect(onError).toHaveBeenCalledTimes(1);
  });
});
