import { afterEach, describe, expect, test } from 'vitest';
import { setup, url } from './fake-source';

let cleanup = () => {};
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

const requested = (part: string) =>
  performance.getEntriesByType('resource').some((entry) => entry.name.includes(part));

describe('images and pixels', () => {
  test('new Image().src of a denied pixel never gets a src (dropped, not replayed)', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const img = new Image();
    img.src = url('pixels', 'hit.gif?new-image');
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.getAttribute('data-src')).toContain('hit.gif');
    gate.source.set({ pixels: true });
    expect(img.hasAttribute('src')).toBe(false);
    // A control pixel after the grant loads; the held one never did.
    const control = new Image();
    control.src = url('pixels', 'control.gif?new-image');
    await expect.poll(() => requested('control.gif?new-image')).toBe(true);
    expect(requested('hit.gif?new-image')).toBe(false);
  });

  test('replayHeldRequests sends a held pixel on grant', async () => {
    const gate = setup({ replayHeldRequests: true });
    cleanup = gate.cleanup;
    const img = new Image();
    img.src = url('pixels', 'replayed.gif');
    gate.source.set({ pixels: true });
    expect(img.getAttribute('src')).toContain('replayed.gif');
    await expect.poll(() => requested('replayed.gif')).toBe(true);
  });

  test('an image in the page is released with its src and srcset on grant', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const img = document.createElement('img');
    img.setAttribute('srcset', `${url('pixels', 'a.gif')} 1x, ${url('pixels', 'b.gif')} 2x`);
    img.src = url('pixels', 'c.gif');
    img.alt = '';
    document.body.append(img);
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.hasAttribute('srcset')).toBe(false);
    gate.source.set({ pixels: true });
    await expect.poll(() => img.getAttribute('src')).toContain('c.gif');
    expect(img.getAttribute('srcset')).toContain('a.gif 1x');
    expect(img.hasAttribute('data-src')).toBe(false);
  });

  test('an allowed advertising category does not let a pixel through', () => {
    cleanup = setup({ consent: { advertising: true, analytics: true } }).cleanup;
    const img = new Image();
    img.src = 'https://www.facebook.com/tr?id=1&ev=PageView&noscript=1';
    expect(img.hasAttribute('src')).toBe(false);
  });
});

describe('iframes', () => {
  test('a tracker iframe is held behind an accessible placeholder whose button asks to allow', async () => {
    const asked: string[] = [];
    const gate = setup({
      onAllow: (category) => asked.push(category),
      placeholder: {
        title: (label) => `Video (${label}) is off`,
        button: (label) => `Allow ${label}`,
        label: (c) => c.toUpperCase(),
      },
    });
    cleanup = gate.cleanup;
    const frame = document.createElement('iframe');
    frame.width = '320';
    frame.height = '180';
    frame.src = url('advertising', 'embed/1');
    document.body.append(frame);
    expect(frame.hasAttribute('src')).toBe(false);
    const box = document.querySelector<HTMLElement>('[data-consentgate-placeholder]')!;
    expect(box.nextElementSibling).toBe(frame);
    expect(box.getAttribute('role')).toBe('group');
    expect(box.getAttribute('aria-label')).toBe('Video (ADVERTISING) is off');
    expect(box.style.width).toBe('320px');
    expect(box.textContent).toContain(location.hostname);
    expect(frame.style.display).toBe('none');
    const button = box.querySelector('button')!;
    expect(button.textContent).toBe('Allow ADVERTISING');
    expect(button.type).toBe('button');
    button.click();
    expect(asked).toEqual(['advertising']);
    gate.source.set({ advertising: true });
    // Released as a fresh copy in the same place (Chromium may ignore a src set on the old one).
    await expect.poll(() => document.querySelector('iframe')?.getAttribute('src')).toContain('embed/1');
    const released = document.querySelector('iframe')!;
    expect(released.width).toBe('320');
    expect(released.style.display).toBe('');
    expect(document.querySelector('[data-consentgate-placeholder]')).toBeNull();
  });

  test('revoking unloads a released iframe back behind its placeholder; a new grant loads it again', async () => {
    const gate = setup({ consent: { advertising: true } });
    cleanup = gate.cleanup;
    const frame = document.createElement('iframe');
    frame.src = url('advertising', 'embed/revoke');
    document.body.append(frame);
    expect(frame.getAttribute('src')).toContain('embed/revoke');
    gate.source.set({ advertising: false });
    const held = document.querySelector('iframe')!;
    expect(held.hasAttribute('src')).toBe(false);
    expect(held.getAttribute('data-src')).toContain('embed/revoke');
    expect(document.querySelector('[data-consentgate-placeholder]')).not.toBeNull();
    gate.source.set({ advertising: true });
    await expect.poll(() => document.querySelector('iframe')?.getAttribute('src')).toContain('embed/revoke');
    expect(document.querySelector('[data-consentgate-placeholder]')).toBeNull();
  });

  test('default placeholder texts name the category', () => {
    cleanup = setup().cleanup;
    const frame = document.createElement('iframe');
    frame.setAttribute('src', url('advertising', 'embed/2'));
    document.body.append(frame);
    const box = document.querySelector('[data-consentgate-placeholder]')!;
    expect(box.querySelector('button')!.textContent).toBe('Allow advertising');
  });

  test('setting src on an iframe already in the page holds it', () => {
    cleanup = setup().cleanup;
    const frame = document.createElement('iframe');
    document.body.append(frame);
    frame.src = url('advertising', 'embed/3');
    expect(frame.hasAttribute('src')).toBe(false);
    expect(document.querySelector('[data-consentgate-placeholder]')).not.toBeNull();
  });

  test('a same-origin about:blank iframe gets the same gate in its window', () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const child = frame.contentWindow as Window & typeof globalThis;
    const img = new child.Image();
    img.src = url('pixels', 'child.gif');
    expect(img.hasAttribute('src')).toBe(false);
    const script = child.document.createElement('script');
    script.src = url('analytics', 'child.js');
    child.document.head.appendChild(script);
    expect(script.type).toBe('text/plain');
  });

  test('a srcdoc iframe is sanitised and its window is gated after it loads', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const frame = document.createElement('iframe');
    frame.srcdoc = `<img src="${url('pixels', 'srcdoc.gif')}" alt=""><p>hi</p>`;
    expect(frame.getAttribute('srcdoc')).toContain('data-src=');
    const loaded = new Promise((done) => frame.addEventListener('load', done));
    document.body.append(frame);
    await loaded;
    const child = frame.contentWindow as Window & typeof globalThis;
    expect(child.document.querySelector('img')!.hasAttribute('src')).toBe(false);
    const img = new child.Image();
    img.src = url('pixels', 'srcdoc-later.gif');
    expect(img.hasAttribute('src')).toBe(false);
  });
});

describe('resource hints', () => {
  test.each(['preload', 'prefetch', 'preconnect', 'dns-prefetch', 'modulepreload'])(
    '<link rel=%s> to a tracker is held and released on grant',
    async (rel) => {
      const gate = setup();
      cleanup = gate.cleanup;
      const link = document.createElement('link');
      link.rel = rel;
      link.setAttribute('as', 'script');
      link.href = url('analytics', `hint-${rel}.js`);
      document.head.append(link);
      expect(link.hasAttribute('href')).toBe(false);
      gate.source.set({ analytics: true });
      await expect.poll(() => link.getAttribute('href')).toContain(`hint-${rel}`);
      link.remove();
    },
  );
});
