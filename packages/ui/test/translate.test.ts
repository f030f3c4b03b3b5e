import { localesOf } from '@consentgate/core';
import { describe, expect, test } from 'vitest';
import { STRING_KEYS } from '../src/string-keys';
import { STRINGS_EN } from '../src/strings-en';
import { STRINGS_ZH_CN } from '../src/strings-zh-cn';
import { createStrings, format } from '../src/translate';

describe('UI strings', () => {
  test('English and Simplified Chinese are complete, non-empty and really translated', () => {
    expect(Object.keys(STRINGS_EN).sort()).toEqual([...STRING_KEYS].sort());
    expect(Object.keys(STRINGS_ZH_CN).sort()).toEqual([...STRING_KEYS].sort());
    for (const [key, value] of Object.entries(STRINGS_ZH_CN)) {
      expect(value.trim(), key).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(value), key).toBe(true);
    }
  });

  test('config translations override single keys of a built-in locale', () => {
    const { strings, issues } = createStrings(
      STRINGS_ZH_CN,
      { 'zh-CN': { acceptAll: '同意全部' } },
      'zh-CN',
      true,
    );
    expect(issues).toEqual([]);
    expect(strings.acceptAll).toBe('同意全部');
    expect(strings.rejectAll).toBe(STRINGS_ZH_CN.rejectAll);
  });

  test('a third locale is added by config alone; missing and unknown keys are named', () => {
    const de = { ...STRINGS_EN, acceptAll: 'Alle akzeptieren' } as Record<string, string>;
    expect(createStrings(STRINGS_EN, { de }, 'de', false)).toEqual({ strings: de, issues: [] });
    expect(localesOf({ de })).toEqual(['en', 'zh-CN', 'de']);

    const { strings, issues } = createStrings(
      STRINGS_EN,
      { fr: { acceptAll: 'Tout accepter', nope: 'x' } },
      'fr',
      false,
    );
    expect(strings.acceptAll).toBe('Tout accepter');
    expect(strings.rejectAll).toBe('Reject all');
    expect(issues).toContainEqual({ path: 'translations.fr.nope', message: 'unknown string key' });
    expect(issues).toContainEqual({
      path: 'translations.fr.rejectAll',
      message: 'missing (English is shown)',
    });
  });

  test("the gate's own strings (placeholders, floating button) are known keys, not reported", () => {
    const { issues } = createStrings(
      STRINGS_EN,
      { en: { placeholderTitle: 'Blocked: {category}', placeholderButton: 'Load', settings: 'Privacy' } },
      'en',
      true,
    );
    expect(issues).toEqual([]);
  });

  test('a non-string value is reported and ignored', () => {
    const { strings, issues } = createStrings(
      STRINGS_EN,
      { en: { save: 42 as unknown as string } },
      'en',
      true,
    );
    expect(strings.save).toBe('Save choices');
    expect(issues).toEqual([{ path: 'translations.en.save', message: 'expected a string' }]);
  });

  test('a key that reaches the prototype is unknown, never used', () => {
    const translations = JSON.parse('{"en": {"__proto__": "x", "constructor": "y"}}');
    const { strings, issues } = createStrings(STRINGS_EN, translations, 'en', true);
    expect(issues.map((issue) => issue.path)).toEqual([
      'translations.en.__proto__',
      'translations.en.constructor',
    ]);
    expect(Object.getPrototypeOf(strings)).toBe(Object.prototype);
  });

  test('format fills {placeholders} and leaves unknown ones', () => {
    expect(format('Policy version {version} {other}', { version: '3' })).toBe('Policy version 3 {other}');
  });
});
