import type { LocalizedText } from './types';

const language = (tag: string): string => tag.split('-')[0].toLowerCase();

// The key of `available` that serves `wanted`: the same tag, else the same language (`zh` → `zh-CN`).
function match(wanted: string | null | undefined, available: ReadonlyArray<string>): string | undefined {
  if (!wanted) return;
  const tag = wanted.replace(/_/g, '-').toLowerCase();
  return (
    available.find((key) => key.toLowerCase() === tag) ||
    available.find((key) => language(key) === language(tag))
  );
}

/**
 * The text for `locale`: the exact locale, else the same language, else English, else the first
 * one given; `fallback` when there is no text at all.
 */
export function localize(text: LocalizedText | undefined, locale: string, fallback = ''): string {
  if (typeof text === 'string') return text;
  if (!text) return fallback;
  const keys = Object.keys(text);
  const key = match(locale, keys) || match('en', keys) || keys[0];
  return key === undefined ? fallback : text[key];
}

/**
 * Picks the UI locale among `available`: the config's forced locale, then `<html lang>`, then the
 * browser's languages, matching a whole tag or its language; else English, else the first one.
 */
export function resolveLocale(
  configLocale: string | undefined,
  available: string[],
  htmlLang?: string | null,
  navigatorLanguages: readonly string[] = [],
): string {
  for (const wanted of [configLocale, htmlLang, ...navigatorLanguages]) {
    const found = match(wanted, available);
    if (found) return found;
  }
  return match('en', available) || available[0] || 'en';
}

/** The locales a page can show: the built-in `en` and `zh-CN`, plus every locale in `translations`. */
export function localesOf(translations: Readonly<Record<string, unknown>>): string[] {
  return [...new Set(['en', 'zh-CN', ...Object.keys(translations)])];
}

/**
 * The locale this page shows its texts in: {@link resolveLocale} over {@link localesOf} with the
 * page's `<html lang>` and the browser's languages. The one answer the gate, the banner and the
 * records share.
 */
export function pageLocale(config: {
  locale?: string;
  translations: Readonly<Record<string, unknown>>;
}): string {
  return resolveLocale(
    config.locale,
    localesOf(config.translations),
    typeof document === 'undefined' ? null : document.documentElement?.lang,
    typeof navigator === 'undefined' ? [] : navigator.languages,
  );
}

/**
 * A category's `label` or `description` in `locale`: the site's own text (from the config) where
 * it has one for that locale or its language, else the built-in text (`builtIn`, e.g.
 * `DEFAULT_CATEGORIES`), else the site's text in any language; `''` when there is none. A site
 * text given as one string is used for every locale.
 */
export function categoryText(
  config: { categories: Readonly<Record<string, { label?: LocalizedText; description?: LocalizedText }>> },
  id: string,
  key: 'label' | 'description',
  locale: string,
  builtIn: Readonly<Record<string, { label?: LocalizedText; description?: LocalizedText }>> = {},
): string {
  const own = config.categories[id]?.[key];
  const fallback = Object.hasOwn(builtIn, id) ? builtIn[id][key] : undefined;
  if (typeof own === 'string' || !fallback) return localize(own, locale);
  const merged = typeof fallback === 'string' ? { en: fallback } : { ...fallback };
  return localize(own ? { ...merged, ...own } : merged, locale);
}
