import { isConsentRecord, isObject } from './consent-record';
import type { ConsentHistoryEntry, ConsentRecord, RecordStore } from './types';

/** IndexedDB jobs, one after another, each given a time limit; see {@link createStorageQueue}. */
export interface StorageQueue {
  /** Runs `job` after the jobs before it; resolves `undefined` when there is no store, or it failed or timed out. */
  run<T>(job: (store: RecordStore) => Promise<T>): Promise<T | undefined>;
}

/**
 * A queue over `store` (null: no IndexedDB). A job that fails or gives no answer within
 * `timeout` ms resolves `undefined`, so the consent never waits on a broken database; the first
 * failure is reported once.
 */
export function createStorageQueue(
  store: RecordStore | null,
  timeout: number,
  report: (message: string, error?: unknown) => void,
): StorageQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let failed = false;
  return {
    run<T>(job: (store: RecordStore) => Promise<T>) {
      const next = tail.then(
        () =>
          new Promise<T | undefined>((resolve) => {
            if (!store) return resolve(undefined);
            const fail = (error: unknown) => {
              clearTimeout(timer);
              if (!failed) report('IndexedDB failed, using the cookie alone', error);
              failed = true;
              resolve(undefined);
            };
            const timer = setTimeout(fail, timeout, `no answer in ${timeout} ms`);
            try {
              job(store).then((value) => {
                clearTimeout(timer);
                resolve(value);
              }, fail);
            } catch (error) {
              fail(error);
            }
          }),
      );
      tail = next;
      return next;
    },
  };
}

/** What IndexedDB keeps under the cookie's name: the record and its history. */
export interface Saved {
  record: ConsentRecord | null;
  history: ConsentHistoryEntry[];
}

/** The most history entries kept. */
export const HISTORY_SIZE = 50;

/** Reads what IndexedDB returned: it is untrusted, anything malformed reads as empty. */
export function readSaved(value: unknown): Saved {
  const saved = isObject(value) ? value : {};
  return {
    record: isConsentRecord(saved.record) ? saved.record : null,
    history: Array.isArray(saved.history)
      ? saved.history.filter(
          (entry) => isObject(entry) && Number.isFinite(entry.at) && isObject(entry.choices) && entry.method,
        )
      : [],
  };
}

/** The history with the record's entry appended, unless it is already the last one. */
export function withEntry(history: ConsentHistoryEntry[], record: ConsentRecord): ConsentHistoryEntry[] {
  const { updated: at, policyVersion, choices, method } = record;
  return history[history.length - 1]?.at === at
    ? history
    : [...history, { at, policyVersion, choices, method }].slice(-HISTORY_SIZE);
}
