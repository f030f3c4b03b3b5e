import { categoryText, localize, resolveLocale } from '@consentgate/core';
import { describe, expect, test } from 'vitest';

describe('localize', () => {
  const text = { en: 'Ads', 'zh-CN': '广告', 'pt-BR': 'Anúncios' };

  test('a plain string serves every locale', () => {
    expect(localize('Ads', 'zh-CN')).toBe('Ads');
  });

  test('picks the exact locale, case-insensitively', () => {
    expect(localize(text, 'zh-CN')).toBe('广告');
    expect(localize(text, 'zh-cn')).toBe('广告');
  });

  test('falls back to the same language, then English, then the first text', () => {
    expect(localize(text, 'zh')).toBe('广告');
    expect(localize(text, 'zh-TW')).toBe('广告');
    expect(localize(text, 'pt_PT')).toBe('Anúncios');
    expect(localize(text, 'fr')).toBe('Ads');
    expect(localize({ de: 'Werbung', it: 'Pubblicità' }, 'fr')).toBe('Werbung');
  });

  test('gives the fallback when there is no text', () => {
    expect(localize(undefined, 'en', 'Accept all')).toBe('Accept all');
    expect(localize({}, 'en', 'x')).toBe('x');
    expect(localize(undefined, 'en')).toBe('');
  });
});

describe('resolveLocale', () => {
  const available = ['en', 'zh-CN'];

  test('the config locale wins', () => {
    expect(resolveLocale('zh-CN', available, 'en', ['en-US'])).toBe('zh-CN');
  });

  test('then <html lang>, then the browser languages in order', () => {
    expect(resolveLocale(undefined, available, 'zh-Hans-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLocale(undefined, available, null, ['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(resolveLocale(undefined, available, '', ['en-GB'])).toBe('en');
  });

  test('skips candidates nobody translated', () => {
    expect(resolveLocale('fr', available, 'de', ['zh'])).toBe('zh-CN');
  });

  test('falls back to English, else the first available, else en', () => {
    expect(resolveLocale(undefined, available, 'fr')).toBe('en');
    expect(resolveLocale(undefined, ['zh-CN', 'ja'], 'fr')).toBe('zh-CN');
    expect(resolveLocale(undefined, [])).toBe('en');
  });
});

describe('categoryText', () => {
  const builtIn = {
    analytics: {
      label: { en: 'Analytics', 'zh-CN': '分析' },
      description: { en: 'Measuring use.', 'zh-CN': '分析使用' },
    },
  };
  const config = (categories: Record<string, object>) => ({ categories });

  test('the built-in text in the locale when the site gives none', () => {
    expect(categoryText(config({ analytics: {} }), 'analytics', 'label', 'zh-CN', builtIn)).toBe('分析');
    expect(categoryText(config({ analytics: {} }), 'analytics', 'description', 'en', builtIn)).toBe(
      'Measuring use.',
    );
  });

  test("the site's text per locale, over the built-in one; a single string for every locale", () => {
    const own = config({ analytics: { label: { en: 'Statistics' } } });
    expect(categoryText(own, 'analytics', 'label', 'en-GB', builtIn)).toBe('Statistics');
    expect(categoryText(own, 'analytics', 'label', 'zh-CN', builtIn)).toBe('分析');
    expect(
      categoryText(config({ analytics: { label: 'Stats' } }), 'analytics', 'label', 'zh-CN', builtIn),
    ).toBe('Stats');
  });

  test("a custom category has only the site's texts; '' when there is none", () => {
    expect(
      categoryText(
        config({ functional: { label: { 'zh-CN': '功能' } } }),
        'functional',
        'label',
        'en',
        builtIn,
      ),
    ).toBe('功能');
    expect(categoryText(config({ functional: {} }), 'functional', 'label', 'en', builtIn)).toBe('');
  });
});
