import type { CategoryId, ConsentManager, ConsentModeSignal, ResolvedConsentMode } from '@consentgate/core';

/** What Consent Mode says of each signal. */
export type ConsentModeSignals = Record<ConsentModeSignal, 'granted' | 'denied'>;

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

/**
 * Google Consent Mode v2, when `config.googleConsentMode` is set: pushes
 * `gtag('consent', 'default', …)` into `target.dataLayer` at once (the stored choice on a returning
 * visit, else everything denied but `security_storage`, plus one entry per configured region), then
 * `gtag('consent', 'update', …)` after every change of the consent. Call it before any other
 * script of the page, so the default is the first entry. Returns the cleanup (stops the updates).
 */
export function installConsentMode(
  manager: ConsentManager,
  target: { dataLayer?: unknown } | undefined = typeof window === 'undefined'
    ? undefined
    : (window as { dataLayer?: unknown }),
): () => void {
  const mode = manager.config.googleConsentMode;
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
    const state = manager.getConsent();
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
    return manager.on('change', (event) =>
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
