import { CATEGORY_LABELS, type CategoryConfig, type CategoryId } from '@consentgate/core';
import { LOCALE_EN } from './locale-en';
import { LOCALE_ZH_CN } from './locale-zh-cn';

/**
 * The built-in categories with their texts in every built-in locale, in the shape of a config's
 * `categories` (for dashboards and docs: the banner itself loads only the visitor's locale).
 */
export const DEFAULT_CATEGORY_TEXTS: Readonly<Record<CategoryId, CategoryConfig>> = Object.fromEntries(
  Object.keys(CATEGORY_LABELS).map((id) => [
    id,
    {
      label: CATEGORY_LABELS[id].label,
      description: { en: LOCALE_EN.descriptions[id], 'zh-CN': LOCALE_ZH_CN.descriptions[id] },
    },
  ]),
);
