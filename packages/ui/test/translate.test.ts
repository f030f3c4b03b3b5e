import { describe, expect, test } from 'vitest';
import { STRINGS_EN } from '../src/strings-en';
import { STRINGS_ZH_CN } from '../src/strings-zh-cn';
import { availableLocales, createStrings, format } from '../src/translate';

describe('UI strings', () => {
  test('English and Simplified Chinese are complete, non-empty and really translated', () => {
    expect(Object.keys(STRINGS_ZH_CN).sort()).toEqual(Object.keys(STRINGS_EN).sort());
    for (const [key, value] of Object.entries(STRINGS_ZH_CN)) {
      expect(value.trim(), key).not.toBe('');
      expect(/[\u4e00-\u9fff]/.test(value), key).toBe(true);
    }
  });

  test('config translations override single keys of a built-in locale', () => {
    const { strings, issues } = createStrings({ 'zh-CN': { acceptAll: '同意全部' } }, 'zh-CN');
    expect(issues).toEqual([]);
    expect(strings.acceptAll).toBe('同意全部');
    expect(strings.rejectAll).toBe(STRINGS_ZH_CN.rejectAll);
  });

  test('a third locale is added by config alone; missing and unknown keys are named', () => {
    const de = { ...STRINGS_EN, acceptAll: 'Alle akzeptieren' } as Record<string, string>;
    expect(createStrings({ de }, 'de')).toEqual({ strings: de, issues: [] });
    expect(availableLocales({ de })).toEqual(['en', 'zh-CN', 'de']);

    const { strings, issues } = createStrings({ fr: { acceptAll: 'Tout accepter', nope: 'x' } }, 'fr');
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
      { en: { placeholderTitle: 'Blocked: {category}', placeholderButton: 'Load' } },
      'en',
    );
    expect(issues).toEqual([]);
  });

  test('a non-string value is reported and ignored', () => {
    const { strings, issues } = createStrings({ en: { save: 42 as unknown as string } }, 'en');
    expect(strings.save).toBe('Save choices');
    expect(issues).toEqual([{ path: 'translations.en.save', message: 'expected a string' }]);
  });

  test('format fills {placeholders} and leaves unknown ones', () => {
    expect(format('Policy version {version} {other}', { version: '3' })).toBe('Policy version 3 {other}');
  });
});
