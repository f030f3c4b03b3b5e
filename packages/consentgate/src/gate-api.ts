import type { ConfigIssue, ConsentKernel } from '@consentgate/core';
import type { ConsentGate, GateImpl } from './types';

type Deferred = 'acceptAll' | 'rejectAll' | 'update' | 'reset' | 'history' | 'showBanner' | 'showPreferences';

/**
 * The gate's API from its first moment: `getConsent()`, `source`, `on()` and `whenGranted()` work
 * synchronously on the kernel; every other method is queued until the manager module attaches
 * (`attach`), then run in the order called. When the module cannot load (`fail`), the queued
 * calls resolve with the consent unchanged: nothing can be recorded, and the gate stays closed.
 */
export function createGateApi(
  kernel: ConsentKernel,
  issues: ConfigIssue[],
  destroy: () => void,
): { api: ConsentGate; attach(impl: GateImpl): void; fail(): void } {
  let impl: GateImpl | undefined;
  let failed = false;
  const queue: Array<() => void> = [];
  let ready!: () => void;
  const readyPromise = new Promise<void>((resolve) => (ready = resolve));
  const later =
    <K extends Deferred>(name: K) =>
    (...args: Parameters<GateImpl[K]>): ReturnType<GateImpl[K]> =>
      new Promise((resolve) => {
        const run = () =>
          (resolve as (value: unknown) => void)(
            impl
              ? (impl[name] as (...a: unknown[]) => unknown)(...args)
              : name === 'history'
                ? []
                : name === 'reset' || name.startsWith('show')
                  ? undefined
                  : kernel.getConsent(),
          );
        impl || failed ? run() : queue.push(run);
      }) as ReturnType<GateImpl[K]>;
  const flush = () => {
    for (const run of queue.splice(0)) run();
  };
  const api: ConsentGate = {
    config: kernel.config,
    issues,
    ready: readyPromise,
    source: kernel.source,
    getConsent: kernel.getConsent,
    on: (event, listener) =>
      kernel.on(['change', 'consent', 'decision'].includes(event) ? event : ('' as never), listener as never),
    whenGranted: kernel.whenGranted,
    acceptAll: later('acceptAll'),
    rejectAll: later('rejectAll'),
    update: later('update'),
    reset: later('reset'),
    history: later('history'),
    showBanner: later('showBanner'),
    // The opener is the element focused when the call was made, not when the queue runs.
    showPreferences(opener) {
      const from = opener ?? (typeof document === 'undefined' ? null : document.activeElement);
      return later('showPreferences')(from);
    },
    destroy() {
      impl?.destroy();
      destroy();
    },
  };
  return {
    api,
    attach(loaded) {
      impl = loaded;
      flush();
      loaded.ready.then(ready);
    },
    fail() {
      failed = true;
      flush();
      ready();
    },
  };
}
