import {
  type CategoryId,
  type ChangeEvent,
  type ConsentState,
  createChecks,
  isConfigObject,
  type Report,
} from '@consentgate/core';

/** A Google Consent Mode v2 signal. */
export type ConsentModeSignal =
  | 'ad_storage'
  | 'ad_user_data'
  | 'ad_personalization'
  | 'analytics_storage'
  | 'functionality_storage'
  | 'personalization_storage'
  | 'security_storage';

/** `googleConsentMode` as a site owner writes it (`true` = every default). */
export interface ConsentModeOptions {
  /** Signal → the categories it needs, all granted (an empty list: always denied). Merged over the default mapping. */
  mapping?: Partial<Record<ConsentModeSignal, ReadonlyArray<CategoryId>>>;
  /** Per-region defaults for a first visit: in these regions (ISO 3166-1/-2, `'US'`, `'US-CA'`) the listed categories start granted for Consent Mode. */
  regions?: ReadonlyArray<{ region: ReadonlyArray<string>; granted?: ReadonlyArray<CategoryId> }>;
  /** Milliseconds Google tags wait for an `update` before using the default. Default 500. */
  waitForUpdate?: number;
}

/** `googleConsentMode` after defaults were applied. */
export interface ResolvedConsentMode {
  mapping: Readonly<Record<ConsentModeSignal, ReadonlyArray<CategoryId>>>;
  regions: ReadonlyArray<{ region: ReadonlyArray<string>; granted: ReadonlyArray<CategoryId> }>;
  waitForUpdate: number;
}

/** What Consent Mode says of each signal. */
export type ConsentModeSignals = Record<ConsentModeSignal, 'granted' | 'denied'>;

// ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision: what gtag accepts in `region`.
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

const SIGNALS: ReadonlyArray<ConsentModeSignal> = [
  'ad_storage',
  'ad_user_data',
  'ad_personalization',
  'analytics_storage',
  'functionality_storage',
  'personalization_storage',
  'security_storage',
];

/**
 * `config.googleConsentMode` (given as `value`) as the gate reads it synchronously: `null` when
 * off, else the mapping merged over the default (`functional`, when configured, feeds
 * functionality and personalization storage), the regions and `waitForUpdate`; whatever is off
 * is left out and makes it `suspect`. See {@link resolveConsentMode} for the messages.
 */
export function normalizeConsentMode(
  value: unknown,
  categoryIds: ReadonlyArray<CategoryId>,
): { mode: ResolvedConsentMode | null; suspect: boolean } {
  let suspect = false;
  if (value === undefined || value === false) return { mode: null, suspect };
  if (value !== true && !isConfigObject(value)) return { mode: null, suspect: true };
  const given = value === true ? {} : value;
  const ids = (list: unknown): CategoryId[] => {
    if (!Array.isArray(list)) return ((suspect = true), []);
    const ok = list.filter((id) => categoryIds.includes(id));
    suspect ||= ok.length !== list.length;
    return ok;
  };
  const functional = categoryIds.includes('functional') ? ['functional'] : [];
  const mapping: Record<ConsentModeSignal, ReadonlyArray<CategoryId>> = {
    ad_storage: ['advertising'],
    ad_user_data: ['advertising'],
    ad_personalization: ['advertising'],
    analytics_storage: ['analytics'],
    functionality_storage: functional,
    personalization_storage: functional,
    security_storage: ['necessary'],
  };
  const regions: Array<{ region: string[]; granted: CategoryId[] }> = [];
  let waitForUpdate = 500;
  try {
    for (const key of Object.keys(given)) suspect ||= !['mapping', 'regions', 'waitForUpdate'].includes(key);
    const map = given.mapping;
    if (isConfigObject(map))
      for (const signal of Object.keys(map)) {
        if (SIGNALS.includes(signal as ConsentModeSignal))
          mapping[signal as ConsentModeSignal] = ids(map[signal]);
        else suspect = true;
      }
    else suspect ||= map !== undefined;
    const list = given.regions;
    for (const entry of Array.isArray(list) ? list : ((suspect ||= list !== undefined), [])) {
      const region = Array.isArray(entry?.region)
        ? entry.region.filter((r: unknown) => typeof r === 'string' && REGION.test(r))
        : [];
      suspect ||= !Array.isArray(entry?.region) || region.length !== entry.region.length;
      // An entry left without a valid region would be a global default: dropped.
      if (region.length)
        regions.push({ region, granted: entry.granted === undefined ? [] : ids(entry.granted) });
    }
    const wait = given.waitForUpdate;
    if (typeof wait === 'number' && wait >= 0 && wait <= 60000) waitForUpdate = wait;
    else suspect ||= wait !== undefined;
  } catch {
    suspect = true;
  }
  return { mode: { mapping, regions, waitForUpdate }, suspect };
}

/**
 * Resolves `config.googleConsentMode` (given as `value`), reporting every problem by its path;
 * the value is exactly what {@link normalizeConsentMode} reads.
 */
export function resolveConsentMode(
  value: unknown,
  categoryIds: ReadonlyArray<CategoryId>,
  report: Report = () => {},
): ResolvedConsentMode | null {
  const path = 'googleConsentMode';
  const c = createChecks(report);
  if (value !== undefined && typeof value !== 'boolean' && !isConfigObject(value))
    c.bad(path, 'expected true, false or an object');
  else if (isConfigObject(value)) {
    const category = c.is(
      (v) => typeof v === 'string' && categoryIds.includes(v),
      `expected one of ${categoryIds.join(', ')}`,
    );
    c.object({
      mapping: c.object(Object.fromEntries(SIGNALS.map((signal) => [signal, c.list(category)]))),
      regions: c.list(
        c.object(
          {
            region: c.list(c.matching(REGION, 'expected a region code like US or US-CA')),
            granted: c.list(category),
          },
          'region',
        ),
      ),
      waitForUpdate: c.is(
        (v) => typeof v === 'number' && v >= 0 && v <= 60000,
        'expected a number of milliseconds (0 to 60000)',
      ),
    })(value, path);
  }
  return normalizeConsentMode(value, categoryIds).mode;
}

/**
 * The Consent Mode v2 signals for a set of choices: a signal is `granted` when it maps to at least
 * one category and every one of them is granted (an empty mapping is always `denied`).
 */
export function consentModeSignals(
  mode: ResolvedConsentMode,
  granted: (category: CategoryId) => boolean,
): ConsentModeSignals {
  const signals = {} as ConsentModeSignals;
  for (const signal in mode.mapping) {
    const categories = mode.mapping[signal as ConsentModeSignal];
    signals[signal as ConsentModeSignal] =
      categories.length && categories.every(granted) ? 'granted' : 'denied';
  }
  return signals;
}

/** What Consent Mode reads of the consent: the state now, and its changes. */
export interface ConsentModeSource {
  getConsent(): ConsentState;
  on(event: 'change', listener: (event: ChangeEvent) => void): () => void;
}

/**
 * Google Consent Mode v2: pushes `gtag('consent', 'default', …)` into `target.dataLayer` at once
 * (the stored choice on a returning visit, else everything denied but `security_storage`, plus
 * one entry per configured region), then `gtag('consent', 'update', …)` after every change of the
 * consent. Call it before any other script of the page, so the default is the first entry.
 * Returns the cleanup (stops the updates).
 */
export function installConsentMode(
  consent: ConsentModeSource,
  mode: ResolvedConsentMode | null,
  target: { dataLayer?: unknown } | undefined = typeof window === 'undefined'
    ? undefined
    : (window as { dataLayer?: unknown }),
): () => void {
  if (!mode || !target) return () => {};
  try {
    target.dataLayer ??= [];
    const layer = target.dataLayer as { push?: (entry: unknown) => unknown };
    if (typeof layer?.push !== 'function') throw new TypeError('window.dataLayer has no push()');
    // gtag.js pushes its `arguments` object, and Google tags read only Arguments objects as commands
    // (an array is taken as a plain event). https://developers.google.com/tag-platform/gtagjs/reference
    function gtag(_command: string, _action: string, _parameters: object): void {
      // biome-ignore lint/complexity/noArguments: see above, the Arguments object itself is the protocol.
      layer.push!(arguments);
    }
    const state = consent.getConsent();
    const wait = { wait_for_update: mode.waitForUpdate };
    gtag('consent', 'default', { ...consentModeSignals(mode, (id) => state.choices[id]), ...wait });
    // A region's default would override the stored choice there, so it is for visitors without one.
    if (state.status !== 'given')
      for (const { region, granted } of mode.regions)
        gtag('consent', 'default', {
          ...consentModeSignals(mode, (id) => state.choices[id] || granted.includes(id)),
          region: [...region],
          ...wait,
        });
    return consent.on('change', (event) =>
      gtag(
        'consent',
        'update',
        consentModeSignals(mode, (id) => event.state.choices[id]),
      ),
    );
  } catch (error) {
    console.error(`[consentgate] googleConsentMode: ${String(error)}`);
    return () => {};
  }
}
