import { type Gate, patchMethod } from './gate';

/**
 * Guards the request APIs that have no element: `fetch` (also `keepalive` and `Request`
 * objects), `XMLHttpRequest`, `navigator.sendBeacon`, and `Worker`/`SharedWorker` constructors.
 */
export function installNetworkGate(gate: Gate): void {
  const w = gate._w;

  patchMethod(
    gate,
    w,
    'fetch',
    (original) =>
      function (this: unknown, ...args: unknown[]) {
        const input = args[0] as Request | string;
        const url = typeof input === 'string' ? input : (input?.url ?? String(input));
        const category = gate._hold(url);
        if (!category) return original.apply(this, args);
        gate._drop('fetch', url, category, () => original.apply(w, args).catch(() => {}));
        // What a blocked request looks like to the caller: a network error.
        return w.Promise.reject(new w.TypeError(`[consentgate] held a request of ${category}`));
      },
  );

  patchMethod(
    gate,
    w.Navigator?.prototype,
    'sendBeacon',
    (original) =>
      function (this: Navigator, ...args: unknown[]) {
        const url = String(args[0]);
        const category = gate._hold(url);
        if (!category) return original.apply(this, args);
        gate._drop('beacon', url, category, () => original.apply(this, args));
        return false;
      },
  );

  const requests = new WeakMap<object, string>();
  const xhr = w.XMLHttpRequest?.prototype;
  patchMethod(
    gate,
    xhr,
    'open',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        requests.set(this, String(args[1]));
        return original.apply(this, args);
      },
  );
  // Consent is read at send time: it may change between open() and send().
  patchMethod(
    gate,
    xhr,
    'send',
    (original) =>
      function (this: XMLHttpRequest, ...args: unknown[]) {
        const url = requests.get(this);
        const category = url && gate._hold(url);
        if (!category) return original.apply(this, args);
        gate._drop('xhr', url, category);
        w.setTimeout(() => {
          for (const type of ['error', 'loadend']) this.dispatchEvent(new w.ProgressEvent(type));
        });
      },
  );

  // A worker's own requests cannot be seen from the page, so a tracker's worker never starts.
  for (const key of ['Worker', 'SharedWorker']) {
    patchMethod(gate, w, key, (Original) => {
      function GatedWorker(url: unknown, options?: unknown) {
        const category = gate._hold(String(url));
        if (!category) return new (Original as new (...args: unknown[]) => object)(url, options);
        gate._drop('worker', String(url), category);
        const inert = new w.EventTarget() as EventTarget & Record<string, unknown>;
        inert.postMessage = inert.terminate = inert.start = inert.close = () => {};
        inert.port = inert;
        return inert;
      }
      GatedWorker.prototype = Original.prototype;
      return GatedWorker;
    });
  }
}
