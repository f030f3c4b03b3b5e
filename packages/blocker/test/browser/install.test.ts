import { installBlocker } from '@consentgate/blocker';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { createFakeSource, rules, setup, url } from './fake-source';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

const patched = () => ({
  fetch: window.fetch,
  beacon: Navigator.prototype.sendBeacon,
  open: XMLHttpRequest.prototype.open,
  send: XMLHttpRequest.prototype.send,
  worker: window.Worker,
  appendChild: Node.prototype.appendChild,
  append: Element.prototype.append,
  after: CharacterData.prototype.after,
  setAttribute: Element.prototype.setAttribute,
  write: Document.prototype.write,
  range: Range.prototype.createContextualFragment,
  src: Object.getOwnPropertyDescriptor(HTMLScriptElement.prototype, 'src')!.set,
  img: Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, 'src')!.set,
  frame: Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src')!.set,
  link: Object.getOwnPropertyDescriptor(HTMLLinkElement.prototype, 'href')!.set,
  inner: Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')!.set,
  cookie: Object.getOwnPropertyDescriptor(Document.prototype, 'cookie')!.set,
});

describe('installBlocker', () => {
  test('patches every channel and its cleanup restores every original', () => {
    const before = patched();
    const { cleanup } = setup();
    const during = patched();
    for (const key of Object.keys(before) as Array<keyof typeof before>) {
      expect(during[key], key).not.toBe(before[key]);
    }
    cleanup();
    expect(patched()).toEqual(before);
  });

  test('is idempotent per window: a second install patches nothing and returns a no-op', () => {
    const first = setup();
    const once = patched();
    const second = installBlocker({ source: createFakeSource(), rules });
    expect(patched()).toEqual(once);
    second();
    expect(patched()).toEqual(once);
    first.cleanup();
    const again = setup();
    expect(patched()).not.toEqual(once);
    again.cleanup();
  });

  test('fails closed without a usable source, naming the option', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cleanup = installBlocker({ source: undefined as never, rules });
    expect(error.mock.calls[0][0]).toMatch(/options\.source/);
    const img = new Image();
    img.src = url('pixels', 'closed.gif');
    expect(img.hasAttribute('src')).toBe(false);
    cleanup();
  });

  test('a source that throws counts as "not granted"', () => {
    const cleanup = installBlocker({
      source: {
        get: () => {
          throw new Error('broken');
        },
        subscribe: () => () => {},
      },
      rules,
    });
    const img = new Image();
    expect(() => {
      img.src = url('pixels', 'throwing.gif');
    }).not.toThrow();
    expect(img.hasAttribute('src')).toBe(false);
    cleanup();
  });

  test('invalid rules are reported by index and ignored', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cleanup = installBlocker({
      source: createFakeSource(),
      rules: [{ category: 'analytics', match: 'x.com' } as never, ...rules],
    });
    expect(error.mock.calls[0][0]).toMatch(/options\.rules\[0\]/);
    const img = new Image();
    img.src = url('pixels', 'still-held.gif');
    expect(img.hasAttribute('src')).toBe(false);
    cleanup();
  });

  test('necessary is never held', () => {
    const { cleanup } = setup();
    const img = new Image();
    img.dataset.category = 'necessary';
    img.src = url('pixels', 'necessary.gif');
    expect(img.getAttribute('src')).toContain('necessary.gif');
    cleanup();
  });

  test('debug logs held and released items, with the reason, as one console table', async () => {
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const { source, cleanup } = setup({ debug: true });
    const img = document.body.appendChild(new Image());
    img.src = url('pixels', 'debug.gif');
    await fetch(url('analytics', 'debug')).catch(() => {});
    await expect.poll(() => table.mock.calls.length).toBe(1);
    expect(table.mock.calls[0][0]).toEqual([
      expect.objectContaining({ action: 'held', kind: 'img', category: 'pixels', why: 'pixels not granted' }),
      expect.objectContaining({ action: 'dropped', kind: 'fetch', category: 'analytics' }),
    ]);
    source.set({ pixels: true });
    await expect.poll(() => table.mock.calls.length).toBe(2);
    expect(table.mock.calls[1][0]).toEqual([
      expect.objectContaining({ action: 'released', kind: 'img', category: 'pixels', why: 'pixels granted' }),
    ]);
    cleanup();
  });

  test('without debug nothing is logged', async () => {
    const table = vi.spyOn(console, 'table').mockImplementation(() => {});
    const { cleanup } = setup();
    await fetch(url('analytics', 'quiet')).catch(() => {});
    const control = new Promise((done) => setTimeout(done));
    await control;
    expect(table).not.toHaveBeenCalled();
    cleanup();
  });

  test('cleanup removes placeholders and shows the iframes again', () => {
    const { cleanup } = setup();
    const frame = document.createElement('iframe');
    frame.src = url('advertising', 'cleanup');
    document.body.append(frame);
    expect(document.querySelector('[data-consentgate-placeholder]')).not.toBeNull();
    cleanup();
    expect(document.querySelector('[data-consentgate-placeholder]')).toBeNull();
    expect(frame.style.display).toBe('');
  });

  test('does nothing without a document (server-side rendering)', () => {
    const cleanup = installBlocker({ source: createFakeSource(), window: {} as never });
    expect(cleanup).toBeTypeOf('function');
    cleanup();
  });
});
