import type { ConfigIssue, ConsentManager } from '@consentgate/core';
import { resolveLocale } from '@consentgate/core';
import { h, render } from 'preact';
import { App } from './App';
import { deepActiveElement } from './focus';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { availableLocales, createStrings } from './translate';
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
}

/**
 * Mounts the UI for a live consent manager: the banner now when there is no valid consent, else
 * the floating "Privacy settings" button (unless `ui.floatingButton` is false). Decisions are
 * written only through `manager`. Never throws into the page: errors are logged.
 */
export function mountConsentUI(manager: ConsentManager, options: MountOptions = {}): UIController {
  let _host: ShadowHost | undefined;
  let _model: UIModel | undefined;
  const cleanups: Array<() => void> = [];
  // Calls made before <body> exists run once the UI is mounted.
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

  const start = guard(() => {
    const config = manager.config;
    const ui = resolveUIOptions(options.ui);
    if (options.triggers === false) ui.options.floatingButton = false;
    const locale = resolveLocale(
      config.locale,
      availableLocales(config.translations),
      document.documentElement.lang,
      navigator.languages,
    );
    report([...ui.issues, ...createStrings(config.translations, locale).issues]);
    const consent = manager.getConsent();
    const model = createUIModel({
      config,
      options: ui.options,
      locale,
      consent,
      inline: false,
      writer: {
        acceptAll: (method = 'accept-all') => manager.acceptAll(method),
        rejectAll: () => manager.rejectAll('reject-all'),
        save: (choices, method = 'preferences') => manager.update(choices, method),
      },
    });
    _host = createShadowHost(options.container ?? document.body, options.nonce);
    model.root = _host.root;
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
    if (options.triggers !== false) {
      const onClick = guard((event: Event) => {
        const trigger = (event.target as Element | null)?.closest?.('[data-consentgate="preferences"]');
        if (!trigger) return;
        event.preventDefault();
        model.openPreferences(trigger);
      });
      document.addEventListener('click', onClick);
      cleanups.push(() => document.removeEventListener('click', onClick));
    }
    render(h(App, { model }), _host.root);
    for (const action of pending.splice(0)) action();
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
      for (const cleanup of cleanups.splice(0)) cleanup();
      if (_host) render(null, _host.root);
      _host?.remove();
      _host = _model = undefined;
    }),
  };
}

function report(issues: ReadonlyArray<ConfigIssue>): void {
  if (issues.length)
    console.error(`[consentgate] ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
}
