import type { CategoryId, ConsentMethod, ConsentState, ResolvedConfig } from '@consentgate/core';
import { computed, type ReadonlySignal, type Signal, signal } from '@preact/signals';
import { deepActiveElement, focusables } from './focus';
import { type BuiltInLocale, baseLocale, builtInCategories, type LocaleBundle } from './locales';
import { createStrings, type Strings } from './translate';
import type { UIOptions } from './ui-options';

/** How the model records a decision: the consent manager, or nothing at all in a preview. */
export interface ConsentWriter {
  /** `method` is `'guardian'` when a parent or guardian consents; else the writer's default. */
  acceptAll(method?: ConsentMethod): Promise<ConsentState>;
  rejectAll(): Promise<ConsentState>;
  save(choices: Readonly<Record<CategoryId, boolean>>, method?: ConsentMethod): Promise<ConsentState>;
}

/** The visitor's answer to the age question (`minimumAge`). */
export type AgeAnswer = 'adult' | 'guardian' | 'under';

/** The state the components render, as signals, and the actions they call. */
export interface UIModel {
  readonly config: Signal<ResolvedConfig>;
  readonly options: Signal<UIOptions>;
  readonly locale: Signal<string>;
  /** The texts of the built-in locale this one starts from (English for a config-only locale). */
  readonly bundle: Signal<LocaleBundle>;
  readonly strings: ReadonlySignal<Strings>;
  /** The built-in categories' texts in the UI's language, under the site's own (see `categoryText`). */
  readonly builtIns: ReadonlySignal<Record<string, { label: string; description: string }>>;
  readonly consent: Signal<ConsentState>;
  readonly isBannerOpen: Signal<boolean>;
  readonly isPreferencesOpen: Signal<boolean>;
  /** The switches of the preferences dialog, before they are saved. */
  readonly draft: Signal<Readonly<Record<CategoryId, boolean>>>;
  /** The decision waiting for the age question's answer (`minimumAge`), if any. */
  readonly age: Signal<'accept' | 'save' | null>;
  /** A preview: rendered in place, never over the host page, never modal. */
  readonly inline: boolean;
  acceptAll(): void;
  rejectAll(): void;
  save(): void;
  /** Records the decision waiting in `age`: as asked (`adult`), with method `guardian`, or necessary only (`under`). */
  answerAge(answer: AgeAnswer): void;
  /** Leaves the age question without recording anything. */
  cancelAge(): void;
  showBanner(focus: boolean): void;
  openPreferences(opener?: Element | null): void;
  closePreferences(): void;
  /** Where the UI is rendered; focus fallbacks look here. Set by the mount. */
  root?: ShadowRoot;
}

/**
 * The switches to show: the valid record's choices, else (expired or outdated consent) the
 * previous record's, so a visitor re-consents without their settings changing; anything else
 * off. `necessary` is always on.
 */
export function prefill(state: ConsentState, ids: ReadonlyArray<CategoryId>): Record<CategoryId, boolean> {
  const from = state.record?.choices ?? (state.status === 'none' ? undefined : state.previous?.choices) ?? {};
  return Object.fromEntries(ids.map((id) => [id, id === 'necessary' || from[id] === true]));
}

/** Creates the signals and actions of one mounted UI (or one preview). */
export function createUIModel(init: {
  config: ResolvedConfig;
  options: UIOptions;
  locale: string;
  consent: ConsentState;
  writer: ConsentWriter | null;
  inline: boolean;
  bundle: LocaleBundle;
}): UIModel {
  const { writer } = init;
  const config = signal(init.config);
  const locale = signal(init.locale);
  const consent = signal(init.consent);
  const bundle = signal(init.bundle);
  const base = computed((): BuiltInLocale => baseLocale(locale.value));
  const isBannerOpen = signal(false);
  const isPreferencesOpen = signal(false);
  const draft = signal(prefill(init.consent, init.config.categoryIds));
  const age = signal<'accept' | 'save' | null>(null);
  let _opener: Element | null = null;

  // Runs after Preact has committed the pending render (it renders in a microtask).
  const afterRender = (fn: () => void) => setTimeout(fn, 0);

  // Focus the first control of the top layer (the preferences when open, else the banner) in `selector`.
  const focusIn = (selector: string) =>
    afterRender(() => {
      const panel = model.root?.querySelector(isPreferencesOpen.value ? '.d' : '.b');
      const target = panel?.querySelector(selector) ?? panel;
      if (target) focusables(target)[0]?.focus();
    });

  // With `minimumAge`, granting anything waits for the age question; rejecting never does.
  const ask = (what: 'accept' | 'save', grants: boolean, record: () => void) => {
    if (config.value.minimumAge === undefined || !grants) return record();
    age.value = what;
    focusIn('.age');
  };

  // The layers close once the decision is recorded (a few milliseconds: storage, other tabs).
  const decide = (pending: Promise<ConsentState> | undefined) => {
    age.value = null;
    pending?.then(applyDecision);
  };
  const applyDecision = (state: ConsentState) => {
    consent.value = state;
    draft.value = prefill(state, config.value.categoryIds);
    if (state.status === 'given') isBannerOpen.value = false;
    model.closePreferences();
  };

  const model: UIModel = {
    config,
    options: signal(init.options),
    locale,
    bundle,
    strings: computed(
      () =>
        createStrings(
          bundle.value.strings,
          config.value.translations,
          locale.value,
          base.value === locale.value,
        ).strings,
    ),
    builtIns: computed(() => builtInCategories(bundle.value, base.value)),
    consent,
    isBannerOpen,
    isPreferencesOpen,
    draft,
    age,
    inline: init.inline,
    acceptAll: () => ask('accept', true, () => decide(writer?.acceptAll())),
    rejectAll: () => decide(writer?.rejectAll()),
    save: () =>
      ask(
        'save',
        Object.entries(draft.value).some(([id, on]) => on && id !== 'necessary'),
        () => decide(writer?.save(draft.value)),
      ),
    answerAge(answer) {
      const what = age.value;
      if (!what) return;
      // Under age without a guardian: necessary only, recorded as 'reject-all' (what it is), so
      // the record never states that the visitor is a minor.
      if (answer === 'under') return decide(writer?.rejectAll());
      const method = answer === 'guardian' ? 'guardian' : undefined;
      decide(what === 'accept' ? writer?.acceptAll(method) : writer?.save(draft.value, method));
    },
    cancelAge() {
      age.value = null;
      focusIn('.acts');
    },
    showBanner(focus) {
      isBannerOpen.value = true;
      if (focus)
        afterRender(() => model.root && focusables(model.root.querySelector('.b') ?? model.root)[0]?.focus());
    },
    openPreferences(opener) {
      if (isPreferencesOpen.value) return;
      _opener = deepActiveElement(opener ?? document.activeElement);
      age.value = null;
      draft.value = prefill(consent.value, config.value.categoryIds);
      isPreferencesOpen.value = true;
      if (!init.inline)
        afterRender(() => model.root && focusables(model.root.querySelector('.d') ?? model.root)[0]?.focus());
    },
    closePreferences() {
      if (!isPreferencesOpen.value) return;
      age.value = null;
      isPreferencesOpen.value = false;
      const opener = _opener as HTMLElement | null;
      _opener = null;
      afterRender(() => {
        // The opener may be gone (the banner's own button, after a decision): the floating
        // button or the banner take focus instead, so keyboard users are not dropped at the top.
        const target = opener?.isConnected
          ? opener
          : (floatingButton() ?? model.root?.querySelector<HTMLElement>('.b button'));
        target?.focus?.();
      });
    },
  };
  return model;
}

/** The floating "Privacy settings" button, when one is shown (see preferences-triggers.ts). */
function floatingButton(): HTMLElement | null {
  return document.querySelector('[data-consentgate="floating"]')?.shadowRoot?.querySelector('button') ?? null;
}
