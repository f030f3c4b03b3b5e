// Replacing a page API, one at a time and each on its own: a patch that the page (or an
// extension) makes impossible is reported and skipped, while every other patch stays.

type Method = (...args: unknown[]) => unknown;
type Setter = (this: unknown, value: unknown) => void;

/** Installs patches and remembers how to undo each; see {@link createPatcher}. */
export interface Patcher {
  /**
   * Replaces the method `key` of `target` by `make(original)`. Where `target` refuses (a
   * non-writable property), the wrapper is defined on `instance` instead (e.g. `navigator` for
   * `Navigator.prototype`), so the channel stays closed. Does nothing when there is no such method.
   */
  method(
    target: object | undefined,
    key: string,
    make: (original: Method) => Method,
    instance?: object,
  ): void;
  /** Wraps the setter of the accessor `key` of `proto`. */
  setter(proto: object | undefined, key: string, make: (original: Setter) => Setter): void;
  /** Puts back every original this patcher replaced, newest first. */
  restore(): void;
}

/** A patcher for one installer; `onFail` hears the name of each patch that could not be installed. */
export function createPatcher(onFail: (name: string) => void): Patcher {
  const undo: Array<() => void> = [];
  return {
    restore() {
      for (const step of undo.splice(0).reverse()) {
        try {
          step();
        } catch {}
      }
    },
    method(target, key, make, instance) {
      const o = target as Record<string, unknown> | undefined;
      const original = o?.[key];
      if (typeof original !== 'function') return;
      const wrapped = make(original as Method);
      try {
        o![key] = wrapped;
      } catch {}
      if (o![key] === wrapped) return void undo.push(() => (o![key] = original));
      // Not writable: redefine it where it is (allowed while configurable), else on the instance.
      for (const where of [target, instance]) {
        const own = where && Object.getOwnPropertyDescriptor(where, key);
        try {
          Object.defineProperty(where, key, { value: wrapped, configurable: true, writable: true });
          return void undo.push(() =>
            own ? Object.defineProperty(where, key, own) : delete (where as Record<string, unknown>)[key],
          );
        } catch {}
      }
      onFail(key);
    },
    setter(proto, key, make) {
      const desc = proto && Object.getOwnPropertyDescriptor(proto, key);
      if (!desc?.set) return;
      try {
        Object.defineProperty(proto, key, { ...desc, set: make(desc.set) });
        undo.push(() => Object.defineProperty(proto, key, desc));
      } catch {
        onFail(key);
      }
    },
  };
}
