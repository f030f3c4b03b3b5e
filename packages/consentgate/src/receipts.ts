import {
  type CategoryId,
  type ConsentManager,
  type ConsentMethod,
  type ConsentState,
  categoryText,
  createChecks,
  createIdbStore,
  type KeyValueStore,
  localize,
  type Report,
  type ResolvedConfig,
} from '@consentgate/core';
import { DEFAULT_CATEGORY_TEXTS } from '@consentgate/ui';
import { SDK_VERSION } from './version';

/** The proof of one decision, POSTed as JSON to `config.receipts.endpoint`. */
export interface Receipt {
  /** Random, unique per receipt: the key to deduplicate on. */
  receiptId: string;
  /** The consent id (`record.id`), kept across the visitor's later changes. */
  recordId: string;
  /** When the decision was made (`record.updated`), ISO 8601 in UTC. */
  timestamp: string;
  policyVersion: string;
  /** Every category, `necessary` included. */
  choices: Record<CategoryId, boolean>;
  method: ConsentMethod;
  /** The locale the texts were shown in. */
  locale: string;
  /** SHA-256 (hex) of `receiptTexts(config, locale)`; `null` where Web Crypto is missing (plain http). */
  textsHash: string | null;
  sdkVersion: string;
  /** `location.origin + location.pathname` (no query, no fragment). */
  page: string;
}

/** `receipts` as a site owner writes it. */
export interface ReceiptsConfig {
  /** Where each receipt is POSTed as JSON: an https (or http) URL, or a path on the site. */
  endpoint: string;
}

/** An absolute http(s) URL or a relative one; never `javascript:`, `data:` or another scheme. */
const ENDPOINT = /^(?![a-z][a-z\d+.-]*:)\S+$|^https?:\/\/\S+$/i;

/** Resolves `config.receipts` (given as `value`): `null` when off or invalid (reported by path). */
export function resolveReceipts(value: unknown, report: Report = () => {}): ReceiptsConfig | null {
  if (value === undefined) return null;
  const c = createChecks(report);
  const resolved = c.object(
    { endpoint: c.matching(ENDPOINT, 'expected an http(s) URL or a path on this site') },
    'endpoint',
  )(value, 'receipts') as ReceiptsConfig | undefined;
  return resolved ?? null;
}

/** Replaces the effects of `installReceipts`, for tests. */
export interface ReceiptOptions {
  /** Where to send them (see {@link resolveReceipts}); nothing is sent without it. */
  endpoint: string | undefined;
  /** The locale the visitor is shown texts in. */
  locale: string;
  /** The queue. Default IndexedDB `consentgate-receipts` / `queue`; `null` sends without queueing. */
  store?: KeyValueStore | null;
  /** Default `location.origin + location.pathname`. */
  page?: string;
}

const LOCK = 'consentgate-receipts';

/**
 * The canonical text a receipt's `textsHash` is the SHA-256 of: the JSON array
 * `[sdkVersion, locale, translations, categories, policyChanges]`, where `translations` is
 * `config.translations[locale]` as `[key, text]` pairs sorted by key, `categories` is one
 * `[id, label, description, recipient]` per category in display order (texts in `locale`;
 * `recipient` is `[name, contact, purpose, dataTypes]` or `null`), and `policyChanges` is the
 * "what changed" text in `locale` (`''` when none). Built-in strings are fixed per `sdkVersion`.
 */
export function receiptTexts(config: ResolvedConfig, locale: string): string {
  const own = config.translations[locale] ?? {};
  return JSON.stringify([
    SDK_VERSION,
    locale,
    Object.keys(own)
      .sort()
      .map((key) => [key, own[key]]),
    config.categoryIds.map((id) => {
      const r = config.categories[id].recipient;
      return [
        id,
        categoryText(config, id, 'label', locale, DEFAULT_CATEGORY_TEXTS) || id,
        categoryText(config, id, 'description', locale, DEFAULT_CATEGORY_TEXTS),
        r ? [r.name, r.contact ?? '', localize(r.purpose, locale), localize(r.dataTypes, locale)] : null,
      ];
    }),
    localize(config.policyChanges, locale),
  ]);
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

async function sha256(text: string): Promise<string | null> {
  if (typeof crypto === 'undefined' || !crypto.subtle) return null;
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))));
}

const randomId = (): string => hex(crypto.getRandomValues(new Uint8Array(16)));

/**
 * Proof of consent, when `config.receipts` is set: every decision made in this page (not another
 * tab's, not the start-up announcement) becomes a `Receipt`, queued in IndexedDB, then POSTed to
 * the endpoint (`fetch` with `keepalive`, else `navigator.sendBeacon`) and dropped from the queue
 * on a 2xx. What stays queued (offline, an error status) is sent again when the browser comes back
 * online and on the next page load.
 * Sends are serialized across tabs with a Web Lock, and a receipt is sent only while still queued,
 * so none is sent twice (except when a page unloads mid-request: deduplicate on `receiptId`).
 * Never blocks the page and never throws. Returns the cleanup (stops making receipts).
 */
export function installReceipts(manager: ConsentManager, options: ReceiptOptions): () => void {
  const endpoint = options.endpoint;
  if (!endpoint) return () => {};
  const reported = new Set<string>();
  const report = (problem: string) => {
    if (reported.has(problem)) return;
    reported.add(problem);
    console.error(`[consentgate] receipts: ${problem}`);
  };
  let store: KeyValueStore | null = null;
  try {
    store = options.store === undefined ? createIdbStore('consentgate-receipts', 'queue') : options.store;
  } catch (error) {
    report(`IndexedDB is unavailable, receipts are not queued (${String(error)})`);
  }
  const page = options.page ?? (typeof location === 'undefined' ? '' : location.origin + location.pathname);
  let hash: Promise<string | null> | undefined;
  // A receipt in flight in this page is not sent again by it until that request has ended.
  const inFlight = new Set<string>();

  // One sender at a time across the origin's tabs, so two page loads never flush the same receipt.
  const locked = (run: () => Promise<void>): Promise<void> => {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? locks.request(LOCK, run).then(() => {}) : run();
  };

  async function post(body: string): Promise<boolean> {
    if (typeof fetch === 'function') {
      try {
        const response = await fetch(endpoint!, {
          method: 'POST',
          keepalive: true,
          body,
          headers: { 'content-type': 'application/json' },
          // A hanging endpoint must not hold the cross-tab lock for long.
          signal: AbortSignal.timeout?.(10_000),
        });
        if (!response.ok) report(`${endpoint} answered ${response.status}; the receipt stays queued`);
        return response.ok;
      } catch (error) {
        const held = String(error).includes('[consentgate] held');
        report(
          held
            ? `${endpoint} is held by the gate: add it to a rule of category "necessary"`
            : `could not reach ${endpoint} (${String(error)}); the receipt stays queued`,
        );
        return false;
      }
    }
    // No response to read: a beacon the browser accepted counts as sent.
    return navigator.sendBeacon(endpoint!, new Blob([body], { type: 'application/json' }));
  }

  // `queued`: the receipt is in the store, and is sent only while it still is there.
  const send = (receipt: Receipt, queued: boolean): Promise<void> => {
    if (inFlight.has(receipt.receiptId)) return Promise.resolve();
    inFlight.add(receipt.receiptId);
    return locked(async () => {
      // Another tab may have sent it while this one waited for the lock.
      if (queued && (await store!.get(receipt.receiptId)) === undefined) return;
      if ((await post(JSON.stringify(receipt))) && queued) await store!.del(receipt.receiptId);
    }).finally(() => inFlight.delete(receipt.receiptId));
  };
  const contain = (what: string) => (error: unknown) => report(`${what} failed (${String(error)})`);

  async function issue(state: ConsentState): Promise<void> {
    const record = state.record;
    if (!record) return;
    hash ??= sha256(receiptTexts(manager.config, options.locale)).catch(() => null);
    const receipt: Receipt = {
      receiptId: randomId(),
      recordId: record.id,
      timestamp: new Date(record.updated).toISOString(),
      policyVersion: record.policyVersion,
      choices: { ...record.choices },
      method: record.method,
      locale: options.locale,
      textsHash: await hash,
      sdkVersion: SDK_VERSION,
      page,
    };
    // Queued first, so that a failed or interrupted send is retried on the next page load.
    const queued =
      !!store &&
      (await store.set(receipt.receiptId, receipt).then(
        () => true,
        (error) => {
          contain('queueing a receipt')(error);
          return false;
        },
      ));
    await send(receipt, queued);
  }

  async function flush(): Promise<void> {
    if (!store) return;
    const queued = (await store.entries()).map(([, value]) => value as Receipt);
    queued.sort((a, b) => (a.timestamp < b.timestamp ? -1 : 1));
    for (const receipt of queued) if (receipt?.receiptId) await send(receipt, true);
  }

  // After start-up, so the queue never competes with reading the consent itself.
  manager.ready.then(flush).catch(contain('sending queued receipts'));
  // A visitor who decided offline may never load another page: send as soon as they are back.
  const online = () => flush().catch(contain('sending queued receipts'));
  if (typeof addEventListener === 'function') addEventListener('online', online);
  const off = manager.on('decision', (state) => {
    issue(state).catch(contain('sending a receipt'));
  });
  return () => {
    off();
    if (typeof removeEventListener === 'function') removeEventListener('online', online);
  };
}
