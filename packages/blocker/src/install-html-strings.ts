import type { GateContext } from './context';

/**
 * Guards the HTML-string APIs: `innerHTML`, `outerHTML`, `insertAdjacentHTML`, `setHTMLUnsafe`,
 * `createContextualFragment` and `document.write`. The string is parsed in an inert template,
 * denied elements are made inert, and it is serialised again. Non-string values (Trusted Types)
 * pass unchanged: the gate cannot mint TrustedHTML.
 */
export function installHtmlStrings(ctx: Pick<GateContext, 'w' | 'holder' | 'patcher'>): () => void {
  const { w, holder } = ctx;
  const patch = ctx.patcher();
  const html = (index: number) => (original: (...args: unknown[]) => unknown) =>
    function (this: unknown, ...args: unknown[]) {
      if (typeof args[index] === 'string') args[index] = holder.sanitize(args[index] as string);
      return original.apply(this, args);
    };
  patch.method(w.Element.prototype, 'insertAdjacentHTML', html(1));
  patch.method(w.Element.prototype, 'setHTMLUnsafe', html(0));
  patch.method(w.ShadowRoot?.prototype, 'setHTMLUnsafe', html(0));
  patch.method(w.Range?.prototype, 'createContextualFragment', html(0));
  // document.write may split one tag over several arguments: sanitise them as one string.
  for (const key of ['write', 'writeln']) {
    patch.method(
      w.Document.prototype,
      key,
      (original) =>
        function (this: Document, ...args: unknown[]) {
          if (args.every((arg) => typeof arg === 'string')) args = [holder.sanitize(args.join(''))];
          const current = this.currentScript;
          // A released tag is no longer parser-inserted: its write would reopen (wipe) the page.
          // It gets what a parser-inserted script gets: the markup right after it, scripts run.
          if (current?.parentNode && holder.released.has(current) && typeof args[0] === 'string') {
            const range = this.createRange();
            range.selectNode(current);
            const markup = args[0] + (key === 'writeln' ? '\n' : '');
            current.parentNode.insertBefore(range.createContextualFragment(markup), current.nextSibling);
            return;
          }
          return original.apply(this, args);
        },
    );
  }
  for (const proto of [w.Element.prototype, w.ShadowRoot?.prototype])
    for (const key of ['innerHTML', 'outerHTML'])
      patch.setter(
        proto,
        key,
        (original) =>
          function (this: unknown, value: unknown) {
            original.call(this, typeof value === 'string' ? holder.sanitize(value) : value);
          },
      );
  return patch.restore;
}
