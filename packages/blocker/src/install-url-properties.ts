import type { GateContext } from './context';
import { firstUrl, GATED, holdAttribute, makeScriptInert, restoreAttributes } from './element';

/**
 * Guards the URL-carrying properties of every gated element (`script.src`, `img.srcset`,
 * `iframe.srcdoc`, `link.href`, …) and `setAttribute` of the same names: a URL of a denied
 * category is held (the element becomes annotated markup), a `srcdoc` is sanitised.
 */
export function installUrlProperties(
  ctx: Pick<GateContext, 'w' | 'holder' | 'set' | 'drop' | 'patcher'>,
): () => void {
  const { w, holder, set, drop } = ctx;
  const patch = ctx.patcher();

  // Returns true when the gate handled the value (held it, or set a sanitised srcdoc).
  const gated = (el: Element, name: string, value: unknown): boolean => {
    try {
      if (name === 'srcdoc') {
        if (typeof value !== 'string') return false;
        set(el, name, holder.sanitize(value));
        return true;
      }
      const url = String(value);
      const category = holder.hold(firstUrl(url), el);
      if (!category) return false;
      if (el.tagName === 'SCRIPT') {
        // Inert first: setting `src` on a connected script that never ran starts it at once.
        makeScriptInert(set, el, category);
        set(el, name, url);
      } else holdAttribute(set, el, name, url, category);
      if (el.isConnected) holder.track(el);
      else if (el.tagName === 'IMG') drop('pixel', url, category, () => restoreAttributes(set, el));
      return true;
    } catch {
      return false;
    }
  };

  for (const tag in GATED) {
    const ctor = (w as unknown as Record<string, { prototype: object } | undefined>)[ELEMENT_CLASS[tag]];
    for (const name of GATED[tag])
      patch.setter(
        ctor?.prototype,
        name,
        (original) =>
          function (this: unknown, value: unknown) {
            if (!gated(this as Element, name, value)) original.call(this, value);
          },
      );
  }
  patch.method(
    w.Element.prototype,
    'setAttribute',
    (original) =>
      function (this: Element, ...args: unknown[]) {
        const name = String(args[0]).toLowerCase();
        if (GATED[this.tagName]?.includes(name) && gated(this, name, args[1])) return;
        return original.apply(this, args);
      },
  );
  return patch.restore;
}

// The interface of each gated tag, whose prototype holds the URL setters.
const ELEMENT_CLASS: Readonly<Record<string, string>> = {
  SCRIPT: 'HTMLScriptElement',
  IMG: 'HTMLImageElement',
  IFRAME: 'HTMLIFrameElement',
  SOURCE: 'HTMLSourceElement',
  LINK: 'HTMLLinkElement',
};
