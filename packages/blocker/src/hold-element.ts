import type { Gate } from './gate';

/** The elements whose URL attributes the gate looks at. */
export const SELECTOR = 'script,img,iframe,link,source';
/** Script types the browser runs (an empty or missing type is a classic script). */
export const EXECUTABLE = /^\s*(|module|(text|application)\/(x-)?(java|ecma)script)\s*$/i;
/** Attributes that start a request; a held one waits in `data-<name>`. */
export const URL_ATTRIBUTES = ['src', 'srcset', 'href'];

/** The first URL of a `src`/`href`/`srcset` value. */
export function firstUrl(value: string): string {
  return value.trim().split(/[\s,]+/)[0];
}

/** Turns a script the browser would run into `<script type="text/plain" data-category>`. */
export function makeScriptInert(gate: Gate, el: Element, category: string): void {
  const type = el.getAttribute('type');
  if (!EXECUTABLE.test(type ?? '')) return;
  if (type !== null) gate._set(el, 'data-type', type);
  gate._set(el, 'type', 'text/plain');
  markCategory(gate, el, category);
}

/** Moves the URL attribute `name` to `data-<name>` (as the annotated markup writes it). */
export function holdAttribute(gate: Gate, el: Element, name: string, value: string, category: string): void {
  gate._set(el, `data-${name}`, value);
  el.removeAttribute(name);
  markCategory(gate, el, category);
}

/** Moves every held `data-<name>` back to `<name>`, which starts its request. */
export function restoreAttributes(gate: Gate, el: Element): void {
  for (const name of URL_ATTRIBUTES) {
    const value = el.getAttribute(`data-${name}`);
    if (value === null) continue;
    el.removeAttribute(`data-${name}`);
    gate._set(el, name, value);
  }
}

/** Annotated markup: an inert script, or an element whose URL waits in `data-src`/`data-href`. */
export function isAnnotated(el: Element): boolean {
  if (!el.hasAttribute('data-category')) return false;
  if (el.tagName === 'SCRIPT') return el.getAttribute('type')?.trim().toLowerCase() === 'text/plain';
  return URL_ATTRIBUTES.some((name) => el.hasAttribute(`data-${name}`));
}

function markCategory(gate: Gate, el: Element, category: string): void {
  if (!el.hasAttribute('data-category')) gate._set(el, 'data-category', category);
}
