import type { GateContext } from './context';
import type { Holder } from './holder';

// Inserted nodes the wrappers below already scanned; the observer skips them once.
type Handled = WeakSet<Node>;

/**
 * Guards every insertion method (`appendChild`, `insertBefore`, `replaceChild`, `append`,
 * `prepend`, `replaceChildren`, `before`, `after`, `replaceWith`, `insertAdjacentElement`): the
 * inserted subtree is scanned once, denied elements are made inert before the browser sees them,
 * and once connected they are held (and same-origin frames get the same gate).
 */
export function installInsertion(
  ctx: Pick<GateContext, 'w' | 'holder' | 'patcher'> & {
    handled: Handled;
    onFrame(frame: HTMLIFrameElement): void;
  },
): () => void {
  const { w, holder, handled, onFrame } = ctx;
  const patch = ctx.patcher();
  const insert = (from: number, to: number) => (original: (...args: unknown[]) => unknown) =>
    function (this: Node, ...args: unknown[]) {
      const found: Element[] = [];
      for (let i = from; i < to && i < args.length; i++) {
        const node = args[i] as Node | null;
        if (typeof node?.nodeType !== 'number') continue;
        holder.collect(node, found);
        // A fragment leaves itself behind: the observer sees its children.
        if (node.nodeType === 11) for (const child of node.childNodes) handled.add(child);
        else handled.add(node);
      }
      each(found, holder.neutralise);
      const result = original.apply(this, args);
      each(found, (el) => el.isConnected && connect(holder, onFrame, el));
      return result;
    };
  const node = w.Node.prototype;
  for (const key of ['appendChild', 'insertBefore', 'replaceChild']) patch.method(node, key, insert(0, 1));
  for (const proto of [w.Element.prototype, w.Document.prototype, w.DocumentFragment.prototype])
    for (const key of ['append', 'prepend', 'replaceChildren']) patch.method(proto, key, insert(0, 1e9));
  for (const proto of [w.Element.prototype, w.CharacterData.prototype])
    for (const key of ['before', 'after', 'replaceWith']) patch.method(proto, key, insert(0, 1e9));
  patch.method(w.Element.prototype, 'insertAdjacentElement', insert(1, 2));
  return patch.restore;
}

/**
 * Watches a document for what the parser adds after the gate (and any insertion no wrapper saw).
 * Chromium runs the callback in the microtask checkpoint before a parser-inserted script is
 * prepared (HTML spec, "an end tag whose tag name is script"), so an inert type set here stops it.
 * `watch` is called again when the window gets a new document (about:blank → srcdoc).
 */
export function createParserWatch(
  ctx: Pick<GateContext, 'w' | 'holder'> & { handled: Handled; onFrame(frame: HTMLIFrameElement): void },
): { watch(doc: Document): void; stop(): void; readonly doc?: Document } {
  const { w, holder, handled, onFrame } = ctx;
  let doc: Document | undefined;
  const found: Element[] = [];
  const take = (root: Node) => {
    holder.collect(root, found);
    each(found.splice(0), (el) => {
      holder.neutralise(el);
      connect(holder, onFrame, el);
    });
  };
  const observer = new w.MutationObserver((records) => {
    // The parser adds a subtree node by node, and each node has its own record: scan only the
    // outermost nodes of a batch (their scan covers what was added inside them), once each.
    const added = new Set<Node>();
    for (const record of records)
      for (const node of record.addedNodes) if (!handled.delete(node)) added.add(node);
    for (const node of added) {
      let inner = false;
      for (let up = node.parentNode; up && !inner; up = up.parentNode) inner = added.has(up);
      if (!inner) take(node);
    }
  });
  return {
    get doc() {
      return doc;
    },
    watch(next) {
      doc = next;
      observer.observe(next, { childList: true, subtree: true });
      take(next);
    },
    stop: () => observer.disconnect(),
  };
}

function connect(holder: Holder, onFrame: (frame: HTMLIFrameElement) => void, el: Element): void {
  holder.track(el);
  if (el.tagName === 'IFRAME') onFrame(el as HTMLIFrameElement);
}

function each(list: Element[], fn: (el: Element) => unknown): void {
  for (const el of list) {
    try {
      fn(el);
    } catch (error) {
      console.error('[consentgate]', error);
    }
  }
}
