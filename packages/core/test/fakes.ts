// In-memory stand-ins for the manager's effects (cookie jar, record store), for unit tests.
import type { ConsentRecord, CookieJar, RecordStore } from '@consentgate/core';

export interface MemoryJar extends CookieJar {
  /** Every string given to `set`, in order. */
  readonly writes: string[];
  /** When false, writes vanish (cookies disabled). */
  enabled: boolean;
}

/** A cookie jar that understands `name=value; …; Max-Age=N` like a browser does (enough for tests). */
export function createMemoryJar(initial: Record<string, string> = {}): MemoryJar {
  const cookies = new Map(Object.entries(initial));
  const jar: MemoryJar = {
    writes: [],
    enabled: true,
    get: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    set(cookie) {
      jar.writes.push(cookie);
      if (!jar.enabled) return;
      const [pair, ...attributes] = cookie.split(/;\s*/);
      const at = pair.indexOf('=');
      const maxAge = attributes.find((attribute) => attribute.startsWith('Max-Age='));
      if (maxAge && Number(maxAge.slice(8)) <= 0) cookies.delete(pair.slice(0, at));
      else cookies.set(pair.slice(0, at), pair.slice(at + 1));
    },
  };
  return jar;
}

export interface MemoryStore extends RecordStore {
  readonly data: Map<string, unknown>;
  /** Counts of calls, to prove what was (not) written. */
  readonly calls: { get: number; set: number; del: number };
}

/** A RecordStore over a Map; `fail` makes chosen operations reject (or hang) instead. */
export function createMemoryStore(
  data = new Map<string, unknown>(),
  fail: Partial<Record<'get' | 'set' | 'del', Error | 'hang'>> = {},
): MemoryStore {
  const calls = { get: 0, set: 0, del: 0 };
  const run = <T>(op: 'get' | 'set' | 'del', result: () => T): Promise<T> => {
    calls[op]++;
    const failure = fail[op];
    if (failure === 'hang') return new Promise<T>(() => {});
    if (failure) return Promise.reject(failure);
    return Promise.resolve().then(result);
  };
  return {
    data,
    calls,
    get: (key) => run('get', () => structuredClone(data.get(key))),
    set: (key, value) =>
      run('set', () => {
        data.set(key, structuredClone(value));
      }),
    del: (key) =>
      run('del', () => {
        data.delete(key);
      }),
  };
}

export const DAY = 864e5;
/** "Now" in the manager and storage tests. */
export const T = Date.UTC(2026, 10, 23, 12);

/** A valid record given a day ago (analytics and pixels granted), with `overrides`. */
export function recordOf(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    v: 1,
    id: 'record-id',
    policyVersion: '1',
    choices: { necessary: true, analytics: true, advertising: false, pixels: true },
    created: T - 10 * DAY,
    updated: T - DAY,
    expires: T + 100 * DAY,
    method: 'preferences',
    locale: 'en',
    ...overrides,
  };
}
