import type { LocaleBundle } from './locales';
import { STRINGS_ZH_CN } from './strings-zh-cn';

/** Simplified Chinese: the UI strings and the built-in categories' descriptions. */
export const LOCALE_ZH_CN: LocaleBundle = {
  strings: STRINGS_ZH_CN,
  descriptions: {
    necessary: '用于登录、安全和记住您的选择，始终开启。',
    analytics: '用于分析您对本网站的使用情况。',
    advertising: '用于广告投放与个性化广告。',
    pixels: '用于跟踪访问、邮件打开和点击的网络信标与像素标签。',
  },
};
