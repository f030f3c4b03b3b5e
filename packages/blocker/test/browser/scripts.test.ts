import { afterEach, describe, expect, test } from 'vitest';
import { plain, ran, setup, tag, url } from './fake-source';

let cleanup = () => {};
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  ran().length = 0;
});

const script = (src: string) => {
  const el = document.createElement('script');
  el.src = src;
  return el;
};

describe('scripts created in code', () => {
  test('a tracker script set with the src property is held, then runs once on grant', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = script(tag('prop'));
    document.body.appendChild(el);
    expect(el.type).toBe('text/plain');
    expect(el.dataset.category).toBe('analytics');
    gate.source.set({ advertising: true });
    expect(document.querySelector('script[data-category]')).toBe(el);
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['prop']);
    gate.source.set({ analytics: true });
    expect(document.querySelectorAll('script[data-category]')).toHaveLength(1);
    expect(ran()).toEqual(['prop']);
  });

  test('setAttribute("src") is gated like the property', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = document.createElement('script');
    el.setAttribute('SRC', tag('attr'));
    document.head.append(el);
    expect(el.getAttribute('type')).toBe('text/plain');
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['attr']);
    document.head.querySelector('script[data-category]')?.remove();
  });

  test('setting src on a connected script that never ran is held too', () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = document.createElement('script');
    document.body.append(el);
    el.src = tag('late');
    expect(el.type).toBe('text/plain');
  });

  test.each([
    ['appendChild', (el: Element, box: Element) => box.appendChild(el)],
    ['insertBefore', (el: Element, box: Element) => box.insertBefore(el, box.firstChild)],
    ['replaceChild', (el: Element, box: Element) => box.replaceChild(el, box.firstChild!)],
    ['append', (el: Element, box: Element) => box.append(el)],
    ['prepend', (el: Element, box: Element) => box.prepend(el)],
    ['before', (el: Element, box: Element) => box.firstChild!.before(el)],
    ['after', (el: Element, box: Element) => (box.firstChild as ChildNode).after(el)],
    ['replaceWith', (el: Element, box: Element) => (box.firstChild as ChildNode).replaceWith(el)],
    ['replaceChildren', (el: Element, box: Element) => box.replaceChildren(el)],
    ['insertAdjacentElement', (el: Element, box: Element) => box.insertAdjacentElement('beforeend', el)],
  ])('a script whose src was set before the gate saw it is held when inserted with %s', async (_, insert) => {
    // The src attribute is written before installing, so only the insertion path can catch it.
    const el = document.createElement('script');
    el.setAttribute('src', tag('insert'));
    const gate = setup();
    cleanup = gate.cleanup;
    const box = document.createElement('div');
    box.append(document.createTextNode(''));
    document.body.append(box);
    insert(el, box);
    expect(el.getAttribute('type')).toBe('text/plain');
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['insert']);
  });

  test('a script inside an inserted fragment is held', () => {
    const el = document.createElement('script');
    el.setAttribute('src', tag('fragment'));
    const fragment = document.createDocumentFragment();
    fragment.append(document.createElement('div'));
    fragment.firstChild!.appendChild(el);
    cleanup = setup().cleanup;
    document.body.appendChild(fragment);
    expect(el.type).toBe('text/plain');
  });

  test('same-origin and unmatched scripts pass', async () => {
    cleanup = setup().cleanup;
    const el = script(`${plain('x.js')}`);
    document.body.append(el);
    expect(el.hasAttribute('type')).toBe(false);
    expect(el.hasAttribute('data-category')).toBe(false);
  });

  test('blockSameOrigin holds unmatched same-origin scripts until every category is granted', async () => {
    const gate = setup({ blockSameOrigin: true });
    cleanup = gate.cleanup;
    const el = script(plain('same.js'));
    document.body.append(el);
    expect(el.type).toBe('text/plain');
    expect(el.dataset.category).toBe('*');
    gate.source.set({ analytics: true, advertising: true });
    expect(document.body.querySelector('script')).toBe(el);
    gate.source.set({ pixels: true });
    await expect.poll(() => document.body.querySelector('script')).not.toBe(el);
  });

  test('data-category on the element wins over the URL', async () => {
    const gate = setup({ consent: { analytics: true } });
    cleanup = gate.cleanup;
    const held = script(tag('ads'));
    held.dataset.category = 'advertising';
    const free = document.createElement('script');
    free.dataset.category = 'necessary';
    free.src = tag('necessary');
    document.body.append(held, free);
    expect(held.type).toBe('text/plain');
    expect(free.hasAttribute('type')).toBe(false);
    await expect.poll(() => ran()).toEqual(['necessary']);
  });

  test('an inline script with data-category is held and its body runs on grant', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = document.createElement('script');
    el.dataset.category = 'analytics';
    el.text = 'window.__ran.push("inline")';
    document.body.append(el);
    expect(ran()).toEqual([]);
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['inline']);
  });
});

describe('release', () => {
  test('runs held tags in document order, waiting for each ordered external script', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const first = script(tag('first'));
    const inline = document.createElement('script');
    inline.dataset.category = 'analytics';
    inline.text = 'window.__ran.push("inline-after-first")';
    const last = script(tag('last'));
    // Inserted in reverse: the release follows the document, not the insertion order.
    document.body.append(last);
    document.body.prepend(inline);
    document.body.prepend(first);
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['first', 'inline-after-first', 'last']);
  });

  test('keeps attributes, async, module type, onload and the nonce', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = script(tag('attrs'));
    el.async = true;
    el.id = 'kept';
    el.setAttribute('data-x', '1');
    el.nonce = 'abc123';
    let loaded = 0;
    el.onload = () => loaded++;
    const module = document.createElement('script');
    module.type = 'module';
    module.dataset.category = 'analytics';
    module.text = 'window.__ran.push("module:" + (typeof import.meta))';
    document.body.append(el, module);
    expect(module.type).toBe('text/plain');
    expect(module.dataset.type).toBe('module');
    gate.source.set({ analytics: true });
    await expect.poll(() => loaded).toBe(1);
    const fresh = document.getElementById('kept') as HTMLScriptElement;
    expect(fresh).not.toBe(el);
    expect(fresh.async).toBe(true);
    expect(fresh.getAttribute('data-x')).toBe('1');
    expect(fresh.nonce).toBe('abc123');
    expect(fresh.hasAttribute('type')).toBe(false);
    await expect.poll(() => ran().sort()).toEqual(['attrs', 'module:object']);
  });

  test("a loader's own element hears load and error after the grant: listeners, onload, an onload attribute, once each", async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const heard: string[] = [];
    const load = (src: string) =>
      new Promise<string>((resolve, reject) => {
        const el = script(src);
        el.addEventListener('load', (event) => resolve(`load:${event.target === el}`));
        el.addEventListener('error', () => reject(new Error('error')));
        el.onerror = () => heard.push('onerror');
        document.body.append(el);
      });
    const loaded = load(tag('loader'));
    const failed = load(url('analytics', 'missing.js')).catch((error: Error) => error.message);
    const attribute = document.createElement('script');
    attribute.setAttribute('onload', 'window.__ran.push("onload-attribute")');
    attribute.src = tag('attribute');
    document.body.append(attribute);
    expect(attribute.type).toBe('text/plain');

    gate.source.set({ analytics: true });
    expect(await loaded).toBe('load:true');
    expect(await failed).toBe('error');
    await expect.poll(() => ran().filter((name) => name === 'onload-attribute')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual(['onerror']);
    expect(ran().sort()).toEqual(['attribute', 'loader', 'onload-attribute']);
  });

  test('a held script removed before the grant never runs', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const gone = script(tag('gone'));
    const kept = script(tag('kept'));
    document.body.append(gone, kept);
    gone.remove();
    gate.source.set({ analytics: true });
    await expect.poll(() => ran()).toEqual(['kept']);
  });

  test('"!category" tags run only while the category is denied', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const el = document.createElement('script');
    el.type = 'text/plain';
    el.dataset.category = '!analytics';
    el.text = 'window.__ran.push("denied-only")';
    document.body.append(el);
    await expect.poll(() => ran()).toEqual(['denied-only']);
    gate.source.set({ analytics: true });
    const again = document.createElement('script');
    again.dataset.category = '!analytics';
    again.text = 'window.__ran.push("again")';
    document.body.append(again);
    expect(again.type).toBe('text/plain');
    expect(ran()).toEqual(['denied-only']);
  });

  test('after revoke, new scripts of the category are held again', () => {
    const gate = setup({ consent: { analytics: true } });
    cleanup = gate.cleanup;
    gate.source.set({ analytics: false });
    const el = script(tag('revoked'));
    document.body.append(el);
    expect(el.type).toBe('text/plain');
  });
});
