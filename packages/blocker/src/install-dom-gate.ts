import { type Gate, patchMethod, patchSetter } from './gate';
import { firstUrl, holdAttribute, makeScriptInert, restoreAttributes } from './hold-element';

// The URL-carrying properties of each element the gate guards (their setters and setAttribute).
const GATED: Record<string, [string, string[]]> = {
  SCRIPT: ['Script', ['src']],
  IMG: ['Image', ['src', 'srcset']],
  IFRAME: ['IFrame', ['src', 'srcdoc']],
  SOURCE: ['Source', ['src', 'srcset']],
  LINK: ['Link', ['href']],
};

/**
 * Guards every way an element reaches the network: URL property setters, `setAttribute`, every
 * insertion method, the HTML-string APIs and, for markup the parser adds after the gate, a
 * MutationObserver.
 */
export function installDomGate(gate: Gate): void {
  const w = gate._w;
  const element = w.Element.prototype;

  for (const [ctor, names] of Object.values(GATED)) {
    const proto = (w as unknown as Record<string, { prototype: object } | undefined>)[`HTML${ctor}Element`];
    for (const name of names) {
      patchSetter(
        gate,
        proto?.prototype,
        name,
        (original) =>
          function (this: Element, value: unknown) {
            if (!setGated(gate, this, name, value)) original.call(this, value);
          },
      );
    }
  }
  patchMethod(
    gate,
    element,
    'setAttribute',
    (original) =>
      function (this: Element, ...args: unknown[]) {
        const key = String(args[0]).toLowerCase();
        if (GATED[this.tagName]?.[1].includes(key) && setGated(gate, this, key, args[1])) return;
        return original.apply(this, args);
      },
  );

  // Insertion: make denied elements inert before the browser sees them; afterwards hold them
  // (without waiting for the observer) and give same-origin frames (about:blank, srcdoc) their own gate, so their window cannot bypass it.
  const insert = (from: number, to: number) => (original: Function) =>
    function (this: Node, ...args: unknown[]) {
      const nodes = args
        .slice(from, to)
        .filter((arg): arg is Node => typeof (arg as Node)?.nodeType === 'number');
      for (const node of nodes) gate._scan(node, gate._neutralise);
      const result = original.apply(this, args);
      for (const node of nodes) {
        gate._scan(node, (el) => {
          if (!el.isConnected) return;
          gate._track(el);
          if (el.tagName === 'IFRAME') gate._child(el as HTMLIFrameElement);
        });
      }
      return result;
    };
  const node = w.Node.prototype;
  for (const key of ['appendChild', 'insertBefore', 'replaceChild'])
    patchMethod(gate, node, key, insert(0, 1));
  for (const proto of [element, w.Document.prototype, w.DocumentFragment.prototype]) {
    for (const key of ['append', 'prepend', 'replaceChildren']) patchMethod(gate, proto, key, insert(0, 1e9));
  }
  for (const proto of [element, w.CharacterData.prototype]) {
    for (const key of ['before', 'after', 'replaceWith']) patchMethod(gate, proto, key, insert(0, 1e9));
  }
  patchMethod(gate, element, 'insertAdjacentElement', insert(1, 2));

  // HTML strings: parsed in an inert template, denied elements made inert, serialised again.
  // Non-string values (Trusted Types) pass unchanged: the gate cannot mint TrustedHTML.
  const html = (index: number) => (original: Function) =>
    function (this: unknown, ...args: unknown[]) {
      if (typeof args[index] === 'string') args[index] = gate._sanitize(args[index] as string);
      return original.apply(this, args);
    };
  patchMethod(gate, element, 'insertAdjacentHTML', html(1));
  patchMethod(gate, element, 'setHTMLUnsafe', html(0));
  patchMethod(gate, w.ShadowRoot?.prototype, 'setHTMLUnsafe', html(0));
  patchMethod(gate, w.Range?.prototype, 'createContextualFragment', html(0));
  // document.write may split one tag over several arguments: sanitise them as one string.
  for (const key of ['write', 'writeln']) {
    patchMethod(
      gate,
      w.Document.prototype,
      key,
      (original) =>
        function (this: Document, ...args: unknown[]) {
          if (args.every((arg) => typeof arg === 'string')) args = [gate._sanitize(args.join(''))];
          const current = this.currentScript;
          // A released tag is no longer parser-inserted: its write would reopen (wipe) the page.
          // It gets what a parser-inserted script gets: the markup right after it, scripts run.
          if (current?.parentNode && gate._isReleased(current) && typeof args[0] === 'string') {
            const range = this.createRange();
            range.selectNode(current);
            const html = args[0] + (key === 'writeln' ? '\n' : '');
            current.parentNode.insertBefore(range.createContextualFragment(html), current.nextSibling);
            return;
          }
          return original.apply(this, args);
        },
    );
  }
  for (const proto of [element, w.ShadowRoot?.prototype]) {
    for (const key of ['innerHTML', 'outerHTML']) {
      patchSetter(
        gate,
        proto,
        key,
        (original) =>
          function (this: Element, value: unknown) {
            original.call(this, typeof value === 'string' ? gate._sanitize(value) : value);
          },
      );
    }
  }

  // Parser-inserted markup after the gate. Chromium runs this callback in the microtask
  // checkpoint before a parser-inserted script is prepared (HTML spec, "an end tag whose tag
  // name is script"), so an inert type set here stops it from running.
  const observer = new w.MutationObserver((records) => {
    for (const record of records) {
      for (const added of Array.from(record.addedNodes)) {
        gate._scan(added, (el) => {
          gate._neutralise(el);
          gate._track(el);
        });
      }
    }
  });
  gate._undo.push(() => observer.disconnect());
  gate._watch = (doc) => {
    gate._doc = doc;
    observer.observe(doc, { childList: true, subtree: true });
    gate._scan(doc, (el) => {
      gate._neutralise(el);
      gate._track(el);
    });
  };
  gate._watch(w.document);
}

// A URL (or srcdoc) assigned to a guarded element: returns true when the gate handled it
// (held it, or set a sanitised srcdoc), false to let the original setter run.
function setGated(gate: Gate, el: Element, name: string, value: unknown): boolean {
  try {
    if (name === 'srcdoc') {
      if (typeof value !== 'string') return false;
      gate._set(el, name, gate._sanitize(value));
      return true;
    }
    const url = String(value);
    const category = gate._hold(firstUrl(url), el);
    if (!category) return false;
    if (el.tagName === 'SCRIPT') {
      // Inert first: setting `src` on a connected script that never ran starts it at once.
      makeScriptInert(gate, el, category);
      gate._set(el, name, value as string);
    } else {
      holdAttribute(gate, el, name, url, category);
    }
    if (el.isConnected) gate._track(el);
    else if (el.tagName === 'IMG') gate._drop('pixel', url, category, () => restoreAttributes(gate, el));
    return true;
  } catch {
    return false;
  }
}
