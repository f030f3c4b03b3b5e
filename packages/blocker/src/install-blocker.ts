import type { ConsentSource, Rule } from '@consentgate/core';
import { catalogue } from './catalogue';
import { classifyUrl } from './classify-url';
import type { Gate, Win } from './gate';
import {
  EXECUTABLE,
  firstUrl,
  holdAttribute,
  isAnnotated,
  makeScriptInert,
  restoreAttributes,
  SELECTOR,
} from './hold-element';
import { type CookieRule, installCookieGate } from './install-cookie-gate';
import { installDomGate } from './install-dom-gate';
import { installNetworkGate } from './install-network-gate';
import { createPlaceholder } from './placeholder';
import { trustedScripts } from './trusted-types';
import type { BlockerOptions } from './types';

// One gate per window, even when an npm copy and the script-tag copy both install one.
const MARK = Symbol.for('consentgate.blocker');
const noop = () => {};

/**
 * Installs the tracking gate in a window: from now on nothing of a denied category reaches the
 * network (scripts, iframes, images, hints, fetch, XHR, beacons, workers, cookies), and held
 * elements are released in document order when their category is granted. Fails closed: while
 * `source.get(category)` is not `true`, that category is held; `necessary` always passes.
 *
 * Idempotent per window (a second call returns a no-op). Returns the cleanup, which restores
 * every patched original. Never throws: a broken option is reported on the console by name.
 */
export function installBlocker(options: BlockerOptions): () => void {
  const w = (options?.window ?? globalThis) as Win;
  const registry = w as unknown as Record<symbol, unknown>;
  if (!w?.document) return noop;
  const existing = registry[MARK] as Gate | undefined;
  if (existing) {
    if (existing._doc !== w.document) existing._watch(w.document);
    return noop;
  }
  const gate = createGate(w, {
    ...options,
    source: checkSource(options?.source),
    rules: checkRules(options?.rules),
  });
  try {
    gate._install();
  } catch (error) {
    console.error('[consentgate] the gate could not be installed', error);
    gate._uninstall();
    return noop;
  }
  registry[MARK] = gate;
  return () => {
    gate._uninstall();
    delete registry[MARK];
  };
}

function createGate(
  w: Win,
  options: BlockerOptions & { source: ConsentSource; rules: ReadonlyArray<Rule> },
): Gate & { _install(): void; _uninstall(): void } {
  const { source, rules } = options;
  const categories = options.categories ?? {};
  const cookieRules: CookieRule[] = [];
  for (const [id, config] of Object.entries(categories)) {
    for (const pattern of config?.cookies ?? []) cookieRules.push([pattern, id]);
  }
  for (const entry of catalogue)
    for (const pattern of entry.cookies ?? []) cookieRules.push([pattern, entry.category]);
  const known = new Set(
    [...catalogue, ...rules].map((rule) => rule.category).concat(Object.keys(categories)),
  );
  known.delete('necessary');
  // "Everything": what a same-origin request that matches no rule waits for (`blockSameOrigin`).
  const everything = [...known].filter((id) => !categories[id]?.separate);

  const held = new Set<Element>();
  const released = new WeakSet<Element>();
  const frames = new WeakSet<Element>();
  const placeholders = new Map<Element, [HTMLElement, string]>();
  const requests: Array<[string, () => void]> = [];
  const queue: Element[] = [];
  const rows: object[] = [];
  const setAttribute = w.Element.prototype.setAttribute;
  const template = Object.getOwnPropertyDescriptor(w.Element.prototype, 'innerHTML')!;
  let pumping = false;
  let last: Record<string, boolean> = {};
  let deleteCookies: (category: string) => void = noop;

  const allowed = (category: string): boolean => {
    category = category.trim();
    if (category[0] === '!') return !allowed(category.slice(1));
    if (category === 'necessary') return true;
    if (category === '*') return everything.every(allowed);
    try {
      return source.get(category) === true;
    } catch {
      return false;
    }
  };

  const categoryOf = (url: string | null, el?: Element): string | null => {
    const annotated = el?.getAttribute('data-category')?.trim();
    if (annotated) return annotated;
    if (!url) return null;
    const found = classifyUrl(url, rules, w.document.baseURI);
    if (found || !options.blockSameOrigin) return found;
    try {
      return new URL(url, w.document.baseURI).origin === w.location.origin ? '*' : null;
    } catch {
      return null;
    }
  };

  const snapshot = () => {
    last = {};
    for (const id of known) last[id] = allowed(id);
  };

  const release = (el: Element): void | Promise<void> => {
    const category = el.getAttribute('data-category') ?? '';
    if (!allowed(category)) {
      held.add(el);
      return;
    }
    gate._log('released', el.tagName.toLowerCase(), urlOf(el), category);
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
      restoreAttributes(gate, fresh);
      released.add(fresh);
      el.parentNode?.replaceChild(fresh, el);
      return;
    }
    if (el.tagName !== 'SCRIPT') return restoreAttributes(gate, el);
    // A script the browser has seen never runs again: a fresh copy replaces it.
    const parent = el.parentNode;
    if (!parent) return;
    const old = el as HTMLScriptElement;
    const fresh = w.document.createElement('script');
    const trusted = trustedScripts(w);
    for (const { name, value } of Array.from(old.attributes)) {
      // `on*` handlers stay on the held element, which hears the copy's load and error (below).
      if (name !== 'type' && name !== 'data-type' && !/^on/i.test(name))
        setAttribute.call(fresh, name, name === 'src' ? trusted.url(value) : value);
    }
    const type = old.getAttribute('data-type');
    if (type) setAttribute.call(fresh, 'type', type);
    // The nonce attribute is hidden once connected (HTML spec, "nonce attributes"); the property keeps it.
    if (old.nonce) fresh.nonce = old.nonce;
    // Page code keeps the element it created (a loader awaiting `script.addEventListener('load')`):
    // its `onload`/`onerror` and listeners hear the copy's events, once, with the held element as target.
    for (const type of ['load', 'error'])
      fresh.addEventListener(type, () => old.dispatchEvent(new Event(type)), { once: true });
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

  const onChange = () => {
    const before = last;
    snapshot();
    let revoked = false;
    for (const id of known) {
      if (before[id] && !last[id]) {
        revoked = true;
        deleteCookies(id);
      }
    }
    // An embed keeps talking to its host while it is loaded: a revoked one goes back behind
    // its placeholder (its document unloads), to be released again on the next grant.
    if (revoked) {
      for (const frame of Array.from(w.document.querySelectorAll('iframe[src]'))) {
        released.delete(frame);
        if (gate._neutralise(frame)) gate._track(frame);
      }
    }
    const waiting = [...held].sort(byDocumentOrder);
    for (const el of waiting) gate._track(el);
    for (let i = 0; i < requests.length; i++) {
      if (!allowed(requests[i][0])) continue;
      const [[category, replay]] = requests.splice(i--, 1);
      gate._log('replayed', 'request', null, category);
      replay();
    }
    if (revoked && options.reloadOnRevoke) w.location.reload();
  };

  const gate: Gate & { _install(): void; _uninstall(): void } = {
    _w: w,
    _watch: noop,
    _undo: [],
    _allowed: allowed,
    _hold(url, el) {
      const category = categoryOf(url, el);
      return category && !allowed(category) ? category : null;
    },
    _isReleased: (el) => !!el && released.has(el),
    _set(el, name, value) {
      setAttribute.call(el, name, value);
    },
    _neutralise(el) {
      if (released.has(el)) return false;
      if (el.tagName === 'SCRIPT') {
        if (!EXECUTABLE.test(el.getAttribute('type') ?? '')) return false;
        const category = gate._hold(el.getAttribute('src'), el);
        if (category) makeScriptInert(gate, el, category);
        return !!category;
      }
      let changed = false;
      for (const name of ['src', 'srcset', 'href', 'srcdoc']) {
        const value = el.getAttribute(name);
        if (value === null) continue;
        if (name === 'srcdoc') {
          const safe = gate._sanitize(value);
          if (safe !== value) gate._set(el, name, safe);
          changed ||= safe !== value;
          continue;
        }
        const category = gate._hold(firstUrl(value), el);
        if (!category) continue;
        holdAttribute(gate, el, name, value, category);
        changed = true;
      }
      return changed;
    },
    _track(el) {
      if (released.has(el) || !isAnnotated(el)) return;
      const category = el.getAttribute('data-category')!.trim();
      if (allowed(category)) {
        held.delete(el);
        if (!queue.includes(el)) queue.push(el);
        queue.sort(byDocumentOrder);
        // Started a microtask later, so every tag found in the same pass is queued in order first.
        w.Promise.resolve().then(pump);
      } else if (!held.has(el)) {
        held.add(el);
        gate._log('held', el.tagName.toLowerCase(), urlOf(el), category);
        if (el.tagName === 'IFRAME' && category[0] !== '!' && el.parentNode && !placeholders.has(el)) {
          const box = createPlaceholder(w.document, el, category, urlOf(el) ?? '', options);
          const frame = el as HTMLElement;
          placeholders.set(el, [box, frame.style.display]);
          el.parentNode.insertBefore(box, el);
          frame.style.display = 'none';
        }
      }
    },
    _scan(node, fn) {
      const each = (el: Element) => {
        try {
          fn(el);
        } catch (error) {
          console.error('consentgate:', error);
        }
      };
      if (node.nodeType === 1 && (node as Element).matches(SELECTOR)) each(node as Element);
      const below = (node as ParentNode).querySelectorAll?.(SELECTOR);
      if (below) for (const el of Array.from(below)) each(el);
    },
    _sanitize(html) {
      if (!/(src|href|srcset|srcdoc|data-category)\s*=/i.test(html)) return html;
      try {
        const box = w.document.createElement('template');
        template.set!.call(box, html);
        let changed = false;
        gate._scan(box.content, (el) => {
          changed = gate._neutralise(el) || changed;
        });
        return changed ? (template.get!.call(box) as string) : html;
      } catch {
        return html;
      }
    },
    _drop(kind, url, category, replay) {
      const keep = !!(options.replayHeldRequests && replay);
      if (keep) requests.push([category, replay!]);
      gate._log(keep ? 'queued' : 'dropped', kind, url, category);
    },
    _log(action, kind, url, category) {
      if (!options.debug) return;
      const consent = category === '*' ? 'every category' : category;
      const why = `${consent} ${allowed(category) ? 'granted' : 'not granted'}`;
      // One table per task: everything the gate did in it, together.
      if (rows.push({ action, kind, url, category, why }) === 1)
        w.setTimeout(() => console.table(rows.splice(0)));
    },
    _child(frame) {
      const attach = () => {
        try {
          const child = frame.contentWindow as Win | null;
          if (child && child !== w && child.document)
            gate._undo.push(installBlocker({ ...options, window: child }));
        } catch {
          // A cross-origin frame: its own origin, its own rules.
        }
      };
      if (!frames.has(frame)) {
        frames.add(frame);
        // srcdoc and same-origin documents replace the initial about:blank one after insertion.
        frame.addEventListener('load', attach);
      }
      attach();
    },
    _install() {
      snapshot();
      deleteCookies = installCookieGate(gate, cookieRules);
      installNetworkGate(gate);
      installDomGate(gate);
      gate._undo.push(
        source.subscribe(() => {
          try {
            onChange();
          } catch (error) {
            console.error('[consentgate] could not apply the consent change', error);
          }
        }),
      );
    },
    _uninstall() {
      for (const undo of gate._undo.splice(0).reverse()) {
        try {
          undo();
        } catch {}
      }
      for (const [el, [box, display]] of placeholders) {
        box.remove();
        (el as HTMLElement).style.display = display;
      }
      placeholders.clear();
    },
  };
  return gate;
}

function byDocumentOrder(a: Node, b: Node): number {
  return a.compareDocumentPosition(b) & 4 ? -1 : 1;
}

function urlOf(el: Element): string | null {
  for (const name of ['src', 'data-src', 'data-srcset', 'data-href']) {
    const value = el.getAttribute(name);
    if (value) return name === 'data-srcset' ? firstUrl(value) : value;
  }
  return null;
}

// Without a usable source the gate cannot know anything was granted: it holds everything.
function checkSource(source: ConsentSource | undefined): ConsentSource {
  if (typeof source?.get === 'function' && typeof source.subscribe === 'function') return source;
  console.error(
    '[consentgate] options.source must have get(category) and subscribe(listener); holding everything',
  );
  return { get: () => false, subscribe: () => noop };
}

function checkRules(rules: unknown): ReadonlyArray<Rule> {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) {
    console.error('[consentgate] options.rules must be an array of { category, match }; ignored');
    return [];
  }
  return rules.filter((rule: Rule, i) => {
    const ok =
      typeof rule?.category === 'string' &&
      Array.isArray(rule.match) &&
      rule.match.every((pattern) => typeof pattern === 'string');
    if (!ok)
      console.error(
        `[consentgate] options.rules[${i}] must be { category: string, match: string[] }; ignored`,
      );
    return ok;
  });
}
