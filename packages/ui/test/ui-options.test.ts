import { describe, expect, test } from 'vitest';
import { resolveUIOptions } from '../src/ui-options';

describe('resolveUIOptions', () => {
  test('defaults: bottom bar, automatic theme, floating button, no cookie wall', () => {
    expect(resolveUIOptions(undefined)).toEqual({
      options: { position: 'bar', theme: 'auto', floatingButton: true, blocking: false, colors: {} },
      issues: [],
    });
  });

  test('valid values are kept; a numeric radius becomes pixels', () => {
    const { options, issues } = resolveUIOptions({
      position: 'center',
      theme: 'dark',
      floatingButton: false,
      blocking: true,
      colors: { accent: '#c00', background: 'rgb(250, 250, 250)', text: 'black' },
      radius: 4,
      font: '"Noto Sans SC", sans-serif',
    });
    expect(issues).toEqual([]);
    expect(options).toEqual({
      position: 'center',
      theme: 'dark',
      floatingButton: false,
      blocking: true,
      colors: { accent: '#c00', background: 'rgb(250, 250, 250)', text: 'black' },
      radius: '4px',
      font: '"Noto Sans SC", sans-serif',
    });
  });

  test('each invalid value falls back to its default and is named in an issue', () => {
    const { options, issues } = resolveUIOptions({
      position: 'top',
      theme: 'blue',
      floatingButton: 'yes',
      radius: '1px; color: red',
      font: 'x;}body{display:none',
      colors: { accent: 'url(https://tracker.test/x.png)', text: 'red' },
    });
    expect(options).toEqual({
      position: 'bar',
      theme: 'auto',
      floatingButton: true,
      blocking: false,
      colors: { text: 'red' },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'ui.position',
      'ui.theme',
      'ui.floatingButton',
      'ui.radius',
      'ui.font',
      'ui.colors.accent',
    ]);
  });

  test('a non-object ui is one issue', () => {
    expect(resolveUIOptions('dark').issues).toEqual([{ path: 'ui', message: 'expected an object' }]);
  });
});
