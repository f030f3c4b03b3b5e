// The npm entry in real Chromium: createConsentGate installs the gate, loads the UI through a
// dynamic import only when it is needed, keeps one gate per page, and destroy() undoes it all.
import { type ConsentGate, createConsentGate } from 'consentgate';
import { afterEach, expect, test, vi } from 'vitest';

const dialog = () => document.querySelector('consentgate-ui')?.shadowRoot?.querySelector('[role="dialog"]');
const floating = () => document.querySelector('[data-consentgate="floating"]');
const options = { manager: { channel: false as const } };
let cookie = 0;
// A fresh cookie name per test: no consent leaks from one test into the next.
const config = () => ({ policyVersion: '1', cookie: { name: `cg_npm_${++cookie}` } });

// Other browser test files share this origin's cookies: leave none behind.
afterEach(() => {
  (globalThis as Record<symbol, ConsentGate | undefined>)[Symbol.for('consentgate')]?.destroy();
  for (const name of document.cookie.split('; ').map((pair) => pair.split('=')[0])) {
    if (name.startsWith('cg_npm_')) document.cookie = `${name}=; Max-Age=0; Path=/`;
  }
});

test('a first visit: the gate holds analytics, loads the UI by itself and shows the banner', async () => {
  const gate = createConsentGate(config(), options);
  await vi.waitFor(() => expect(dialog()).toBeTruthy());
  expect(gate.getConsent().status).toBe('none');
  const ran = (window as { npmTagRan?: boolean }).npmTagRan;
  expect(ran).toBeUndefined();

  const tag = document.createElement('script');
  tag.type = 'text/plain';
  tag.dataset.category = 'analytics';
  tag.text = 'window.npmTagRan = true;';
  document.body.append(tag);
  expect((window as { npmTagRan?: boolean }).npmTagRan).toBeUndefined();

  await gate.acceptAll();
  await vi.waitFor(() => expect((window as { npmTagRan?: boolean }).npmTagRan).toBe(true));
  await vi.waitFor(() => expect(floating()).toBeTruthy());
});

test('the gate offers every method of the consent manager plus the UI entry points', () => {
  const gate = createConsentGate(config(), { ...options, autoShow: false });
  for (const name of [
    'acceptAll',
    'rejectAll',
    'update',
    'getConsent',
    'on',
    'whenGranted',
    'reset',
    'history',
  ]) {
    expect(typeof gate[name as keyof typeof gate], name).toBe('function');
  }
  expect(typeof gate.showBanner).toBe('function');
  expect(typeof gate.showPreferences).toBe('function');
  expect(gate.ready).toBeInstanceOf(Promise);
});

test('one gate per page: a second copy gets the first gate and says so', () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  const first = createConsentGate(config(), { ...options, autoShow: false });
  const second = createConsentGate({ policyVersion: '2' }, options);
  expect(second).toBe(first);
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('already running'));
  warn.mockRestore();
});

test('destroy() restores the page: originals back, UI and floating button gone, a new gate can start', async () => {
  const original = { fetch: window.fetch, beacon: navigator.sendBeacon, append: Element.prototype.append };
  const gate = createConsentGate(config(), options);
  await vi.waitFor(() => expect(dialog()).toBeTruthy());
  expect(window.fetch).not.toBe(original.fetch);
  await gate.rejectAll();
  await vi.waitFor(() => expect(floating()).toBeTruthy());

  gate.destroy();
  expect(window.fetch).toBe(original.fetch);
  expect(navigator.sendBeacon).toBe(original.beacon);
  expect(Element.prototype.append).toBe(original.append);
  expect(floating()).toBeNull();
  await vi.waitFor(() => expect(document.querySelector('consentgate-ui')).toBeNull());

  const next = createConsentGate(config(), { ...options, autoShow: false });
  expect(next).not.toBe(gate);
});
