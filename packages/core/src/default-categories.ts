import type { CategoryConfig, CategoryId } from './types';

/**
 * The four built-in categories, in display order, with English and Simplified Chinese texts.
 * A config's `categories.<id>` merges over these; `necessary` is always granted.
 */
export const DEFAULT_CATEGORIES: Readonly<Record<CategoryId, CategoryConfig>> = {
  necessary: {
    label: { en: 'Strictly necessary', 'zh-CN': '必要' },
    description: {
      en: 'Sign-in, security and remembering this choice. Always on.',
      'zh-CN': '用于登录、安全和记住您的选择，始终开启。',
    },
  },
  analytics: {
    label: { en: 'Analytics', 'zh-CN': '分析' },
    description: { en: 'Measuring how the site is used.', 'zh-CN': '用于分析您对本网站的使用情况。' },
  },
  advertising: {
    label: { en: 'Advertising', 'zh-CN': '广告' },
    description: { en: 'Ads and ad personalisation.', 'zh-CN': '用于广告投放与个性化广告。' },
  },
  pixels: {
    label: { en: 'Pixels and beacons', 'zh-CN': '像素与信标' },
    description: {
      en: 'Web beacons and pixel tags that track visits, email opens and clicks.',
      'zh-CN': '用于跟踪访问、邮件打开和点击的网络信标与像素标签。',
    },
  },
};
