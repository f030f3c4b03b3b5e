import { type ConfigIssue, GATE_TEXT_KEYS, PROTOTYPE_KEYS } from '@consentgate/core';
import { STRING_KEYS, type StringKey, type Strings } from './string-keys';

type Translations = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The strings for `locale`: `base` (the built-in set it starts from; see `baseLocale`),
 * overridden key by key by `translations[locale]`. Issues name unknown keys, non-string values,
 * and keys a config-only locale leaves out (shown in English). `builtIn`: the locale is one of
 * the built-in ones (then nothing is missing).
 */
export function createStrings(
  base: Strings,
  translations: Translations,
  locale: string,
  builtIn: boolean,
): { strings: Strings; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const strings: Record<string, string> = { ...base };
  const given = Object.hasOwn(translations, locale) ? translations[locale] : {};
  for (const [key, value] of Object.entries(given)) {
    const path = `translations.${locale}.${key}`;
    // The gate's own strings (placeholders, floating button) are known keys too; the gate shows them.
    if (
      PROTOTYPE_KEYS.includes(key) ||
      (!STRING_KEYS.includes(key as StringKey) && !GATE_TEXT_KEYS.includes(key))
    )
      issues.push({ path, message: 'unknown string key' });
    else if (typeof value !== 'string') issues.push({ path, message: 'expected a string' });
    else strings[key] = value;
  }
  if (!builtIn) {
    for (const key of STRING_KEYS) {
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
