// The held elements of one window: what makes an element inert, what is waiting for which
// category, and the queue that releases them in document order once their category is granted.
import type { Decisions } from './decide';
import {
  EXECUTABLE,
  firstUrl,
  GATED,
  holdAttribute,
  isAnnotated,
  makeScriptInert,
  restoreAttributes,
  SELECTOR,
  type SetAttribute,
  urlOf,
} from './element';
import type { Log } from './log';
import { trustedScripts } from './trusted-types';

export type Win = Window & typeof globalThis;

/** What the holder needs from the gate around it. */
export interface HolderContext {
  w: Win;
  decisions: Decisions;
  set: SetAttribute;
  log: Log;
  /** The box shown instead of a held iframe (null: none). */
  placeholder(frame: HTMLElement, category: string): HTMLElement | null;
  /** A same-origin frame was inserted: give its window the same gate. */
  onFrame(frame: HTMLIFrameElement): void;
}

/** The held elements of one window; see {@link createHolder}. */
export interface Holder {
  /** The category holding a request to `url` (made by `el`) right now, or null. */
  hold(url: string | null, el?: Element): string | null;
  /** Makes `el` inert when its category is denied (it becomes annotated markup); true when it did. */
  neutralise(el: Element): boolean;
  /** Registers annotated markup: released at once when allowed, else held until it is. */
  track(el: Element): void;
  /** Appends `node` (when gated) and every gated element below it to `into`; one scan. */
  collect(node: Node, into: Element[]): Element[];
  /** An HTML string with every denied element in it made inert. */
  sanitize(html: string): string;
  /** Whether `el` is a copy the gate itself inserted on release. */
  isReleased(el: Element | null): boolean;
  /** After a consent change: with `revoked`, loaded embeds go back behind their placeholders; then everything now allowed is released. */
  update(revoked: boolean): void;
  /** Removes the placeholders and shows the held iframes' boxes again (they stay held). */
  cleanup(): void;
}

/** Creates the holder of one window. */
export function createHolder(ctx: HolderContext): Holder {
  const { w, decisions, set, log } = ctx;
  const held = new Set<Element>();
  const released = new WeakSet<Element>();
  const placeholders = new Map<Element, [HTMLElement, string]>();
  const queue: Element[] = [];
  const template = Object.getOwnPropertyDescriptor(w.Element.prototype, 'innerHTML')!;
  let pumping = false;

  const hold: Holder['hold'] = (url, el) =>
    decisions.hold(url, el?.getAttribute('data-category'), w.document.baseURI, w.location.origin);

  const collect: Holder['collect'] = (node, into) => {
    if (node.nodeType === 1) {
      if (GATED[(node as Element).tagName]) into.push(node as Element);
      // Most inserted nodes have no children: no selector query for them.
      if (!(node as Element).firstElementChild) return into;
    } else if (node.nodeType !== 11 && node.nodeType !== 9) return into;
    for (const el of (node as ParentNode).querySelectorAll(SELECTOR)) into.push(el);
    return into;
  };

  const neutralise: Holder['neutralise'] = (el) => {
    if (released.has(el)) return false;
    if (el.tagName === 'SCRIPT') {
      if (!EXECUTABLE.test(el.getAttribute('type') ?? '')) return false;
      const category = hold(el.getAttribute('src'), el);
      if (category) makeScriptInert(set, el, category);
      return !!category;
    }
    let changed = false;
    for (const name of GATED[el.tagName] ?? []) {
      const value = el.getAttribute(name);
      if (value === null) continue;
      if (name === 'srcdoc') {
        const safe = sanitize(value);
        if (safe !== value) set(el, name, safe);
        changed ||= safe !== value;
        continue;
      }
      const category = hold(firstUrl(value), el);
      if (!category) continue;
      holdAttribute(set, el, name, value, category);
      changed = true;
    }
    return changed;
  };

  const sanitize: Holder['sanitize'] = (html) => {
    if (!/(src|href|srcset|srcdoc|data-category)\s*=/i.test(html)) return html;
    try {
      const box = w.document.createElement('template');
      template.set!.call(box, html);
      let changed = false;
      for (const el of collect(box.content, [])) changed = neutralise(el) || changed;
      return changed ? (template.get!.call(box) as string) : html;
    } catch {
      return html;
    }
  };

  const release = (el: Element): void | Promise<void> => {
    const category = el.getAttribute('data-category') ?? '';
    if (!decisions.allowed(category)) return void held.add(el);
    log('released', el.tagName.toLowerCase(), urlOf(el), category);
    const box = placeholders.get(el);
    if (box) {
      placeholders.delete(el);
      box[0].remove();
      (el as HTMLElement).style.display = box[1];
    }
    if (el.tagName === 'IFRAME') {
      // Chromium drops a src set on an iframe just after it was inserted (its initial
      // about:blank load wins; seen when released during parsing). A fresh copy always navigates.
      const fresh = el.cloneNode() as Element;
      restoreAttributes(set, fresh);
      released.add(fresh);
      el.parentNode?.replaceChild(fresh, el);
      return;
    }
    if (el.tagName !== 'SCRIPT') return restoreAttributes(set, el);
    // A script the browser has seen never runs again: a fresh copy replaces it.
    const parent = el.parentNode;
    if (!parent) return;
    const old = el as HTMLScriptElement;
    const fresh = w.document.createElement('script');
    const trusted = trustedScripts(w);
    for (const { name, value } of Array.from(old.attributes)) {
      // `on*` handlers stay on the held element, which hears the copy's load and error (below).
      if (name !== 'type' && name !== 'data-type' && !/^on/i.test(name))
        set(fresh, name, name === 'src' ? trusted.url(value) : value);
    }
    const type = old.getAttribute('data-type');
    if (type) set(fresh, 'type', type);
    // The nonce attribute is hidden once connected (HTML spec, "nonce attributes"); the property keeps it.
    if (old.nonce) fresh.nonce = old.nonce;
    // Page code keeps the element it created (a loader awaiting `script.addEventListener('load')`):
    // its `onload`/`onerror` and listeners hear the copy's events, once, with the held element as target.
    for (const kind of ['load', 'error'])
      fresh.addEventListener(kind, () => old.dispatchEvent(new Event(kind)), { once: true });
    if (old.text) fresh.text = trusted.script(old.text);
    released.add(fresh);
    const external = fresh.hasAttribute('src');
    // Inserted scripts are async by default; without `async` they keep their order.
    if (external && !fresh.hasAttribute('async')) fresh.async = false;
    const wait = external && !fresh.async && !fresh.noModule && EXECUTABLE.test(fresh.type);
    return new Promise<void>((done) => {
      if (wait) {
        fresh.addEventListener('load', () => done());
        fresh.addEventListener('error', () => done());
      }
      parent.replaceChild(fresh, old);
      if (!wait) done();
    });
  };

  // Releases one element at a time, waiting for each ordered external script to load, so
  // inline tags that use it run after it, as they would have without the gate.
  const pump = async () => {
    if (pumping) return;
    pumping = true;
    try {
      for (let el = queue.shift(); el; el = queue.shift()) {
        try {
          await release(el);
        } catch (error) {
          console.error('[consentgate] could not release', el, error);
        }
      }
    } finally {
      pumping = false;
    }
  };

  const track: Holder['track'] = (el) => {
    if (released.has(el) || !isAnnotated(el)) return;
    const category = el.getAttribute('data-category')!.trim();
    if (decisions.allowed(category)) {
      held.delete(el);
      if (!queue.includes(el)) queue.push(el);
      queue.sort(byDocumentOrder);
      // Started a microtask later, so every tag found in the same pass is queued in order first.
      w.Promise.resolve().then(pump);
    } else {
      if (!held.has(el)) {
        held.add(el);
        log('held', el.tagName.toLowerCase(), urlOf(el), category);
      }
      if (el.tagName === 'IFRAME' && category[0] !== '!' && el.parentNode && !placeholders.has(el)) {
        const frame = el as HTMLElement;
        const box = ctx.placeholder(frame, category);
        if (!box) return;
        placeholders.set(el, [box, frame.style.display]);
        el.parentNode.insertBefore(box, el);
        frame.style.display = 'none';
      }
    }
  };

  return {
    hold,
    neutralise,
    track,
    collect,
    sanitize,
    isReleased: (el) => !!el && released.has(el),
    update(revoked) {
      // An embed keeps talking to its host while it is loaded: a revoked one goes back behind
      // its placeholder (its document unloads), to be released again on the next grant.
      if (revoked) {
        for (const frame of w.document.querySelectorAll('iframe[src]')) {
          released.delete(frame);
          if (neutralise(frame)) track(frame);
        }
      }
      for (const el of [...held].sort(byDocumentOrder)) track(el);
    },
    cleanup() {
      for (const [el, [box, display]] of placeholders) {
        box.remove();
        (el as HTMLElement).style.display = display;
      }
      placeholders.clear();
    },
  };
}

function byDocumentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}
