import { createRecordId, fullChoices, hasOwn, isConsentRecord, isObject, METHODS } from './consent-record';
import { consentState, validUntil } from './consent-status';
import {
  encodeConsentCookie,
  expireConsentCookie,
  parseConsentCookie,
  readConsentCookie,
  serializeConsentCookie,
} from './cookie-codec';
import { createIdbStore } from './record-store';
import { resolveConfig } from './resolve-config';
import type {
  CategoryId,
  ChangeEvent,
  ConsentHistoryEntry,
  ConsentManager,
  ConsentMethod,
  ConsentRecord,
  ConsentState,
  CookieJar,
  ManagerOptions,
  RecordStore,
  ResolvedConfig,
} from './types';

const HISTORY_SIZE = 50;
const DAY = 864e5;

interface Saved {
  record: ConsentRecord | null;
  history: ConsentHistoryEntry[];
}

// What IndexedDB holds (under the cookie name) is untrusted: anything malformed reads as empty.
function readSaved(value: unknown): Saved {
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

// The history with the record's entry appended, unless it is already the last one.
function withEntry(history: ConsentHistoryEntry[], record: ConsentRecord): ConsentHistoryEntry[] {
  const { updated: at, policyVersion, choices, method } = record;
  return history[history.length - 1]?.at === at
    ? history
    : [...history, { at, policyVersion, choices, method }].slice(-HISTORY_SIZE);
}

/**
 * Creates the consent manager for a site config (see `resolveConfig`). Config problems, including
 * a `cookie.domain` that is not the page's host or a parent of it, are collected in `issues` and
 * not logged here: the caller reports them once, with `formatIssues`.
 *
 * The consent cookie is read synchronously, so `source` and `getConsent()` answer right away.
 * IndexedDB is read and reconciled with the cookie in the background (`ready`): the newer record
 * wins, a missing or corrupt side is rewritten from the other, and when IndexedDB restores a
 * consent the cookie lacked, `change` fires.
 *
 * The start-up `consent` event fires once, just before `ready` resolves, when a valid consent
 * exists and no decision was made meanwhile; so listeners added in the same tick as the creation
 * always see it. After that, `consent` fires after every decision (here or in another tab).
 *
 * No method throws or rejects: failures of cookies, IndexedDB, the tab channel or listeners go to
 * `onError` and the in-memory consent stays right.
 */
export function createConsentManager(input: unknown, options: ManagerOptions = {}): ConsentManager {
  const report = (message: string, error?: unknown) => {
    try {
      (options.onError || ((text: string) => console.error(`[consentgate] ${text}`)))(
        error === undefined ? message : `${message}: ${error}`,
      );
    } catch {}
  };
  // `fallback` may be left out where `run` returns nothing.
  const guard = <T>(what: string, run: () => T, fallback?: T): T => {
    try {
      return run();
    } catch (error) {
      report(`${what} failed`, error);
      return fallback as T;
    }
  };
  const now = () => Math.floor((options.now || Date.now)());
  const hasLocation = typeof location !== 'undefined';
  const hasDocument = typeof document !== 'undefined';

  let { config, issues } = resolveConfig(input);
  const host = (options.host ?? (hasLocation ? location.hostname : '')).toLowerCase();
  const domain = config.cookie.domain?.replace(/^\./, '').toLowerCase();
  if (domain && host && host !== domain && !host.endsWith(`.${domain}`)) {
    issues.push({ path: 'cookie.domain', message: `expected ${host} or a parent domain of it` });
    config = { ...config, cookie: { ...config.cookie, domain: undefined } };
  }

  const key = config.cookie.name;
  const secure = options.secure ?? (hasLocation && location.protocol === 'https:');
  const timeout = options.idbTimeoutMs ?? 1000;
  const jar: CookieJar = options.cookies || {
    get: () => (hasDocument ? document.cookie : ''),
    set: (cookie) => {
      // biome-ignore lint/suspicious/noDocumentCookie: the gate must write synchronously; cookieStore is async.
      if (hasDocument) document.cookie = cookie;
    },
  };
  const store =
    options.store === false ? null : guard('IndexedDB', () => options.store || createIdbStore(), null);
  const changeListeners = new Set<(event: ChangeEvent) => void>();
  const consentListeners = new Set<(state: ConsentState) => void>();
  const decisionListeners = new Set<(state: ConsentState) => void>();
  const sourceListeners = new Set<() => void>();

  // Global Privacy Control (https://w3c.github.io/gpc/): read once, a getter the page defines may throw.
  const gpc =
    config.gpc.honour &&
    guard(
      'Global Privacy Control',
      () =>
        options.gpc ??
        (typeof navigator !== 'undefined' &&
          (navigator as { globalPrivacyControl?: unknown }).globalPrivacyControl === true),
      false,
    );
  let record = guard('cookie read', () => readConsentCookie(jar.get(), key), null);
  let state = consentState(record, config, now(), gpc);
  // Whether `consent` was announced since start-up (then the start-up announcement is skipped).
  let announced = false;
  // Whether a decision here queued its own IndexedDB write (then reconciling need not write).
  let decided = false;
  let destroyed = false;
  let idbFailed = false;

  const emit = <A>(listeners: Set<(arg: A) => void>, arg: A) => {
    for (const listener of [...listeners]) guard('a listener', () => listener(arg));
  };
  const announce = () => {
    announced = true;
    emit(consentListeners, state);
  };
  const writeCookie = (cookie: string) => guard('cookie write', () => jar.set(cookie));

  function apply(next: ConsentRecord | null, remote: boolean): void {
    const before = state;
    record = next;
    state = consentState(next, config, now(), gpc);
    watchExpiry();
    const changed = config.categoryIds.filter((id) => before.choices[id] !== state.choices[id]);
    if (changed.length) emit(sourceListeners, undefined);
    if (changed.length || before.status !== state.status) emit(changeListeners, { state, changed, remote });
  }

  // A consent that runs out while the page stays open is void from that moment: `change` fires
  // (the gate holds its categories again and asks again). Long waits go in steps: a timer holds
  // at most 2^31 - 1 ms (24.8 days). It never keeps a Node process alive.
  let expiry: ReturnType<typeof setTimeout> | undefined;
  function watchExpiry(): void {
    clearTimeout(expiry);
    if (destroyed || !record || state.status !== 'given') return;
    const wait = Math.min(Math.max(validUntil(record, config) - now(), 0), 2 ** 31 - 1);
    expiry = setTimeout(() => guard('expiry', () => apply(record, false)), wait);
    (expiry as { unref?: () => void }).unref?.();
  }
  watchExpiry();

  // IndexedDB jobs run one after another, each given `timeout` ms; failures resolve `undefined`.
  let queue: Promise<unknown> = Promise.resolve();
  function idb<T>(job: (store: RecordStore) => Promise<T>): Promise<T | undefined> {
    const run = queue.then(
      () =>
        new Promise<T | undefined>((resolve) => {
          if (!store) return resolve(undefined);
          const fail = (error: unknown) => {
            clearTimeout(timer);
            if (!idbFailed) report('IndexedDB failed, using the cookie alone', error);
            idbFailed = true;
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
    queue = run;
    return run;
  }
  const save = (next: ConsentRecord) =>
    idb((db) =>
      db
        .get(key)
        .then((raw) => db.set(key, { record: next, history: withEntry(readSaved(raw).history, next) })),
    );

  function reconcile(raw: unknown): unknown {
    const stored = readSaved(raw).record;
    if (stored && (!record || stored.updated > record.updated)) {
      writeCookie(serializeConsentCookie(stored, config, secure, now()));
      apply(stored, false);
    } else if (
      record &&
      !decided &&
      !(stored && encodeConsentCookie(stored) === encodeConsentCookie(record))
    ) {
      return save(record);
    }
  }

  const channel = guard(
    'tab channel',
    () => {
      const open =
        options.channel ??
        (typeof BroadcastChannel === 'undefined' ? false : (name: string) => new BroadcastChannel(name));
      return open ? open(`consentgate:${key}`) : null;
    },
    null,
  );
  const post = (message: string) => guard('tab channel', () => channel?.postMessage(message));
  if (channel)
    channel.onmessage = (event) =>
      guard('tab channel', () => {
        const data: unknown = event.data;
        if (destroyed || typeof data !== 'string') return;
        // Another tab already wrote cookie and IndexedDB: apply in memory only, never echo.
        if (!data) return apply(null, true);
        const next = parseConsentCookie(data);
        if (!next || (record && next.updated < record.updated)) return;
        apply(next, true);
        if (state.status === 'given') announce();
      });

  const ready: Promise<void> = idb((db) => db.get(key))
    .then(reconcile)
    .then(() => {
      if (!announced && !destroyed && state.status === 'given') announce();
    })
    .catch((error) => report('start-up', error));

  const locale = () =>
    (
      options.locale ||
      config.locale ||
      (hasDocument && document.documentElement?.lang) ||
      (typeof navigator !== 'undefined' && navigator.language) ||
      ''
    ).slice(0, 35);

  function decide(choose: (id: CategoryId) => boolean, method: ConsentMethod): ConsentState {
    if (!METHODS.includes(method)) {
      report(`unknown method "${method}"`);
      method = 'api';
    }
    return guard(
      'decision',
      () => {
        // Strictly after the last update, so that the newer record always wins a reconciliation.
        const time = Math.max(now(), record ? record.updated + 1 : 0);
        const next: ConsentRecord = {
          v: 1,
          id: record ? record.id : createRecordId(),
          policyVersion: config.policyVersion,
          choices: fullChoices(config.categoryIds, choose),
          created: record ? record.created : time,
          updated: time,
          expires: time + Math.round(config.lifetimeDays * DAY),
          method,
          locale: locale(),
        };
        writeCookie(serializeConsentCookie(next, config, secure, time));
        apply(next, false);
        decided = true;
        save(next);
        post(encodeConsentCookie(next));
        announce();
        emit(decisionListeners, state);
        return state;
      },
      state,
    );
  }

  const known = (id: CategoryId, what: string) =>
    config.categoryIds.includes(id) || report(`${what}: unknown category "${id}"`);

  return {
    config,
    issues,
    ready,
    source: {
      get: (id) => state.choices[id] === true,
      subscribe(listener) {
        sourceListeners.add(listener);
        return () => {
          sourceListeners.delete(listener);
        };
      },
    },
    getConsent: () => state,
    acceptAll(method = 'accept-all') {
      // Separate categories need their own switch; under GPC, so do the GPC ones. Both keep their current value.
      const withheld = (id: CategoryId) =>
        config.categories[id].separate || (gpc && config.gpc.categories.includes(id));
      const withholds = gpc && config.gpc.categories.some((id) => !state.choices[id]);
      // A guardian's consent is the fact a record must keep; GPC only narrows what it grants.
      return decide(
        (id) => !withheld(id) || state.choices[id],
        withholds && method !== 'guardian' ? 'gpc' : method,
      );
    },
    rejectAll: (method = 'reject-all') => decide(() => false, method),
    update(choices, method = 'api') {
      // Copied first, so that nothing the page passes (a Proxy, a getter) can throw later.
      const wanted = guard('update', () => {
        if (!isObject(choices)) return report('update: expected an object like { analytics: true }');
        const valid: Record<CategoryId, boolean> = {};
        for (const id in choices) {
          const value = choices[id];
          if (!known(id, 'update')) continue;
          if (typeof value !== 'boolean') report(`update: ${id}: expected true or false`);
          else if (id === 'necessary' && !value) report('update: necessary cannot be denied');
          else valid[id] = value;
        }
        return valid;
      });
      return wanted ? decide((id) => (hasOwn(wanted, id) ? wanted[id] : state.choices[id]), method) : state;
    },
    reset() {
      return guard(
        'reset',
        () => {
          writeCookie(expireConsentCookie(config, secure));
          // A cookie set before `cookie.domain` was configured would otherwise come back.
          if (config.cookie.domain)
            writeCookie(
              expireConsentCookie(
                { ...config, cookie: { ...config.cookie, domain: undefined } } as ResolvedConfig,
                secure,
              ),
            );
          apply(null, false);
          post('');
          return idb((db) => db.del(key)).then(() => {});
        },
        Promise.resolve(),
      );
    },
    on(event, listener) {
      const listeners = (
        event === 'change'
          ? changeListeners
          : event === 'consent'
            ? consentListeners
            : event === 'decision'
              ? decisionListeners
              : null
      ) as Set<typeof listener> | null;
      if (!listeners || typeof listener !== 'function') {
        report(`on: expected "change", "consent" or "decision" and a function`);
        return () => {};
      }
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    whenGranted: (id) =>
      new Promise<void>((resolve) => {
        if (!known(id, 'whenGranted')) return;
        const check = () => {
          if (state.choices[id]) {
            sourceListeners.delete(check);
            resolve();
          }
        };
        sourceListeners.add(check);
        check();
      }),
    history: () => idb((db) => db.get(key)).then((raw) => guard('history', () => readSaved(raw).history, [])),
    destroy() {
      destroyed = true;
      clearTimeout(expiry);
      guard('tab channel', () => channel?.close());
      for (const listeners of [changeListeners, consentListeners, decisionListeners, sourceListeners])
        listeners.clear();
    },
  };
}
