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

/**
 * Resolves `config.googleConsentMode` (given as `value`): `null` when off, else the mapping
 * merged over the default, the regions and `waitForUpdate`. Problems go to `report` by path.
 */
export function resolveConsentMode(
  value: unknown,
  categoryIds: ReadonlyArray<CategoryId>,
  report: Report = () => {},
): ResolvedConsentMode | null {
  if (value === undefined || value === false) return null;
  const path = 'googleConsentMode';
  const c = createChecks(report);
  if (value !== true && !isConfigObject(value))
    return c.bad(path, 'expected true, false or an object') ?? null;
  const category = c.is(
    (v) => typeof v === 'string' && categoryIds.includes(v),
    `expected one of ${categoryIds.join(', ')}`,
  );
  const functional = categoryIds.includes('functional') ? ['functional'] : [];
  const mapping: Record<ConsentModeSignal, CategoryId[]> = {
    ad_storage: ['advertising'],
    ad_user_data: ['advertising'],
    ad_personalization: ['advertising'],
    analytics_storage: ['analytics'],
    functionality_storage: functional,
    personalization_storage: functional,
    security_storage: ['necessary'],
  };
  const given = (
    value === true
      ? {}
      : c.object({
          mapping: c.object(
            Object.fromEntries(Object.keys(mapping).map((signal) => [signal, c.list(category)])),
          ),
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
        })(value, path)
  ) as Record<string, unknown>;
  return {
    mapping: { ...mapping, ...(given.mapping as {}) },
    // An entry left without a valid region would be a global default: dropped (already reported).
    regions: ((given.regions || []) as Array<{ region: string[]; granted?: string[] }>)
      .filter((entry) => entry.region.length)
      .map((entry) => ({ region: entry.region, granted: entry.granted || [] })),
    waitForUpdate: (given.waitForUpdate as number | undefined) ?? 500,
  };
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
