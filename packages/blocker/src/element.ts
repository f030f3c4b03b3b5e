// How an element is held and given back: plain DOM edits, shared by every channel.

/** The original `setAttribute`, so the gate's own edits never pass through its own patch. */
export type SetAttribute = (el: Element, name: string, value: string) => void;

/** Per element the gate guards (by tag name), the attributes that start a request. */
export const GATED: Readonly<Record<string, ReadonlyArray<string>>> = {
  SCRIPT: ['src'],
  IMG: ['src', 'srcset'],
  IFRAME: ['src', 'srcdoc'],
  SOURCE: ['src', 'srcset'],
  LINK: ['href'],
};
/** The elements whose URL attributes the gate looks at, as a selector. */
export const SELECTOR: string = Object.keys(GATED).join();
/** Script types the browser runs (an empty or missing type is a classic script). */
export const EXECUTABLE = /^\s*(|module|(text|application)\/(x-)?(java|ecma)script)\s*$/i;
/** Attributes that start a request; a held one waits in `data-<name>`. */
export const URL_ATTRIBUTES = ['src', 'srcset', 'href'];

/** The first URL of a `src`/`href`/`srcset` value. */
export function firstUrl(value: string): string {
  return value.trim().split(/[\s,]+/)[0];
}

/** Turns a script the browser would run into `<script type="text/plain" data-category>`. */
export function makeScriptInert(set: SetAttribute, el: Element, category: string): void {
  const type = el.getAttribute('type');
  if (!EXECUTABLE.test(type ?? '')) return;
  if (type !== null) set(el, 'data-type', type);
  set(el, 'type', 'text/plain');
  markCategory(set, el, category);
}

/** Moves the URL attribute `name` to `data-<name>` (as the annotated markup writes it). */
export function holdAttribute(
  set: SetAttribute,
  el: Element,
  name: string,
  value: string,
  category: string,
): void {
  set(el, `data-${name}`, value);
  el.removeAttribute(name);
  markCategory(set, el, category);
}

/** Moves every held `data-<name>` back to `<name>`, which starts its request. */
export function restoreAttributes(set: SetAttribute, el: Element): void {
  for (const name of URL_ATTRIBUTES) {
    const value = el.getAttribute(`data-${name}`);
    if (value === null) continue;
    el.removeAttribute(`data-${name}`);
    set(el, name, value);
  }
}

/** Annotated markup: an inert script, or an element whose URL waits in `data-src`/`data-href`. */
export function isAnnotated(el: Element): boolean {
  if (!el.hasAttribute('data-category')) return false;
  if (el.tagName === 'SCRIPT') return el.getAttribute('type')?.trim().toLowerCase() === 'text/plain';
  return URL_ATTRIBUTES.some((name) => el.hasAttribute(`data-${name}`));
}

/** The URL an element would load (held or not), for logs and placeholders. */
export function urlOf(el: Element): string | null {
  for (const name of ['src', 'data-src', 'data-srcset', 'data-href']) {
    const value = el.getAttribute(name);
    if (value) return name === 'data-srcset' ? firstUrl(value) : value;
  }
  return null;
}

function markCategory(set: SetAttribute, el: Element, category: string): void {
  if (!el.hasAttribute('data-category')) set(el, 'data-category', category);
}
