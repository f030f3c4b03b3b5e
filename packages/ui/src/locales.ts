import { CATEGORY_LABELS, type CategoryId } from '@consentgate/core';
import type { Strings } from './string-keys';

/** Everything a built-in locale brings: the UI strings and the built-in categories' descriptions. */
export interface LocaleBundle {
  strings: Strings;
  /** The built-in categories' descriptions (their names are core's `CATEGORY_LABELS`). */
  descriptions: Readonly<Record<CategoryId, string>>;
}

/** The locales the UI ships (each as its own file). Others come from `translations` alone, over English. */
export type BuiltInLocale = 'en' | 'zh-CN';

/** Loads a built-in locale's texts; the script-tag gate loads `consentgate.ui.<locale>.js` instead. */
export type LoadLocale = (locale: BuiltInLocale) => Promise<LocaleBundle>;

/**
 * The built-in locale whose texts a page in `locale` starts from: `zh-CN` for any Chinese,
 * else English (a locale added by config alone is English overridden key by key).
 */
export function baseLocale(locale: string): BuiltInLocale {
  return /^zh\b/i.test(locale) ? 'zh-CN' : 'en';
}

/**
 * The built-in categories' texts in one locale bundle's language, in the shape `categoryText`
 * takes as its fallback: `{ analytics: { label, description } }`.
 */
export function builtInCategories(
  bundle: LocaleBundle | undefined,
  locale: BuiltInLocale,
): Record<CategoryId, { label: string; description: string }> {
  const out: Record<CategoryId, { label: string; description: string }> = {};
  for (const id in CATEGORY_LABELS)
    out[id] = { label: CATEGORY_LABELS[id].label[locale], description: bundle?.descriptions[id] ?? '' };
  return out;
}
