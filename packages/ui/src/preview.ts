import type { CategoryId, ConfigIssue, ConsentState, ResolvedConfig } from '@consentgate/core';
import { CORE_KEYS, pageLocale, resolveConfig } from '@consentgate/core';
import { batch } from '@preact/signals';
import { h, render } from 'preact';
import { App } from './App';
import { loadBuiltInLocale } from './load-locale';
import { type BuiltInLocale, baseLocale, type LoadLocale, type LocaleBundle } from './locales';
import { createShadowHost, type ShadowHost } from './shadow-host';
import { createStrings } from './translate';
import { createUIModel, prefill, type UIModel } from './ui-model';
import { resolveUIOptions, type Theme } from './ui-options';

/** A live dashboard preview; see {@link preview}. */
export interface PreviewHandle {
  /** Re-renders with `config`; returns its issues (empty when valid). */
  update(config: unknown): ReadonlyArray<ConfigIssue>;
  /** The issues of the config given last. */
  readonly issues: ReadonlyArray<ConfigIssue>;
  /** Removes the preview from the element. */
  destroy(): void;
}

export interface PreviewOptions {
  /** Show only one layer. Default: the banner and the preferences, one above the other. */
  view?: 'banner' | 'preferences';
  /** Default: as a live page would choose (config, `<html lang>`, browser languages). */
  locale?: string;
  /** Overrides `ui.theme`. */
  theme?: Exclude<Theme, 'auto'>;
  /** Whose page to show; default `'first'`. See {@link PreviewVisitor}. */
  visitor?: PreviewVisitor;
  /**
   * Every problem of a config (a dashboard passes `checkConfig` from `consentgate`, which knows
   * every feature's keys). Default: the checks of core's fields and of `ui`; other top-level
   * keys are taken as some feature's.
   */
  check?: (config: unknown) => ReadonlyArray<ConfigIssue>;
  /** How to get a built-in locale's texts. Default: a dynamic import per locale. */
  loadLocale?: LoadLocale;
}

/**
 * The visitor a preview shows the banner to, so a site owner sees every state a live page has:
 * - `'first'`: no consent yet;
 * - `'updated'`: a consent given under an earlier policy version (the newest other key of
 *   `policyArchive`, else `'previous'`), so the banner says the policy changed (with
 *   `policyChanges`) and the switches are pre-filled with that consent's choices (the first
 *   optional category granted, the others not);
 * - `'gpc'`: a browser that sends Global Privacy Control (nothing changes when `gpc` is `false`);
 * - `'age'`: the age question "Accept all" asks when `minimumAge` is set (else the first visit).
 */
export type PreviewVisitor = 'first' | 'updated' | 'gpc' | 'age';

const NO_CONSENT: ConsentState = {
  status: 'none',
  choices: { necessary: true },
  record: null,
  previous: null,
  gpc: false,
};

/** The consent state a live page would have for `visitor` under `config`. */
function visitorConsent(visitor: PreviewVisitor, config: ResolvedConfig): ConsentState {
  if (visitor === 'gpc') return { ...NO_CONSENT, gpc: config.gpc.honour };
  if (visitor !== 'updated') return NO_CONSENT;
  const versions = Object.keys(config.policyArchive).filter((v) => v !== config.policyVersion);
  const optional = config.categoryIds.filter((id) => id !== 'necessary');
  const choices = Object.fromEntries(
    config.categoryIds.map((id): [CategoryId, boolean] => [id, id === 'necessary' || id === optional[0]]),
  );
  const at = Date.now();
  return {
    ...NO_CONSENT,
    status: 'outdated',
    previous: {
      v: 1,
      id: 'preview',
      policyVersion: versions.at(-1) ?? 'previous',
      choices,
      created: at,
      updated: at,
      expires: at,
      method: 'accept-all',
      locale: '',
    },
  };
}

/**
 * Renders the banner and the preferences into `element` for a dashboard: no storage, no
 * blocking, nothing fixed over the host page. A config with issues is reported (returned and in
 * `issues`), never thrown, and the last valid rendering stays.
 */
export function preview(element: HTMLElement, config: unknown, options: PreviewOptions = {}): PreviewHandle {
  let _issues: ReadonlyArray<ConfigIssue> = [];
  const _host: ShadowHost = createShadowHost(element);
  let _model: UIModel | undefined;
  // Locale texts load on first use (a chunk per locale); the newest update is the one rendered.
  const bundles = new Map<BuiltInLocale, Promise<LocaleBundle>>();
  let latest = 0;

  const update = (input: unknown): ReadonlyArray<ConfigIssue> => {
    try {
      const resolved = resolveConfig(input, {
        otherKeys:
          typeof input === 'object' && input !== null
            ? Object.keys(input).filter((key) => !CORE_KEYS.includes(key))
            : [],
      });
      const ui = resolveUIOptions(
        typeof input === 'object' && input !== null ? (input as { ui?: unknown }).ui : undefined,
      );
      const locale = options.locale ?? pageLocale(resolved.config);
      const base = baseLocale(locale);
      _issues = [
        ...(options.check ? options.check(input) : [...resolved.issues, ...ui.issues]),
        ...createStrings({} as never, resolved.config.translations, locale, base === locale).issues,
      ];
      if (_issues.length && _model) return _issues;
      if (options.theme) ui.options.theme = options.theme;
      const visitor = options.visitor ?? 'first';
      const consent = visitorConsent(visitor, resolved.config);
      const apply = (bundle: LocaleBundle) => {
        if (!_model) {
          _model = createUIModel({
            config: resolved.config,
            options: ui.options,
            locale,
            consent,
            writer: null,
            inline: true,
            bundle,
          });
          _model.root = _host.root;
          render(h(App, { model: _model }), _host.root);
        }
        const model = _model;
        batch(() => {
          model.config.value = resolved.config;
          model.options.value = ui.options;
          model.locale.value = locale;
          model.bundle.value = bundle;
          model.consent.value = consent;
          model.draft.value = prefill(consent, resolved.config.categoryIds);
          model.isBannerOpen.value = options.view !== 'preferences';
          model.isPreferencesOpen.value = options.view !== 'banner';
          // What a live banner shows after "Accept all" when a minimum age is set.
          model.age.value = visitor === 'age' && resolved.config.minimumAge !== undefined ? 'accept' : null;
        });
      };
      const mine = ++latest;
      let loading = bundles.get(base);
      if (!loading) bundles.set(base, (loading = (options.loadLocale ?? loadBuiltInLocale)(base)));
      loading
        .then((bundle) => mine === latest && apply(bundle))
        .catch((error: unknown) => {
          _issues = [{ path: '', message: `could not load the ${base} texts: ${String(error)}` }];
        });
    } catch (error) {
      _issues = [{ path: '', message: `could not render the preview: ${String(error)}` }];
    }
    return _issues;
  };

  update(config);
  return {
    update,
    get issues() {
      return _issues;
    },
    destroy() {
      latest = -1;
      render(null, _host.root);
      _host.remove();
      _model = undefined;
    },
  };
}
