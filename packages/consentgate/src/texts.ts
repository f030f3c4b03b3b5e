import { localize, type ResolvedConfig } from '@consentgate/core';

// The few strings the gate itself shows before (or without) the UI: iframe placeholders and the
// floating "Privacy settings" button. Every one can be overridden per locale in
// `config.translations[locale][key]`; `{category}` is replaced by the category's label.
const builtIn = {
  placeholderTitle: {
    en: 'This content is blocked until you allow {category}.',
    'zh-CN': '您允许{category}后才会加载此内容。',
  },
  placeholderButton: { en: 'Allow {category}', 'zh-CN': '允许{category}' },
  settings: { en: 'Privacy settings', 'zh-CN': '隐私设置' },
};

export type GateTextKey = keyof typeof builtIn;

/** The string `key` in `locale`, from the config's translations first, then the built-in ones. */
export function gateText(config: ResolvedConfig, locale: string, key: GateTextKey, category = ''): string {
  const own = config.translations[locale]?.[key] ?? config.translations[locale.split('-')[0]]?.[key];
  return (own ?? localize(builtIn[key], locale, builtIn[key].en)).replace('{category}', category);
}
