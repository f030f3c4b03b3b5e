import { createStore, del, get, set } from 'idb-keyval';
import type { RecordStore } from './types';

/** The default store: IndexedDB `consentgate` / `consent`, opened on first use. `null` without IndexedDB. */
export function createIdbStore(): RecordStore | null {
  if (typeof indexedDB === 'undefined') return null;
  const store = createStore('consentgate', 'consent');
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}
