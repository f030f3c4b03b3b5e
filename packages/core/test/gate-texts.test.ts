import { GATE_TEXT_KEYS, GATE_TEXTS, gateText, resolveConfig } from '@consentgate/core';
import { expect, test } from 'vitest';

const config = (translations: Record<string, Record<string, string>> = {}) =>
  resolveConfig({ translations }).config;

test('built-in English and Chinese, with the category filled in', () => {
  expect(gateText(config(), 'en', 'placeholderButton', 'Advertising')).toBe('Allow Advertising');
  expect(gateText(config(), 'zh-CN', 'placeholderButton', '广告')).toBe('允许广告');
  expect(gateText(config(), 'zh-CN', 'settings')).toBe(GATE_TEXTS.settings['zh-CN']);
});

test('a locale without built-in texts falls back to English', () => {
  expect(gateText(config(), 'de', 'settings')).toBe('Privacy settings');
});

test('the config overrides a string per locale, also through the language of a regional locale', () => {
  const own = config({ de: { placeholderTitle: '{category} ist blockiert.' }, en: { settings: 'Cookies' } });
  expect(gateText(own, 'de-AT', 'placeholderTitle', 'Werbung')).toBe('Werbung ist blockiert.');
  expect(gateText(own, 'en', 'settings')).toBe('Cookies');
  expect(gateText(own, 'zh-CN', 'settings')).toBe('隐私设置');
});

test('the key list the UI checks against names exactly the gate texts', () => {
  expect([...GATE_TEXT_KEYS].sort()).toEqual(Object.keys(GATE_TEXTS).sort());
});
