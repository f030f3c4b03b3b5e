// The consent manager's parts that need not run before the page's next script: IndexedDB
// (reconcile at start-up, history), decisions, other tabs and the expiry watch. Attached to a
// kernel, which already answers the blocker synchronously.
import { createRecordId, fullChoices, hasOwn, isObject, METHODS } from './consent-record';
import { validUntil } from './consent-status';
import { encodeConsentCookie, expireConsentCookie, serializeConsentCookie } from './cookie-codec';
import { pageLocale } from './i18n';
import type { ConsentKernel } from './kernel';
import { createIdbStore } from './record-store';
import { createStorageQueue, readSaved, withEntry } from './storage-queue';
import { openTabChannel } from './tab-sync';
import type {
  CategoryId,
  ConsentHistoryEntry,
  ConsentMethod,
  ConsentRecord,
  ConsentState,
  RecordStore,
  TabChannel,
} from './types';

const DAY = 864e5;

/** Replaces the storage and channel of the manager, for tests and embedders. */
export interface AttachOptions {
  /** Default: IndexedDB through idb-keyval; `false` keeps nothing but the cookie. */
  store?: RecordStore | false;
  /** Opens the tab channel for a name; `false` turns cross-tab sync off. Default `BroadcastChannel`. */
  channel?: false | ((name: string) => TabChannel);
  /** How long to wait for IndexedDB before `ready` resolves without it. Default 1000. */
  idbTimeoutMs?: number;
  /** Locale stored in records. Default: the locale the page shows (see `pageLocale`). */
  locale?: string;
  /** Whether to add `Secure` to the cookie. Default: the page is https. */
  secure?: boolean;
}

/** The decisions and storage of a manager; see {@link attachManager}. */
export interface ManagerParts {
  /** Resolves once IndexedDB was read and reconciled with the cookie (or timed out). Never rejects. */
  readonly ready: Promise<void>;
  acceptAll(method?: ConsentMethod): Promise<ConsentState>;
  rejectAll(method?: ConsentMethod): Promise<ConsentState>;
  update(choices: Readonly<Record<CategoryId, boolean>>, method?: ConsentMethod): Promise<ConsentState>;
  reset(): Promise<void>;
  history(): Promise<ReadonlyArray<ConsentHistoryEntry>>;
  destroy(): void;
}

/**
 * Attaches storage, decisions, tab sync and the expiry watch to `kernel`. IndexedDB is read and
 * reconciled with the cookie in the background (`ready`): the newer record wins, a missing or
 * corrupt side is rewritten from the other, and when IndexedDB restores a consent the cookie
 * lacked, `change` fires. The start-up `consent` event fires once, just before `ready`
 * resolves, when a valid consent exists and none was announced meanwhile.
 * No method throws or rejects: failures go to the kernel's `report`.
 */
export function attachManager(kernel: ConsentKernel, options: AttachOptions = {}): ManagerParts {
  const { config, guard, report } = kernel;
  const key = config.cookie.name;
  const secure = options.secure ?? (typeof location !== 'undefined' && location.protocol === 'https:');
  const store =
    options.store === false ? null : guard('IndexedDB', () => options.store || createIdbStore(), null);
  const storage = createStorageQueue(store, options.idbTimeoutMs ?? 1000, report);
  const cleanups: Array<() => void> = [];
  let announced = false;
  let decided = false;
  let destroyed = false;
  cleanups.push(kernel.on('consent', () => (announced = true)));

  const writeCookie = (record: ConsentRecord, time: number) =>
    guard('cookie write', () => kernel.jar.set(serializeConsentCookie(record, config, secure, time)));
  const save = (next: ConsentRecord) =>
    storage.run((db) =>
      db
        .get(key)
        .then((raw) => db.set(key, { record: next, history: withEntry(readSaved(raw).history, next) })),
    );
  const announce = () => kernel.emit('consent', kernel.getConsent());

  // Another tab rang: re-read storage and follow what it holds now. A message carries nothing
  // that is applied: a script posting on the channel can only make this tab look again.
  const follow = () =>
    storage
      .run((db) => db.get(key))
      .then((raw) =>
        guard('tab channel', () => {
          if (destroyed) return;
          const current = kernel.record();
          const stored = [kernel.readCookie(), readSaved(raw).record].filter((r): r is ConsentRecord => !!r);
          const newest = stored.sort((a, b) => b.updated - a.updated)[0] ?? null;
          if (!newest) {
            if (current) kernel.apply(null, true);
          } else if (!current || newest.updated > current.updated) {
            kernel.apply(newest, true);
            if (kernel.getConsent().status === 'given') announce();
          }
        }),
      );
  const tabs = openTabChannel(`consentgate:${key}`, options.channel, () => void follow(), report);
  cleanups.push(tabs.close);
  cleanups.push(watchExpiry(kernel));

  const ready: Promise<void> = storage
    .run((db) => db.get(key))
    .then((raw) => {
      const record = kernel.record();
      const stored = readSaved(raw).record;
      if (stored && (!record || stored.updated > record.updated)) {
        writeCookie(stored, kernel.now());
        kernel.apply(stored, false);
      } else if (
        record &&
        !decided &&
        !(stored && encodeConsentCookie(stored) === encodeConsentCookie(record))
      ) {
        return save(record);
      }
    })
    .then(() => {
      if (!announced && !destroyed && kernel.getConsent().status === 'given') announce();
    })
    .catch((error) => report('start-up', error));

  const locale = () => (options.locale || guard('locale', () => pageLocale(config), 'en')).slice(0, 35);

  function decide(choose: (id: CategoryId) => boolean, method: ConsentMethod): Promise<ConsentState> {
    if (!METHODS.includes(method)) {
      report(`unknown method "${method}"`);
      method = 'api';
    }
    return Promise.resolve(
      guard(
        'decision',
        () => {
          const record = kernel.record();
          // Strictly after the last update, so that the newer record always wins a reconciliation.
          const time = Math.max(kernel.now(), record ? record.updated + 1 : 0);
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
          writeCookie(next, time);
          kernel.apply(next, false);
          decided = true;
          save(next).then(tabs.ring);
          announce();
          kernel.emit('decision', kernel.getConsent());
          return kernel.getConsent();
        },
        kernel.getConsent(),
      ),
    );
  }

  const known = (id: CategoryId, what: string) =>
    config.categoryIds.includes(id) || report(`${what}: unknown category "${id}"`);

  return {
    ready,
    acceptAll(method = 'accept-all') {
      const state = kernel.getConsent();
      const { gpc } = kernel;
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
      const state = kernel.getConsent();
      return wanted
        ? decide((id) => (hasOwn(wanted, id) ? wanted[id] : state.choices[id]), method)
        : Promise.resolve(state);
    },
    reset() {
      return guard(
        'reset',
        () => {
          guard('cookie write', () => kernel.jar.set(expireConsentCookie(config, secure)));
          // A cookie set before `cookie.domain` was configured would otherwise come back.
          if (config.cookie.domain)
            guard('cookie write', () =>
              kernel.jar.set(
                expireConsentCookie({ ...config, cookie: { ...config.cookie, domain: undefined } }, secure),
              ),
            );
          kernel.apply(null, false);
          return storage.run((db) => db.del(key)).then(() => tabs.ring());
        },
        Promise.resolve(),
      );
    },
    history: () =>
      storage.run((db) => db.get(key)).then((raw) => guard('history', () => readSaved(raw).history, [])),
    destroy() {
      destroyed = true;
      for (const cleanup of cleanups.splice(0)) guard('destroy', cleanup);
    },
  };
}

/**
 * A consent that runs out while the page stays open is void from that moment: the kernel
 * re-applies the record, `change` fires (the gate holds its categories again and asks again).
 * Long waits go in steps: a timer holds at most 2^31 - 1 ms (24.8 days). Never keeps Node alive.
 */
export function watchExpiry(kernel: ConsentKernel): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    const record = kernel.record();
    if (!record || kernel.getConsent().status !== 'given') return;
    const wait = Math.min(Math.max(validUntil(record, kernel.config) - kernel.now(), 0), 2 ** 31 - 1);
    timer = setTimeout(() => kernel.guard('expiry', () => kernel.apply(kernel.record(), false)), wait);
    (timer as { unref?: () => void }).unref?.();
  };
  const off = kernel.on('applied', arm);
  arm();
  return () => {
    off();
    clearTimeout(timer);
  };
}
