import type { GateContext } from './context';

/**
 * Guards the request APIs that have no element: `fetch` (also `keepalive` and `Request`
 * objects), `XMLHttpRequest` (consent read at `send()`) and `navigator.sendBeacon`.
 */
export function installNetwork(ctx: Pick<GateContext, 'w' | 'holder' | 'drop' | 'patcher'>): () => void {
  const { w, holder, drop } = ctx;
  const patch = ctx.patcher();

  patch.method(
    w,
    'fetch',
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        const input = args[0] as Request | string;
        const url = typeof input === 'string' ? input : (input?.url ?? String(input));
        const category = holder.hold(url);
        if (!category) return original.apply(this, args);
        drop('fetch', url, category, () => (original.apply(w, args) as Promise<unknown>).catch(() => {}));
        // What a blocked request looks like to the caller: a network error.
        return w.Promise.reject(new w.TypeError(`[consentgate] held a request of ${category}`));
      },
  );

  patch.method(
    w.Navigator?.prototype,
    'sendBeacon',
    (original) =>
      function (this: Navigator, ...args: unknown[]) {
        const url = String(args[0]);
        const category = holder.hold(url);
        if (!category) return original.apply(this, args);
        drop('beacon', url, category, () => original.apply(this, args));
        return false;
      },
    // A page (or extension) that froze the prototype's method still cannot open the channel.
    w.navigator,
  );

  const urls = new WeakMap<object, string>();
  const xhr = w.XMLHttpRequest?.prototype;
  patch.method(
    xhr,
    'open',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        urls.set(this, String(args[1]));
        return original.apply(this, args);
      },
  );
  patch.method(
    xhr,
    'send',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        const url = urls.get(this);
        const category = url && holder.hold(url);
        if (!category) return original.apply(this, args);
        drop('xhr', url, category);
        w.setTimeout(() => {
          for (const type of ['error', 'loadend']) this.dispatchEvent(new w.ProgressEvent(type));
        });
      },
  );
  return patch.restore;
}
