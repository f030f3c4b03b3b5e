// The held elements of one window: what makes an element inert and what waits for which
// category. Giving them back (release.ts) is another module, which the gate loads after it ran:
// nothing can be granted before then.
import type { Decisions } from './decide';
import {
  EXECUTABLE,
  firstUrl,
  GATED,
  holdAttribute,
  isAnnotated,
  makeScriptInert,
  SELECTOR,
  type SetAttribute,
  urlOf,
} from './element';
import type { Log } from './log';

export type Win = Window & typeof globalThis;

/** What the holder needs from the gate around it. */
export interface HolderContext {
  w: Win;
  decisions: Decisions;
  set: SetAttribute;
  log: Log;
  /** The box shown instead of a held iframe (null: none yet). */
  placeholder(frame: HTMLElement, category: string): HTMLElement | null;
}

/** The held elements of one window; see {@link createHolder}. */
export interface Holder {
  /** The category holding a request to `url` (made by `el`) right now, or null. */
  hold(url: string | null, el?: Element): string | null;
  /** Makes `el` inert when its category is denied (it becomes annotated markup); true when it did. */
  neutralise(el: Element): boolean;
  /** Registers annotated markup: handed to `release` when allowed, else held until it is. */
  track(el: Element): void;
  /** Appends `node` (when gated) and every gated element below it to `into`; one scan. */
  collect(node: Node, into: Element[]): Element[];
  /** An HTML string with every denied element in it made inert. */
  sanitize(html: string): string;
  /** Held annotated elements, by document order when sorted. */
  readonly held: Set<Element>;
  /** Copies the gate itself inserted on release (never held again as they load). */
  readonly released: WeakSet<Element>;
  /** Each held iframe's placeholder box and the display style it had. */
  readonly placeholders: Map<Element, [HTMLElement, string]>;
  /** Gives back an allowed element (set once the release module is loaded). */
  release?: (el: Element) => void;
  /** Removes the placeholders and shows the held iframes' boxes again (they stay held). */
  cleanup(): void;
}

/** Creates the holder of one window. */
export function createHolder(ctx: HolderContext): Holder {
  const { w, decisions, set, log } = ctx;
  const held = new Set<Element>();
  const released = new WeakSet<Element>();
  const placeholders = new Map<Element, [HTMLElement, string]>();
  const template = Object.getOwnPropertyDescriptor(w.Element.prototype, 'innerHTML')!;

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

  const holder: Holder = {
    hold,
    neutralise,
    collect,
    sanitize,
    held,
    released,
    placeholders,
    track(el) {
      if (released.has(el) || !isAnnotated(el)) return;
      const category = el.getAttribute('data-category')!.trim();
      if (decisions.allowed(category) && holder.release) {
        held.delete(el);
        holder.release(el);
        return;
      }
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
    },
    cleanup() {
      for (const [el, [box, display]] of placeholders) {
        box.remove();
        (el as HTMLElement).style.display = display;
      }
      placeholders.clear();
    },
  };
  return holder;
}
