import { createStore, del, entries, get, set } from 'idb-keyval';
import type { KeyValueStore } from './types';

/**
 * An IndexedDB object store through idb-keyval, opened on first use; `null` without IndexedDB.
 * The default (`consentgate` / `consent`) keeps the consent record; the gate keeps its receipt
 * queue in another database.
 */
export function createIdbStore(database = 'consentgate', name = 'consent'): KeyValueStore | null {
  if (typeof indexedDB === 'undefined') return null;
  const store = createStore(database, name);
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
    entries: () => entries<string, unknown>(store),
  };
}
