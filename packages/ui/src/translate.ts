import { type ConfigIssue, GATE_TEXT_KEYS } from '@consentgate/core';
import { STRINGS_EN, type StringKey, type Strings } from './strings-en';
import { STRINGS_ZH_CN } from './strings-zh-cn';

const BUILT_IN: Readonly<Record<string, Strings>> = { en: STRINGS_EN, 'zh-CN': STRINGS_ZH_CN };

type Translations = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The locales the UI can show: the built-in `en` and `zh-CN`, plus every locale in `translations`. */
export function availableLocales(translations: Translations): string[] {
  return [...new Set([...Object.keys(BUILT_IN), ...Object.keys(translations)])];
}

/**
 * The strings for `locale`: the built-in set (English for a locale added by config), overridden
 * key by key by `translations[locale]`. Issues name unknown keys, non-string values, and keys a
 * config-only locale leaves out (shown in English).
 */
export function createStrings(
  translations: Translations,
  locale: string,
): { strings: Strings; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const strings: Record<string, string> = { ...(BUILT_IN[locale] ?? STRINGS_EN) };
  const given = translations[locale] ?? {};
  for (const [key, value] of Object.entries(given)) {
    const path = `translations.${locale}.${key}`;
    // The gate's own strings (placeholders, floating button) are known keys too; the gate shows them.
    if (!(key in STRINGS_EN) && !GATE_TEXT_KEYS.includes(key))
      issues.push({ path, message: 'unknown string key' });
    else if (typeof value !== 'string') issues.push({ path, message: 'expected a string' });
    else strings[key] = value;
  }
  if (!BUILT_IN[locale]) {
    for (const key of Object.keys(STRINGS_EN)) {
      if (!(key in given))
        issues.push({ path: `translations.${locale}.${key}`, message: 'missing (English is shown)' });
    }
  }
  return { strings: strings as Strings, issues };
}

/** `template` with `{name}` placeholders filled from `values`. */
export function format(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}

export type { StringKey, Strings };
