/** Records one thing the gate did (`held`, `released`, `dropped`, `queued`, `replayed`, `deleted`). */
export type Log = (action: string, kind: string, url: string | null, category: string) => void;

/**
 * The `debug` log: one console table per task with everything the gate did in it, and why.
 * Without `debug`, a no-op.
 */
export function createLog(
  w: Window,
  debug: boolean | undefined,
  allowed: (category: string) => boolean,
): Log {
  if (!debug) return () => {};
  const rows: object[] = [];
  return (action, kind, url, category) => {
    const consent = category === '*' ? 'every category' : category;
    const why = `${consent} ${allowed(category) ? 'granted' : 'not granted'}`;
    if (rows.push({ action, kind, url, category, why }) === 1)
      w.setTimeout(() => console.table(rows.splice(0)));
  };
}
