import { type ConfigIssue, type ConsentManager, formatIssues, gateText, pageLocale } from '@consentgate/core';
import { h, render } from 'preact';
import { App } from './App';
import { deepActiveElement } from './focus';
import { loadBuiltInLocale } from './load-locale';
import { baseLocale, type LoadLocale } from './locales';
import { installPreferencesTriggers } from './preferences-triggers';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { createStrings } from './translate';
import { createUIModel, type UIModel } from './ui-model';
import { resolveUIOptions } from './ui-options';

/** What the gate drives: the two layers, and a full teardown. */
export interface UIController {
  /** Shows the first-layer banner; focus moves into it when this call opened it. */
  showBanner(): void;
  /** Opens the preferences dialog; focus returns to `opener` (default: the element focused now) on close. */
  showPreferences(opener?: Element | null): void;
  /** Closes the banner and the dialog without recording anything. */
  hide(): void;
  /** Removes everything the UI added: host element, listeners, subscriptions. */
  destroy(): void;
}

export interface MountOptions {
  /** CSP nonce for the `<style>` fallback where constructable stylesheets are missing. */
  nonce?: string;
  /** Where to put the host element. Default: a `<consentgate-ui>` appended to `<body>` (once it exists). */
  container?: HTMLElement;
  /**
   * The ways back into the preferences: `[data-consentgate="preferences"]` clicks (delegated on
   * `document`) and the floating button. Default true; a gate that installs its own before the
   * UI loads (so returning visitors download no UI) passes false.
   */
  triggers?: boolean;
  /** The config's `ui` slice as the site wrote it (the UI validates it; see `resolveUIOptions`). */
  ui?: unknown;
  /** How to get a built-in locale's texts (`mountConsentUI` defaults to a dynamic import per locale). */
  loadLocale?: LoadLocale;
}

/**
 * Mounts the UI for a live consent manager: the banner now when there is no valid consent, else
 * the floating "Privacy settings" button (unless `ui.floatingButton` is false). Only the
 * visitor's locale is loaded. Decisions are written only through `manager`. Never throws into
 * the page: errors are logged.
 */
export function mountConsentUI(manager: ConsentManager, options: MountOptions = {}): UIController {
  return mountWith(manager, { ...options, loadLocale: options.loadLocale ?? loadBuiltInLocale });
}

/**
 * {@link mountConsentUI} with the locale loader given (`options.loadLocale` is required): the
 * script-tag UI file uses it, so it carries no dynamic import of its own.
 */
export function mountWith(
  manager: ConsentManager,
  options: MountOptions & Required<Pick<MountOptions, 'loadLocale'>>,
): UIController {
  let _host: ShadowHost | undefined;
  let _model: UIModel | undefined;
  let destroyed = false;
  const cleanups: Array<() => void> = [];
  // Calls made before the locale and <body> are there run once the UI is mounted.
  const pending: Array<() => void> = [];
  const whenMounted = (action: (model: UIModel) => void) => () =>
    _model ? action(_model) : pending.push(() => _model && action(_model));
  const guard =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A): void => {
      try {
        fn(...args);
      } catch (error) {
        console.error('[consentgate] UI error:', error);
      }
    };
  const config = manager.config;
  const ui = resolveUIOptions(options.ui);
  const locale = pageLocale(config);
  const base = baseLocale(locale);
  report([...ui.issues, ...createStrings({} as never, config.translations, locale, base === locale).issues]);

  const start = guard(() => {
    if (destroyed || _host) return;
    // The (empty) host at once; the banner is drawn into it once the visitor's locale is here.
    _host = createShadowHost(options.container ?? document.body, options.nonce);
    options.loadLocale(base).then(
      guard((bundle) => {
        if (destroyed || !_host) return;
        const consent = manager.getConsent();
        const model = createUIModel({
          config,
          options: ui.options,
          locale,
          consent,
          inline: false,
          bundle,
          writer: {
            acceptAll: (method = 'accept-all') => manager.acceptAll(method),
            rejectAll: () => manager.rejectAll('reject-all'),
            save: (choices, method = 'preferences') => manager.update(choices, method),
          },
        });
        const host = _host!;
        model.root = host.root;
        _model = model;
        if (consent.status !== 'given') model.showBanner(ui.options.blocking);
        cleanups.push(
          manager.on(
            'change',
            guard(({ state }) => {
              model.consent.value = state;
              // Another tab decided, or the consent was reset: follow it (a pending age question is moot).
              model.isBannerOpen.value = state.status !== 'given';
              if (state.status === 'given') model.age.value = null;
            }),
          ),
        );
        if (options.triggers !== false)
          cleanups.push(
            installPreferencesTriggers(document, {
              floatingButton: ui.options.floatingButton,
              text: gateText(config, locale, 'settings'),
              open: (opener) => model.openPreferences(opener),
              consent: manager,
              ready: manager.ready,
            }),
          );
        render(h(App, { model }), host.root);
        for (const action of pending.splice(0)) action();
      }),
      (error: unknown) => console.error(`[consentgate] could not load the ${base} texts: ${String(error)}`),
    );
  });

  if (options.container || document.body) start();
  else {
    document.addEventListener('DOMContentLoaded', start, { once: true });
    cleanups.push(() => document.removeEventListener('DOMContentLoaded', start));
  }

  return {
    // Focus moves into the banner only when this call opens it: the gate's own first call, made
    // while the banner is already showing, must not steal focus from the page.
    showBanner: guard(whenMounted((model) => model.showBanner(!model.isBannerOpen.value))),
    showPreferences: guard((opener?: Element | null) => {
      const from = deepActiveElement(opener ?? document.activeElement);
      whenMounted((model) => model.openPreferences(from))();
    }),
    hide: guard(
      whenMounted((model) => {
        model.closePreferences();
        model.isBannerOpen.value = false;
        model.age.value = null;
      }),
    ),
    destroy: guard(() => {
      destroyed = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
      if (_host) render(null, _host.root);
      _host?.remove();
      _host = _model = undefined;
    }),
  };
}

function report(issues: ReadonlyArray<ConfigIssue>): void {
  if (issues.length) console.error(`[consentgate] ${formatIssues(issues)}`);
}
