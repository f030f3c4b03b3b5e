import type { GateContext } from './context';

/**
 * Guards `Worker` and `SharedWorker`: a worker's own requests cannot be seen from the page, so a
 * tracker's worker never starts; the page gets an inert stand-in it can talk to.
 */
export function installWorkers(ctx: Pick<GateContext, 'w' | 'holder' | 'drop' | 'patcher'>): () => void {
  const { w, holder, drop } = ctx;
  const patch = ctx.patcher();
  for (const key of ['Worker', 'SharedWorker']) {
    patch.method(w, key, (Original) => {
      function GatedWorker(url: unknown, options?: unknown) {
        const category = holder.hold(String(url));
        if (!category) return new (Original as unknown as new (...args: unknown[]) => object)(url, options);
        drop('worker', String(url), category);
        const inert = new w.EventTarget() as EventTarget & Record<string, unknown>;
        inert.postMessage = inert.terminate = inert.start = inert.close = () => {};
        inert.port = inert;
        return inert;
      }
      GatedWorker.prototype = Original.prototype;
      return GatedWorker as unknown as (...args: unknown[]) => unknown;
    });
  }
  return patch.restore;
}
