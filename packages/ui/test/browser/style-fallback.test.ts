import { createConsentManager } from '@consentgate/core';
import { mountConsentUI } from '@consentgate/ui';
import { expect, test } from 'vitest';

// A browser without constructable stylesheets (Safari < 16.4) gets a <style> carrying the nonce,
// so a strict `style-src 'nonce-…'` CSP still applies it. Own file: the stylesheet is cached per module.
test('without constructable stylesheets the styles come in a <style nonce>', async () => {
  const original = globalThis.CSSStyleSheet;
  globalThis.CSSStyleSheet = (() => {
    throw new TypeError('Illegal constructor');
  }) as unknown as typeof CSSStyleSheet;
  try {
    const jar = { value: '', get: () => jar.value, set: () => {} };
    const ui = mountConsentUI(createConsentManager({}, { channel: false, store: false, cookies: jar }), {
      nonce: 'abc123',
    });
    const root = document.querySelector('consentgate-ui')!.shadowRoot!;
    const style = root.querySelector('style')!;
    expect(style.nonce).toBe('abc123');
    expect(style.textContent).toContain('.btn{');
    expect(root.adoptedStyleSheets).toEqual([]);
    await expect.poll(() => root.querySelector('.b')).not.toBeNull();
    expect(getComputedStyle(root.querySelector('.b button')!).minHeight).toBe('44px');
    ui.destroy();
  } finally {
    globalThis.CSSStyleSheet = original;
  }
});
