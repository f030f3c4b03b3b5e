import type { ConsentSource } from '@consentgate/core';
import type { Rule } from './config';
import type { GateContext } from './context';
import { createDecisions } from './decide';
import { createHolder, type Holder, type Win } from './holder';
import { installCookies } from './install-cookies';
import { installHtmlStrings } from './install-html-strings';
import { createParserWatch, installInsertion } from './install-insertion';
import { installNetwork } from './install-network';
import { installUrlProperties } from './install-url-properties';
import { installWorkers } from './install-workers';
import { createLog } from './log';
import { createPatcher } from './patch';
import type { BlockerOptions } from './types';

// One gate per window, even when an npm copy and the script-tag copy both install one.
const MARK = Symbol.for('consentgate.blocker');
const noop = () => {};

interface Installed {
  watch(doc: Document): void;
  readonly doc?: Document;
}

/**
 * Installs the tracking gate in a window: from now on nothing of a denied category reaches the
 * network (scripts, iframes, images, hints, fetch, XHR, beacons, workers, cookies), and held
 * elements are released in document order when their category is granted. Fails closed: while
 * `source.get(category)` is not `true`, that category is held; `necessary` always passes.
 *
 * Each channel is installed on its own: one the page makes impossible to patch is reported by
 * name and the others stay. Idempotent per window (a second call returns a no-op). Returns the
 * cleanup, which restores every patched original. Never throws.
 */
export function installBlocker(options: BlockerOptions): () => void {
  const w = (options?.window ?? globalThis) as Win;
  const registry = w as unknown as Record<symbol, Installed | undefined>;
  if (!w?.document) return noop;
  const existing = registry[MARK];
  if (existing) {
    if (existing.doc !== w.document) existing.watch(w.document);
    return noop;
  }
  const source = checkSource(options.source);
  const rules = checkRules(options.rules);
  const decisions = createDecisions({
    source,
    rules,
    categories: options.categories,
    blockSameOrigin: options.blockSameOrigin,
  });
  const log = createLog(w, options.debug, decisions.allowed);
  const cleanups: Array<() => void> = [];
  const failed: string[] = [];
  const setAttribute = w.Element.prototype.setAttribute;
  const requests: Array<[string, () => void]> = [];
  const frames = new WeakSet<Element>();

  // A same-origin frame (about:blank, srcdoc) gets the same gate in its window; its document
  // is replaced after insertion, so it is attached again on every load.
  const onFrame = (frame: HTMLIFrameElement) => {
    const attach = () => {
      try {
        const child = frame.contentWindow as Win | null;
        if (child && child !== w && child.document)
          cleanups.push(installBlocker({ ...options, window: child }));
      } catch {
        // A cross-origin frame: its own origin, its own rules.
      }
    };
    if (!frames.has(frame)) {
      frames.add(frame);
      frame.addEventListener('load', attach);
    }
    attach();
  };

  const holder: Holder = createHolder({
    w,
    decisions,
    set: (el, name, value) => setAttribute.call(el, name, value),
    log,
    placeholder: (frame, category) => options.placeholder?.(frame, category) ?? null,
    onFrame,
  });
  const ctx: GateContext = {
    w,
    decisions,
    holder,
    set: (el, name, value) => setAttribute.call(el, name, value),
    drop(kind, url, category, replay) {
      const keep = !!(options.replayHeldRequests && replay);
      if (keep) requests.push([category, replay!]);
      log(keep ? 'queued' : 'dropped', kind, url, category);
    },
    patcher: () => createPatcher((name) => failed.push(name)),
  };
  const handled = new WeakSet<Node>();
  const guarded = <T>(name: string, install: () => T): T | undefined => {
    try {
      return install();
    } catch (error) {
      failed.push(`${name} (${String(error)})`);
    }
  };
  const cookies = guarded('cookies', () =>
    installCookies({ ...ctx, log: (what, names, category) => log(what, 'cookie', names, category) }),
  );
  if (cookies) cleanups.push(cookies.cleanup);
  for (const [name, install] of [
    ['URL properties', () => installUrlProperties(ctx)],
    ['insertion', () => installInsertion({ ...ctx, handled, onFrame })],
    ['HTML strings', () => installHtmlStrings(ctx)],
    ['network', () => installNetwork(ctx)],
    ['workers', () => installWorkers(ctx)],
  ] as const) {
    const cleanup = guarded(name, install);
    if (cleanup) cleanups.push(cleanup);
  }
  const parser = guarded('parser watch', () => createParserWatch({ w, holder, handled, onFrame }));
  if (parser) {
    cleanups.push(parser.stop);
    guarded('parser watch', () => parser.watch(w.document));
  }

  let last = snapshot(decisions.known, decisions.allowed);
  const onChange = () => {
    const before = last;
    last = snapshot(decisions.known, decisions.allowed);
    const revoked = decisions.known.filter((id) => before[id] && !last[id]);
    if (revoked.length) cookies?.remove(revoked);
    holder.update(revoked.length > 0);
    for (let i = 0; i < requests.length; i++) {
      if (!decisions.allowed(requests[i][0])) continue;
      const [[category, replay]] = requests.splice(i--, 1);
      log('replayed', 'request', null, category);
      replay();
    }
    if (revoked.length && options.reloadOnRevoke) w.location.reload();
  };
  cleanups.push(
    source.subscribe(() => {
      try {
        onChange();
      } catch (error) {
        console.error('[consentgate] could not apply the consent change', error);
      }
    }),
  );
  // Fail closed where possible: every other channel stays guarded.
  if (failed.length) console.error(`[consentgate] could not guard: ${failed.join(', ')}`);

  registry[MARK] = {
    watch: (doc) => parser?.watch(doc),
    get doc() {
      return parser?.doc;
    },
  };
  return () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        cleanup();
      } catch {}
    }
    holder.cleanup();
    delete registry[MARK];
  };
}

function snapshot(known: ReadonlyArray<string>, allowed: (id: string) => boolean): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const id of known) out[id] = allowed(id);
  return out;
}

// Without a usable source the gate cannot know anything was granted: it holds everything.
function checkSource(source: ConsentSource | undefined): ConsentSource {
  if (typeof source?.get === 'function' && typeof source.subscribe === 'function') return source;
  console.error(
    '[consentgate] options.source must have get(category) and subscribe(listener); holding everything',
  );
  return { get: () => false, subscribe: () => noop };
}

function checkRules(rules: unknown): ReadonlyArray<Rule> {
  if (rules === undefined) return [];
  if (!Array.isArray(rules)) {
    console.error('[consentgate] options.rules must be an array of { category, match }; ignored');
    return [];
  }
  return rules.filter((rule: Rule, i) => {
    const ok =
      typeof rule?.category === 'string' &&
      Array.isArray(rule.match) &&
      rule.match.every((pattern) => typeof pattern === 'string');
    if (!ok)
      console.error(
        `[consentgate] options.rules[${i}] must be { category: string, match: string[] }; ignored`,
      );
    return ok;
  });
}
