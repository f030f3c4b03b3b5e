// The public shapes of @consentgate/core. Every other package builds on these; change them only
// together with DESIGN.md, the README and the tests.

/** A category id: lower-case letters, digits and `_`, starting with a letter (`analytics`). */
export type CategoryId = string;

/** Text given either once for every locale, or per locale: `{ en: 'Ads', 'zh-CN': '广告' }`. */
export type LocalizedText = string | Readonly<Record<string, string>>;

/** One service (vendor) a category covers, shown in the preferences dialog. */
export interface ServiceInfo {
  name: string;
  provider?: string;
  purpose?: LocalizedText;
  /** Cookies it sets: a name, or a pattern with `*` (`_ga_*`). */
  cookies?: ReadonlyArray<string | CookieInfo>;
}

export interface CookieInfo {
  name: string;
  lifetime?: LocalizedText;
  purpose?: LocalizedText;
}

export interface CategoryConfig {
  label?: LocalizedText;
  description?: LocalizedText;
  services?: ReadonlyArray<ServiceInfo>;
  /**
   * Cookie names (or `*` patterns) that belong to this category: writes are dropped while it is
   * denied, and they are deleted when it is revoked. The built-in catalogue adds its own.
   */
  cookies?: ReadonlyArray<string>;
  /** Never included in "Accept all"; needs its own explicit switch (e.g. cross-border transfer). */
  separate?: boolean;
  /** Who receives the data, shown with a `separate` category (e.g. the recipient abroad). */
  recipient?: RecipientInfo;
}

/** The party a category's data goes to, shown beside its switch (cross-border transfer, sharing). */
export interface RecipientInfo {
  name: string;
  /** An address, e-mail or phone number to reach the recipient. */
  contact?: string;
  purpose?: LocalizedText;
  /** The kinds of personal data sent (`'device id, pages visited'`). */
  dataTypes?: LocalizedText;
}

export type SameSite = 'Lax' | 'Strict' | 'None';

export interface CookieOptions {
  /** Default `cg_consent`. */
  name?: string;
  /** e.g. `.example.com` to share one consent across sub-domains. Default: the current host. */
  domain?: string;
  /** Default `/`. */
  path?: string;
  /** Default `Lax`. `None` requires https. */
  sameSite?: SameSite;
}

/**
 * The keys of `window.consentgateConfig` that core reads. Every field is optional. The features
 * add theirs (the blocker's `rules`, Consent Mode, receipts, `ui`, …); `ConsentGateConfig` in the
 * `consentgate` package is the whole.
 */
export interface CoreConfig {
  /** Categories beyond (or overriding the texts of) the built-in four. `necessary` is always granted. */
  categories?: Readonly<Record<CategoryId, CategoryConfig>>;
  /** Changing it voids every recorded consent: the banner shows again, pre-filled. Default `'1'`. */
  policyVersion?: string;
  policyUrl?: string;
  /** Older policy versions: `{ '1': 'https://example.com/privacy/v1' }`. */
  policyArchive?: Readonly<Record<string, string>>;
  cookie?: CookieOptions;
  /** Days a consent stays valid. Default 182 (six months); the cookie lives at most 400 days. */
  lifetimeDays?: number;
  /** Forced locale (`'en'`, `'zh-CN'`). Default: `<html lang>`, then `navigator.languages`. */
  locale?: string;
  /** Per-locale overrides of every UI string; a new locale can be added here alone. */
  translations?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Honour Global Privacy Control (`navigator.globalPrivacyControl`): "Accept all" then leaves these
   * categories denied (default `['advertising', 'pixels']`). `false` ignores the signal. Default `true`.
   */
  gpc?: boolean | { categories?: ReadonlyArray<CategoryId> };
  /** Below this age a guardian must consent before any non-necessary category is granted (read by the UI). */
  minimumAge?: number;
  /** What changed in this policy version, shown in the banner when a consent became outdated. */
  policyChanges?: LocalizedText;
}

/** The core slice of a config after defaults were applied and invalid fields replaced by their defaults. */
export interface ResolvedConfig {
  categories: Readonly<Record<CategoryId, CategoryConfig>>;
  /** Category ids in display order; `necessary` first. */
  categoryIds: ReadonlyArray<CategoryId>;
  policyVersion: string;
  policyUrl: string | undefined;
  policyArchive: Readonly<Record<string, string>>;
  cookie: Required<Omit<CookieOptions, 'domain'>> & { domain: string | undefined };
  lifetimeDays: number;
  locale: string | undefined;
  translations: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `honour: false` when the signal is ignored. */
  gpc: { honour: boolean; categories: ReadonlyArray<CategoryId> };
  minimumAge: number | undefined;
  policyChanges: LocalizedText | undefined;
}

/** One problem found in a config: `{ path: 'categories.analytics.label', message: 'expected a string' }`. */
export interface ConfigIssue {
  path: string;
  message: string;
}

/** How a choice was made. */
export type ConsentMethod =
  | 'accept-all'
  | 'reject-all'
  | 'preferences'
  | 'api'
  | 'gpc'
  | 'guardian'
  | 'restored';

/** The full record of one visitor's choice. Times are epoch milliseconds. */
export interface ConsentRecord {
  /** Format version of the record; a newer one than this code knows reads as "no consent". */
  v: 1;
  /** Random id (crypto), kept across updates of the same visitor's choice. */
  id: string;
  policyVersion: string;
  /** Every known category; `necessary` is always `true`. */
  choices: Readonly<Record<CategoryId, boolean>>;
  created: number;
  updated: number;
  expires: number;
  method: ConsentMethod;
  locale: string;
}

/** One entry of the history kept in IndexedDB. */
export interface ConsentHistoryEntry {
  at: number;
  policyVersion: string;
  choices: Readonly<Record<CategoryId, boolean>>;
  method: ConsentMethod;
}

export type ConsentStatus =
  /** No record: the banner is needed. */
  | 'none'
  /** A valid record. */
  | 'given'
  /** A record whose lifetime is over: banner again, pre-filled. */
  | 'expired'
  /** A record for another `policyVersion`: banner again, pre-filled. */
  | 'outdated';

/** What `getConsent()` returns. */
export interface ConsentState {
  status: ConsentStatus;
  /** Effective choices now: `necessary` true; everything else as recorded while `given`, else false. */
  choices: Readonly<Record<CategoryId, boolean>>;
  /** The valid record, when `status === 'given'`. */
  record: ConsentRecord | null;
  /** The void record (expired / outdated) whose choices pre-fill the next banner. */
  previous: ConsentRecord | null;
  /** The visitor sends Global Privacy Control and the config honours it (`gpc`). */
  gpc: boolean;
}

export interface ChangeEvent {
  state: ConsentState;
  /** Categories whose effective value changed. */
  changed: ReadonlyArray<CategoryId>;
  /** True when the change came from another tab. */
  remote: boolean;
}

export interface ConsentEvents {
  /** The effective choices or the status changed (a decision, an update, a reset, another tab, a restore). */
  change: (event: ChangeEvent) => void;
  /**
   * A valid consent exists: on start-up when one was stored (once, just before `ready` resolves,
   * so listeners added right after creation see it), and after every decision, here or in another tab.
   */
  consent: (state: ConsentState) => void;
  /**
   * A decision was made here (`acceptAll`, `rejectAll`, `update`): not another tab's, not the
   * start-up announcement. Fires after `change` and `consent`, even when no choice changed.
   */
  decision: (state: ConsentState) => void;
}

/**
 * The read-only, synchronous view the blocker decides with. `get` answers "may this category
 * reach the network right now?"; `subscribe` is called after every change of the answers.
 */
export interface ConsentSource {
  get(category: CategoryId): boolean;
  subscribe(listener: () => void): () => void;
}

/** The consent API: the same object as `window.consentgate` minus the UI methods. */
export interface ConsentManager {
  readonly config: ResolvedConfig;
  /** Problems found in the config given (empty when it was valid). */
  readonly issues: ReadonlyArray<ConfigIssue>;
  /** Resolves once IndexedDB was read and reconciled with the cookie (or timed out). Never rejects. */
  readonly ready: Promise<void>;
  readonly source: ConsentSource;
  getConsent(): ConsentState;
  /** Grants every category except `separate` ones; resolves with the new state once recorded. */
  acceptAll(method?: ConsentMethod): Promise<ConsentState>;
  /** Denies every category except `necessary`; resolves with the new state once recorded. */
  rejectAll(method?: ConsentMethod): Promise<ConsentState>;
  /**
   * Records a choice. Categories not named keep their current value (denied when there was no
   * valid consent); unknown category ids are reported and ignored; `necessary` stays granted.
   * Resolves with the new state once recorded (never rejects).
   */
  update(choices: Readonly<Record<CategoryId, boolean>>, method?: ConsentMethod): Promise<ConsentState>;
  /** Forgets the consent everywhere (cookie, IndexedDB, other tabs): back to status `none`. */
  reset(): Promise<void>;
  on<E extends keyof ConsentEvents>(event: E, listener: ConsentEvents[E]): () => void;
  /** Resolves when `category` is granted (at once when it already is). */
  whenGranted(category: CategoryId): Promise<void>;
  /** History of choices from IndexedDB, oldest first (empty when IndexedDB is unavailable). */
  history(): Promise<ReadonlyArray<ConsentHistoryEntry>>;
  /** Closes the tab channel and drops listeners. */
  destroy(): void;
}

/** Where the consent cookie is read and written; `document.cookie` by default. */
export interface CookieJar {
  /** The whole cookie string, as `document.cookie` returns it. */
  get(): string;
  /** Sets one cookie, as `document.cookie = …` does. */
  set(cookie: string): void;
}

/**
 * A promise-based key-value store, shaped like idb-keyval's `get`/`set`/`del` bound to one store.
 * The default is IndexedDB database `consentgate`, object store `consent`.
 */
export interface RecordStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

/** The part of `BroadcastChannel` the manager uses to talk to other tabs. */
export interface TabChannel {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

/** A `RecordStore` that can also list what it holds (a queue in IndexedDB). */
export interface KeyValueStore extends RecordStore {
  /** Every `[key, value]` pair, in key order. */
  entries(): Promise<Array<[string, unknown]>>;
}
