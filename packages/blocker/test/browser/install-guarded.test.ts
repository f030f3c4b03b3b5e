// A page or an extension may freeze an API before the gate runs. Each channel is patched on its
// own, so the others stay guarded, and a frozen one is closed some other way where it can be.
// (This file freezes prototypes for good, so it runs in its own page.)
import { afterEach, describe, expect, test, vi } from 'vitest';
import { setup, url } from './fake-source';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('a channel that cannot be patched', () => {
  test('a non-writable, non-configurable sendBeacon is guarded on navigator itself', () => {
    const sent: string[] = [];
    const beacon = (u: string | URL) => {
      sent.push(String(u));
      return true;
    };
    Object.defineProperty(Navigator.prototype, 'sendBeacon', {
      value: beacon,
      writable: false,
      configurable: false,
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { cleanup, source } = setup();
    expect(navigator.sendBeacon(url('analytics', 'frozen-beacon'))).toBe(false);
    expect(sent).toEqual([]);
    source.set({ analytics: true });
    expect(navigator.sendBeacon(url('analytics', 'granted-beacon'))).toBe(true);
    expect(sent).toEqual([url('analytics', 'granted-beacon')]);
    expect(error).not.toHaveBeenCalled();
    cleanup();
    expect(Object.hasOwn(navigator, 'sendBeacon')).toBe(false);
  });

  test('one API frozen for good: it is reported by name and every other channel stays guarded', () => {
    const frozen = Element.prototype.insertAdjacentHTML;
    Object.defineProperty(Element.prototype, 'insertAdjacentHTML', {
      value: frozen,
      writable: false,
      configurable: false,
    });
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { cleanup } = setup();
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toMatch(/could not guard: insertAdjacentHTML/);
    const img = new Image();
    img.src = url('pixels', 'still-held.gif');
    expect(img.hasAttribute('src')).toBe(false);
    const script = document.createElement('script');
    script.src = url('analytics', 'still-held.js');
    document.body.append(script);
    expect(script.type).toBe('text/plain');
    cleanup();
  });
});
