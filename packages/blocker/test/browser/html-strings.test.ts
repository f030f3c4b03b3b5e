import { afterEach, describe, expect, test } from 'vitest';
import { ran, setup, tag, url } from './fake-source';

let cleanup = () => {};
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  ran().length = 0;
});

const box = () => document.body.appendChild(document.createElement('div'));

describe('HTML strings', () => {
  test('insertAdjacentHTML: a tracker image gets no src; released on grant', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = box();
    el.insertAdjacentHTML('beforeend', `<img alt="" src="${url('pixels', 'adjacent.gif')}"><b>text</b>`);
    const img = el.querySelector('img')!;
    expect(img.hasAttribute('src')).toBe(false);
    expect(img.dataset.category).toBe('pixels');
    expect(el.querySelector('b')!.textContent).toBe('text');
    gate.source.set({ pixels: true });
    await expect.poll(() => img.getAttribute('src')).toContain('adjacent.gif');
  });

  test('innerHTML and outerHTML hold tracker iframes behind a placeholder', () => {
    cleanup = setup().cleanup;
    const el = box();
    el.innerHTML = `<iframe src="${url('advertising', 'inner')}"></iframe>`;
    expect(el.querySelector('iframe')!.hasAttribute('src')).toBe(false);
    const other = el.appendChild(document.createElement('span'));
    other.outerHTML = `<img alt="" src="${url('pixels', 'outer.gif')}">`;
    expect(el.querySelector('img')!.hasAttribute('src')).toBe(false);
  });

  test('HTML without URLs passes unchanged', () => {
    cleanup = setup().cleanup;
    const el = box();
    el.innerHTML = '<p class="a">hello <em>world</em></p>';
    expect(el.innerHTML).toBe('<p class="a">hello <em>world</em></p>');
  });

  test('createContextualFragment: a tracker script in the fragment stays inert when inserted', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const range = document.createRange();
    range.selectNodeContents(box());
    const fragment = range.createContextualFragment(`<script src="${tag('fragment')}"></script>`);
    const script = fragment.querySelector('script')!;
    expect(script.type).toBe('text/plain');
    document.body.append(fragment);
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['fragment']);
  });

  test('document.write into a gated frame: tracker tags are held, the rest is written', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const frame = document.body.appendChild(document.createElement('iframe'));
    const doc = frame.contentDocument!;
    doc.open();
    doc.write(`<p id="p">kept</p><script src="${url('analytics', 'written.js')}"></script>`);
    doc.write('<img alt="" src="', url('pixels', 'split.gif'), '">');
    doc.close();
    expect(doc.getElementById('p')!.textContent).toBe('kept');
    expect(doc.querySelector('script')!.type).toBe('text/plain');
    expect(doc.querySelector('img')!.hasAttribute('src')).toBe(false);
    expect(doc.querySelector('img')!.getAttribute('data-src')).toContain('split.gif');
  });

  test('an allowed category passes through untouched', () => {
    cleanup = setup({ consent: { pixels: true } }).cleanup;
    const el = box();
    el.innerHTML = `<img alt="" src="${url('pixels', 'ok.gif')}">`;
    expect(el.querySelector('img')!.getAttribute('src')).toContain('ok.gif');
  });

  test('<source> in a picture is held like an image', () => {
    cleanup = setup().cleanup;
    const picture = box().appendChild(document.createElement('picture'));
    const source = document.createElement('source');
    source.srcset = url('pixels', 'source.gif');
    picture.append(source);
    expect(source.hasAttribute('srcset')).toBe(false);
    expect(source.getAttribute('data-srcset')).toContain('source.gif');
  });

  test('document.write from a released tag inserts its markup after it instead of wiping the page', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = document.createElement('script');
    el.dataset.category = 'analytics';
    el.text = `document.write('<span id="written">w</span><script src="${tag('written')}"><\\/script>')`;
    const marker = document.createElement('p');
    marker.id = 'kept';
    document.body.append(marker, el);
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['written']);
    expect(document.getElementById('kept')).not.toBeNull();
    expect(document.getElementById('written')?.previousElementSibling?.tagName).toBe('SCRIPT');
  });
});
