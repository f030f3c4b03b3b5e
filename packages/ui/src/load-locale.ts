import type { LoadLocale } from './locales';

/** A dynamic import per locale, which bundlers split into a chunk of its own. */
export const loadBuiltInLocale: LoadLocale = (locale) =>
  locale === 'zh-CN'
    ? import('./locale-zh-cn').then((m) => m.LOCALE_ZH_CN)
    : import('./locale-en').then((m) => m.LOCALE_EN);
