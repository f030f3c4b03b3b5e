// biome-ignore-all lint/suspicious/noDocumentCookie: document.cookie is the API under test.
import { afterEach, describe, expect, test } from 'vitest';
import { setup } from './fake-source';

let cleanup = () => {};
const names = () =>
  document.cookie
    .split(';')
    .map((pair) => pair.split('=')[0].trim())
    .filter(Boolean)
    .sort();

afterEach(() => {
  cleanup();
  for (const name of names()) {
    for (const path of ['/', location.pathname]) document.cookie = `${name}=; max-age=0; path=${path}`;
  }
});

describe('document.cookie', () => {
  test('writes of a denied category are dropped; others are written', () => {
    const gate = setup({ categories: { functional: { cookies: ['pref_*'] } } });
    cleanup = gate.cleanup;
    document.cookie = '_ga=GA1.1.1; path=/';
    document.cookie = 'Hm_lvt_abc=1; path=/';
    document.cookie = 'pref_theme=dark; path=/';
    document.cookie = 'session=1; path=/';
    expect(names()).toEqual(['session']);
    gate.source.set({ analytics: true, functional: true });
    document.cookie = '_ga=GA1.1.2; path=/';
    document.cookie = 'pref_theme=dark; path=/';
    expect(names()).toEqual(['_ga', 'pref_theme', 'session']);
  });

  test('site cookie patterns win over the catalogue', () => {
    const gate = setup({ categories: { necessary: { cookies: ['_ga'] } } });
    cleanup = gate.cleanup;
    document.cookie = '_ga=1; path=/';
    expect(names()).toEqual(['_ga']);
    expect(gate.source.get('analytics')).toBe(false);
  });

  test('revoking a category deletes its cookies on every path they could have been set on', () => {
    const gate = setup({ consent: { analytics: true, advertising: true } });
    cleanup = gate.cleanup;
    const dir = location.pathname.replace(/\/[^/]*$/, '') || '/';
    document.cookie = '_ga=1; path=/';
    document.cookie = `_gid=1; path=${dir}`;
    document.cookie = `_hjSession_1=1; path=${location.pathname}`;
    document.cookie = '_fbp=1; path=/';
    document.cookie = 'session=1; path=/';
    expect(names()).toEqual(['_fbp', '_ga', '_gid', '_hjSession_1', 'session']);
    gate.source.set({ analytics: false });
    expect(names()).toEqual(['_fbp', 'session']);
  });

  test('a deletion of a denied cookie still passes', () => {
    document.cookie = '_gid=1; path=/';
    const gate = setup();
    cleanup = gate.cleanup;
    document.cookie = '_gid=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    expect(names()).toEqual([]);
  });

  test('reading cookies is untouched', () => {
    document.cookie = 'session=abc; path=/';
    cleanup = setup().cleanup;
    expect(document.cookie).toContain('session=abc');
  });
});
