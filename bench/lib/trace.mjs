// Reading a Chromium trace (the JSON `browser.stopTracing()` returns): the renderer main thread
// of one page, and the main-thread time attributable to one product's scripts.
//
// The attribution rule, used by gate-cost.mjs and written out in README.md:
// - Only the renderer main thread of the page (the CrRendererMain thread that parsed the page's
//   HTML), only complete events (`X`, or a matched `B`/`E` pair).
// - Counted kinds: script evaluation (`EvaluateScript`, `v8.compile`, `v8.compileModule`,
//   `v8.evaluateModule`) and callbacks into script (`FunctionCall`: event listeners, timers,
//   animation frames, IndexedDB and script-load callbacks, observers).
// - An event is the product's when its URL (`args.data.url`, else `args.fileName`) is one of the
//   product's files (`prefix`), or it is the page itself at a line of the product's own inline
//   markup (`inlineLines`: its config, or vanilla-cookieconsent's `CookieConsent.run()`).
// - No double counting: an event contained in another counted event of the same thread is
//   skipped (a `v8.compile` inside its `EvaluateScript`, a callback inside an evaluation). A
//   product's callback that runs inside the page's own script still counts (the page's event is
//   not a counted one).
// - What this leaves out, and the report says so: promise reactions that run in a microtask
//   checkpoint of their own (not inside any script event), and style/layout/paint done after the
//   product's script returned. `unattributedMicrotasks` and the page's whole main-thread time
//   (`mainThread`) are reported beside it for that reason.

const SCRIPT_EVALUATION = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule']);
const CALLBACK = new Set(['FunctionCall']);

/** `traceEvents` of a trace buffer or object. */
export function traceEvents(trace) {
  const parsed = Buffer.isBuffer(trace) ? JSON.parse(trace.toString('utf8')) : trace;
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Complete events `{ name, ts, dur, tdur, args, cat }` (µs) of one thread, in start order;
 * `B`/`E` pairs are matched into one; an unmatched `B` (still open when tracing stopped) is dropped. */
export function threadEvents(events, pid, tid) {
  const out = [];
  const open = [];
  for (const e of events) {
    if (e.pid !== pid || e.tid !== tid) continue;
    if (e.ph === 'X')
      out.push({ name: e.name, cat: e.cat, ts: e.ts, dur: e.dur ?? 0, tdur: e.tdur, args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b)
        out.push({
          name: b.name,
          cat: b.cat,
          ts: b.ts,
          dur: e.ts - b.ts,
          tdur: b.tts !== undefined && e.tts !== undefined ? e.tts - b.tts : undefined,
          args: { ...b.args, ...e.args },
        });
    }
  }
  // Outer events first when two start together, so containment is decided by one sweep.
  return out.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
}

const urlOf = (e) => e.args?.data?.url ?? e.args?.fileName ?? e.args?.beginData?.url;

/** `{ pid, tid }` of the CrRendererMain thread that parsed `pageUrl`, or null. */
export function pageMainThread(events, pageUrl) {
  const names = new Map();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name);
  const found = new Map();
  for (const e of events)
    if (
      (e.name === 'ParseHTML' || e.name === 'EvaluateScript') &&
      urlOf(e) === pageUrl &&
      names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain'
    )
      found.set(`${e.pid}:${e.tid}`, { pid: e.pid, tid: e.tid });
  // One page, one renderer main thread; more would mean the page was reloaded in another process.
  return found.size === 1 ? [...found.values()][0] : null;
}

/** Sum of the top-level events of `list` that `keep` selects (events inside a kept one are skipped). */
function sumOutermost(list, keep) {
  let end = Number.NEGATIVE_INFINITY;
  const kept = [];
  for (const e of list) {
    if (!keep(e)) continue;
    if (e.ts < end) continue;
    kept.push(e);
    end = e.ts + e.dur;
  }
  return kept;
}

// CPU (thread time, `tdur`) is the headline: a busy machine's other processes do not inflate it,
// and CDP CPU throttling spins on the thread, so it is counted. Wall (`dur`) is kept beside it.
const cpuOf = (e) => (e.tdur ?? e.dur) / 1000;
const wallOf = (e) => e.dur / 1000;

/**
 * The product's main-thread time in `events` (the page's main thread, from threadEvents), by the
 * rule at the top of this file. `prefix`: URL prefix of the product's files; `pageUrl` and
 * `inlineLines` (1-based line numbers of the product's inline scripts in the page) for its inline
 * markup. Returns ms: `{ cpu, wall, byFile: { [file]: { evaluate, callbacks } }, events }`, CPU ms
 * per file split into evaluation and callbacks.
 */
export function productTime(list, { prefix, pageUrl, inlineLines = [] }) {
  const lines = new Set(inlineLines);
  const fileOf = (e) => {
    const url = urlOf(e);
    if (!url) return null;
    if (prefix && url.startsWith(prefix)) return url.slice(url.lastIndexOf('/') + 1).split('?')[0];
    if (url === pageUrl && lines.has(e.args?.data?.lineNumber)) return 'inline markup';
    return null;
  };
  const counted = sumOutermost(
    list,
    (e) => (SCRIPT_EVALUATION.has(e.name) || CALLBACK.has(e.name)) && fileOf(e) !== null,
  );
  const byFile = {};
  let cpu = 0;
  let wall = 0;
  for (const e of counted) {
    const f = (byFile[fileOf(e)] ??= { evaluate: 0, callbacks: 0 });
    f[CALLBACK.has(e.name) ? 'callbacks' : 'evaluate'] += cpuOf(e);
    cpu += cpuOf(e);
    wall += wallOf(e);
  }
  return { cpu, wall, byFile, events: counted.length };
}

/** The page's whole main-thread time: every top-level task (`RunTask`), CPU and wall ms. */
export function mainThreadTime(list) {
  const tasks = sumOutermost(list, (e) => e.name === 'RunTask');
  return {
    cpu: tasks.reduce((s, e) => s + cpuOf(e), 0),
    wall: tasks.reduce((s, e) => s + wallOf(e), 0),
  };
}

/** CPU ms spent in microtask checkpoints that are not inside any script event, less the script
 * events inside them: promise reactions no URL can be given to (whoever's code they run). */
export function unattributedMicrotasks(list) {
  const scriptish = (e) => SCRIPT_EVALUATION.has(e.name) || CALLBACK.has(e.name);
  const checkpoint = (e) => e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint';
  const outer = sumOutermost(list, (e) => scriptish(e) || checkpoint(e));
  let cpu = 0;
  let i = 0;
  for (const c of outer.filter(checkpoint)) {
    // `list` is in start order: walk from the checkpoint itself to its end.
    while (list[i] !== c) i++;
    const inside = [];
    for (let j = i + 1; j < list.length && list[j].ts < c.ts + c.dur; j++) inside.push(list[j]);
    cpu += cpuOf(c) - sumOutermost(inside, scriptish).reduce((s, e) => s + cpuOf(e), 0);
  }
  return cpu;
}
