import type { LocalizedText } from '@consentgate/core';
import type { PreviewVisitor } from '@consentgate/ui';
import { DEFAULT_CATEGORY_TEXTS as DEFAULT_CATEGORIES } from '@consentgate/ui';
import type { ConsentGateConfig } from 'consentgate';

/** The locales the dashboard edits texts for (the UI's built-in ones). */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** The banner strings the form offers (every other key can go in "Other options"). */
export const TEXT_KEYS = [
  'bannerTitle',
  'bannerText',
  'acceptAll',
  'rejectAll',
  'manage',
  'policyLink',
] as const;
export type TextKey = (typeof TEXT_KEYS)[number];

/** One category as the form edits it. Services: one per line, `Name | provider | cookie, cookie`. */
export interface CategoryDraft {
  id: string;
  label: Record<Locale, string>;
  description: Record<Locale, string>;
  services: string;
  cookies: string;
}

/** Everything the dashboard keeps (and saves in localStorage). */
export interface DashboardState {
  texts: Record<Locale, Partial<Record<TextKey, string>>>;
  colors: { accent: string; background: string; text: string };
  position: 'bar' | 'box' | 'center';
  radius: string;
  policyVersion: string;
  policyUrl: string;
  categories: CategoryDraft[];
  /** Every other config option, as JSON text (`rules`, `cookie`, `lifetimeDays`, …). */
  other: string;
  previewLocale: Locale;
  previewTheme: 'light' | 'dark';
  /** Which visitor the preview shows (see `preview`'s `visitor` option). */
  previewVisitor: PreviewVisitor;
}

const BUILT_IN_IDS = Object.keys(DEFAULT_CATEGORIES);

/** Whether `id` is one of the built-in categories (which can be edited but not removed). */
export const isBuiltIn = (id: string) => BUILT_IN_IDS.includes(id);

function perLocale(text: LocalizedText | undefined): Record<Locale, string> {
  if (typeof text === 'string') return { en: text, 'zh-CN': '' };
  return { en: text?.en ?? '', 'zh-CN': text?.['zh-CN'] ?? '' };
}

/** A new category: empty texts, no services. */
export function emptyCategory(id: string): CategoryDraft {
  return {
    id,
    label: { en: '', 'zh-CN': '' },
    description: { en: '', 'zh-CN': '' },
    services: '',
    cookies: '',
  };
}

/** The state of a first visit: the built-in categories and texts, a blue accent. */
export function defaultState(): DashboardState {
  return {
    texts: { en: {}, 'zh-CN': {} },
    colors: { accent: '#0b57d0', background: '', text: '' },
    position: 'bar',
    radius: '8px',
    policyVersion: '1',
    policyUrl: '/privacy',
    categories: BUILT_IN_IDS.map((id) => ({
      ...emptyCategory(id),
      label: perLocale(DEFAULT_CATEGORIES[id].label),
      description: perLocale(DEFAULT_CATEGORIES[id].description),
    })),
    other: '{}',
    previewLocale: 'en',
    previewTheme: 'light',
    previewVisitor: 'first',
  };
}

const localized = (text: Record<Locale, string>): LocalizedText | undefined => {
  const given = Object.entries(text).filter(([, value]) => value.trim() !== '');
  return given.length ? Object.fromEntries(given) : undefined;
};

const splitList = (text: string) =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * The config the form describes. `other` must be a JSON object (its fields come first, the
 * form's win); otherwise this throws a SyntaxError, which the form shows at that field.
 */
export function toConfig(state: DashboardState): ConsentGateConfig {
  const other = JSON.parse(state.other || '{}') as Record<string, unknown>;
  if (typeof other !== 'object' || other === null || Array.isArray(other)) {
    throw new SyntaxError('expected a JSON object');
  }
  // Strings the form has no field for (other keys, other locales) stay in "Other options".
  const translations = { ...(other.translations as Record<string, Record<string, string>> | undefined) };
  for (const locale of LOCALES) {
    const given = Object.entries(state.texts[locale]).filter(([, value]) => value?.trim());
    if (given.length) translations[locale] = { ...translations[locale], ...Object.fromEntries(given) };
  }
  const colors = Object.fromEntries(Object.entries(state.colors).filter(([, value]) => value.trim() !== ''));
  const categories: Record<string, Record<string, unknown>> = {};
  for (const draft of state.categories) {
    const category: Record<string, unknown> = {};
    const label = localized(draft.label);
    const description = localized(draft.description);
    if (label) category.label = label;
    if (description) category.description = description;
    const services = draft.services
      .split('\n')
      .map((line) => line.split('|').map((part) => part.trim()))
      .filter(([name]) => name)
      .map(([name, provider, cookies]) => ({
        name,
        ...(provider ? { provider } : {}),
        ...(cookies ? { cookies: splitList(cookies) } : {}),
      }));
    if (services.length) category.services = services;
    const cookies = splitList(draft.cookies);
    if (cookies.length) category.cookies = cookies;
    categories[draft.id] = category;
  }
  return {
    ...other,
    policyVersion: state.policyVersion,
    ...(state.policyUrl ? { policyUrl: state.policyUrl } : {}),
    categories,
    ...(Object.keys(translations).length ? { translations } : {}),
    ui: {
      ...(typeof other.ui === 'object' && other.ui ? (other.ui as object) : {}),
      position: state.position,
      ...(state.radius ? { radius: state.radius } : {}),
      ...(Object.keys(colors).length ? { colors } : {}),
    },
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Fills a state from an imported config (anything JSON); unknown fields go to "Other options". */
export function fromConfig(input: unknown, previous: DashboardState = defaultState()): DashboardState {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError('expected a JSON object');
  }
  const {
    policyVersion,
    policyUrl,
    categories,
    translations,
    ui: rawUI,
    ...other
  } = input as Record<string, unknown>;
  const ui = (typeof rawUI === 'object' && rawUI ? rawUI : {}) as Record<string, unknown>;
  const { position, radius, colors: rawColors, ...otherUI } = ui;
  const colors = (typeof rawColors === 'object' && rawColors ? rawColors : {}) as Record<string, unknown>;
  const state = defaultState();
  state.previewLocale = previous.previewLocale;
  state.previewTheme = previous.previewTheme;
  state.previewVisitor = previous.previewVisitor;
  state.policyVersion = policyVersion === undefined ? state.policyVersion : String(policyVersion);
  state.policyUrl = text(policyUrl);
  state.position = position === 'box' || position === 'center' ? position : 'bar';
  state.radius = typeof radius === 'number' ? `${radius}px` : text(radius);
  state.colors = {
    accent: text(colors.accent),
    background: text(colors.background),
    text: text(colors.text),
  };
  const table = (typeof translations === 'object' && translations ? translations : {}) as Record<
    string,
    unknown
  >;
  const otherTranslations: Record<string, unknown> = {};
  for (const [locale, strings] of Object.entries(table)) {
    const rest = { ...(strings as Record<string, unknown>) };
    if ((LOCALES as ReadonlyArray<string>).includes(locale)) {
      const texts: Partial<Record<TextKey, string>> = {};
      for (const key of TEXT_KEYS) {
        if (typeof rest[key] !== 'string') continue;
        texts[key] = rest[key] as string;
        delete rest[key];
      }
      state.texts[locale as Locale] = texts;
    }
    if (Object.keys(rest).length) otherTranslations[locale] = rest;
  }
  const given = (typeof categories === 'object' && categories ? categories : {}) as Record<
    string,
    Record<string, unknown>
  >;
  for (const [id, category] of Object.entries(given)) {
    let draft = state.categories.find((existing) => existing.id === id);
    if (!draft) state.categories.push((draft = emptyCategory(id)));
    if (category.label !== undefined) draft.label = perLocale(category.label as LocalizedText);
    if (category.description !== undefined)
      draft.description = perLocale(category.description as LocalizedText);
    const services = Array.isArray(category.services) ? (category.services as Record<string, unknown>[]) : [];
    draft.services = services
      .map((service) => {
        const cookies = Array.isArray(service.cookies)
          ? service.cookies.map((cookie) =>
              typeof cookie === 'string' ? cookie : text((cookie as { name?: unknown })?.name),
            )
          : [];
        return [text(service.name), text(service.provider), cookies.join(', ')]
          .join(' | ')
          .replace(/( \| )+$/, '');
      })
      .join('\n');
    draft.cookies = Array.isArray(category.cookies) ? category.cookies.join(', ') : '';
  }
  const rest = {
    ...other,
    ...(Object.keys(otherTranslations).length ? { translations: otherTranslations } : {}),
    ...(Object.keys(otherUI).length ? { ui: otherUI } : {}),
  };
  state.other = JSON.stringify(rest, null, 2);
  return state;
}
