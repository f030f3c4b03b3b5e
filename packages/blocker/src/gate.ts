// The internal context shared by the installers of one window's gate.

export type Win = Window & typeof globalThis;

export interface Gate {
  _w: Win;
  /** The document the observer watches; a same-origin frame may swap it (about:blank → srcdoc). */
  _doc?: Document;
  /** Starts watching `doc`: holds what is already in it and what the parser adds later. */
  _watch(doc: Document): void;
  /** The category that holds a request to `url` (from `el`) right now, or null when it may pass. */
  _hold(url: string | null, el?: Element): string | null;
  _allowed(category: string): boolean;
  /** Makes `el` inert when its category is denied (it becomes annotated markup); true when it did. */
  _neutralise(el: Element): boolean;
  /** Registers annotated markup: released at once when allowed, else held until it is. */
  _track(el: Element): void;
  /** Applies `fn` to `node` and every gated element below it. */
  _scan(node: Node, fn: (el: Element) => unknown): void;
  /** An HTML string with every denied element in it made inert. */
  _sanitize(html: string): string;
  /** Holds a request of `category` (with `replayHeldRequests`, sends it on grant). */
  _drop(kind: string, url: string, category: string, replay?: () => void): void;
  _log(action: string, kind: string, url: string | null, category: string): void;
  /** Gives a same-origin child frame the same gate. */
  _child(frame: HTMLIFrameElement): void;
  /** Whether `el` is a script the gate itself inserted on release. */
  _isReleased(el: Element | null): boolean;
  /** The original `setAttribute`. */
  _set(el: Element, name: string, value: string): void;
  _undo: Array<() => void>;
}

/** Replaces `obj[key]` (a method) by `make(original)`; the gate's cleanup puts it back. */
export function patchMethod<T extends object>(
  gate: Gate,
  obj: T | undefined,
  key: string,
  make: (original: Function) => Function,
): void {
  const o = obj as Record<string, Function> | undefined;
  const original = o?.[key];
  if (!o || typeof original !== 'function') return;
  o[key] = make(original);
  gate._undo.push(() => {
    o[key] = original;
  });
}

/** Wraps the setter of the accessor `key` of `proto`; the gate's cleanup restores the descriptor. */
export function patchSetter(
  gate: Gate,
  proto: object | undefined,
  key: string,
  make: (original: (this: unknown, value: unknown) => void) => (this: never, value: unknown) => void,
): void {
  const desc = proto && Object.getOwnPropertyDescriptor(proto, key);
  if (!desc?.set) return;
  Object.defineProperty(proto, key, { ...desc, set: make(desc.set) });
  gate._undo.push(() => Object.defineProperty(proto, key, desc));
}
