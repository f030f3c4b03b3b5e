// The consent kernel: what a page needs synchronously, before any other script runs. It reads
// the consent cookie, answers "may this category pass?" and tells listeners about changes.
// Storage, other tabs, expiry and decisions are attached later (see attach-manager.ts).
import { consentState } from './consent-status';
import { readConsentCookie } from './cookie-codec';
import { createEmitter } from './emitter';
import type {
  CategoryId,
  ChangeEvent,
  ConsentRecord,
  ConsentSource,
  ConsentState,
  CookieJar,
  ResolvedConfig,
} from './types';

/** The events of a kernel: the public three, and `source` for the blocker. */
export type KernelEvents = {
  change: (event: ChangeEvent) => void;
  consent: (state: ConsentState) => void;
  decision: (state: ConsentState) => void;
  source: (arg: undefined) => void;
  /** After every `apply`, changed or not (the expiry watch re-arms on it). */
  applied: (arg: undefined) => void;
};

/** Replaces the effects of a kernel, for tests and embedders. Every field is optional. */
export interface KernelOptions {
  /** Clock in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
  /** Default: `document.cookie` (nothing when there is no `document`). */
  cookies?: CookieJar;
  /** Whether the visitor sends Global Privacy Control. Default `navigator.globalPrivacyControl === true`. */
  gpc?: boolean;
  /** Receives every problem (storage failures, throwing listeners). Default `console.error` with a `[consentgate] ` prefix. */
  onError?: (message: string) => void;
}

/** See {@link createConsentKernel}. */
export interface ConsentKernel {
  readonly config: ResolvedConfig;
  readonly source: ConsentSource;
  readonly jar: CookieJar;
  /** The visitor sends GPC and the config honours it. */
  readonly gpc: boolean;
  now(): number;
  getConsent(): ConsentState;
  /** The consent record the page holds (valid or not). */
  record(): ConsentRecord | null;
  /** The newest valid record in the cookie now (another tab may have written it). */
  readCookie(): ConsentRecord | null;
  /** Makes `record` the page's consent: `source` listeners first, then `change` when anything changed. */
  apply(record: ConsentRecord | null, remote: boolean): void;
  emit<K extends 'consent' | 'decision'>(event: K, state: ConsentState): void;
  on<K extends keyof KernelEvents>(event: K, listener: KernelEvents[K]): () => void;
  /** Resolves when `category` is granted (at once when it already is). */
  whenGranted(category: CategoryId): Promise<void>;
  /** Reports a problem through `onError`; never throws. */
  report(message: string, error?: unknown): void;
  /** Runs `run`; a throw is reported as `what failed` and `fallback` returned. */
  guard<T>(what: string, run: () => T, fallback?: T): T;
  /** Tells the blocker to look at what it holds again (consent unchanged), e.g. once placeholder texts arrived. */
  refresh(): void;
  /** Drops every listener. */
  destroy(): void;
}

/**
 * Creates the kernel for a resolved (or normalised) config: reads the consent cookie at once, so
 * `source.get(category)` and `getConsent()` answer synchronously. Never throws.
 */
export function createConsentKernel(config: ResolvedConfig, options: KernelOptions = {}): ConsentKernel {
  const report = (message: string, error?: unknown) => {
    try {
      (options.onError || ((text: string) => console.error(`[consentgate] ${text}`)))(
        error === undefined ? message : `${message}: ${error}`,
      );
    } catch {}
  };
  const guard = <T>(what: string, run: () => T, fallback?: T): T => {
    try {
      return run();
    } catch (error) {
      report(`${what} failed`, error);
      return fallback as T;
    }
  };
  const now = () => Math.floor((options.now || Date.now)());
  const hasDocument = typeof document !== 'undefined';
  const jar: CookieJar = options.cookies || {
    get: () => (hasDocument ? document.cookie : ''),
    set: (cookie) => {
      // biome-ignore lint/suspicious/noDocumentCookie: the gate must write synchronously; cookieStore is async.
      if (hasDocument) document.cookie = cookie;
    },
  };
  // Global Privacy Control (https://w3c.github.io/gpc/): read once; a getter the page defines may throw.
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
  const events = createEmitter<KernelEvents>(
    ['change', 'consent', 'decision', 'source', 'applied'],
    (error) => report('a listener failed', error),
  );
  const readCookie = () => guard('cookie read', () => readConsentCookie(jar.get(), config.cookie.name), null);
  let record = readCookie();
  let state = consentState(record, config, now(), gpc);

  return {
    config,
    jar,
    gpc,
    now,
    report,
    guard,
    readCookie,
    record: () => record,
    getConsent: () => state,
    source: {
      get: (id) => state.choices[id] === true,
      subscribe: (listener) => events.on('source', listener),
    },
    apply(next, remote) {
      const before = state;
      record = next;
      state = consentState(next, config, now(), gpc);
      const changed = config.categoryIds.filter((id) => before.choices[id] !== state.choices[id]);
      if (changed.length) events.emit('source', undefined);
      if (changed.length || before.status !== state.status) events.emit('change', { state, changed, remote });
      events.emit('applied', undefined);
    },
    emit: (event, arg) => events.emit(event, arg),
    on(event, listener) {
      try {
        return events.on(event, listener);
      } catch {
        report('on: expected "change", "consent" or "decision" and a function');
        return () => {};
      }
    },
    whenGranted: (id) =>
      new Promise<void>((resolve) => {
        if (!config.categoryIds.includes(id)) return report(`whenGranted: unknown category "${id}"`);
        const off = events.on('source', () => {
          if (state.choices[id]) {
            off();
            resolve();
          }
        });
        if (state.choices[id]) {
          off();
          resolve();
        }
      }),
    refresh: () => events.emit('source', undefined),
    destroy: () => events.clear(),
  };
}
