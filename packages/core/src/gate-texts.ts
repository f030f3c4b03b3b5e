import { localize } from './i18n';
import type { ResolvedConfig } from './types';

/**
 * The few strings the gate shows before (or without) the UI: iframe placeholders and the floating
 * "Privacy settings" button. They live in core because both sides must know them: the gate shows
 * them, and the UI accepts their keys in `config.translations[locale]` without calling them unknown.
 */
export const GATE_TEXTS = {
  placeholderTitle: {
    en: 'This content is blocked until you allow {category}.',
    'zh-CN': '您允许{category}后才会加载此内容。',
  },
  placeholderButton: { en: 'Allow {category}', 'zh-CN': '允许{category}' },
  settings: { en: 'Privacy settings', 'zh-CN': '隐私设置' },
} as const;

export type GateTextKey = keyof typeof GATE_TEXTS;

/** The built-in categories' names, for the placeholders the gate draws before (or without) the UI. */
export const CATEGORY_LABELS: Readonly<Record<string, { label: Readonly<Record<string, string>> }>> = {
  necessary: { label: { en: 'Strictly necessary', 'zh-CN': '必要' } },
  analytics: { label: { en: 'Analytics', 'zh-CN': '分析' } },
  advertising: { label: { en: 'Advertising', 'zh-CN': '广告' } },
  pixels: { label: { en: 'Pixels and beacons', 'zh-CN': '像素与信标' } },
};

/** The keys alone, for code that must recognise them without carrying the texts (the UI). */
export const GATE_TEXT_KEYS: ReadonlyArray<string> = ['placeholderTitle', 'placeholderButton', 'settings'];

/**
 * The gate string `key` in `locale`: `config.translations[locale][key]` (or of its language,
 * `zh` for `zh-TW`) first, then the built-in one; `{category}` is replaced by `category`.
 */
export function gateText(config: ResolvedConfig, locale: string, key: GateTextKey, category = ''): string {
  const own = config.translations[locale]?.[key] ?? config.translations[locale.split('-')[0]]?.[key];
  return (own ?? localize(GATE_TEXTS[key], locale, GATE_TEXTS[key].en)).replace('{category}', category);
}
