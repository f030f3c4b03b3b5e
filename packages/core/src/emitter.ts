/** Listeners by event name; a throwing listener is reported and the others still run. */
export interface Emitter<E extends Record<string, (arg: never) => void>> {
  on<K extends keyof E>(event: K, listener: E[K]): () => void;
  emit<K extends keyof E>(event: K, arg: Parameters<E[K]>[0]): void;
  clear(): void;
}

/** An emitter of the events `names` (others are refused by `on`). */
export function createEmitter<E extends Record<string, (arg: never) => void>>(
  names: ReadonlyArray<keyof E>,
  onError: (error: unknown) => void,
): Emitter<E> {
  const listeners = new Map(names.map((name) => [name, new Set<E[keyof E]>()]));
  return {
    on(event, listener) {
      const set = listeners.get(event);
      if (!set || typeof listener !== 'function')
        throw new TypeError(`expected one of ${names.join(', ')} and a function`);
      set.add(listener);
      return () => {
        set.delete(listener);
      };
    },
    emit(event, arg) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          (listener as unknown as (a: unknown) => void)(arg);
        } catch (error) {
          onError(error);
        }
      }
    },
    clear() {
      for (const set of listeners.values()) set.clear();
    },
  };
}
