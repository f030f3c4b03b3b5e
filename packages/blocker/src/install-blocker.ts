import type { ConsentSource } from '@consentgate/core';
import type { Rule } from './config';
import type { GateContext } from './context';
import { createDecisions } from './decide';
import { createHolder, type Win } from './holder';
import { installCookies } from './install-cookies';
import { installHtmlStrings } from './install-html-strings';
import { createParserWatch, installInsertion } from './install-insertion';
import { installNetwork } from './install-network';
import { installUrlProperties } from './install-url-properties';
import { installWorkers } from './install-workers';
import { createLog } from './log';
import { createPatcher } from './patch';
import { createRelease, type HeldState, type Release } from './release';
import type { BlockerOptions } from './types';

// One gate per window, even when an npm copy and the script-tag copy both install one.
const MARK = Symbol.for('consentgate.blocker');
const noop = () => {};

/** A window's gate that holds, and can be given its release side later; see {@link installGate}. */
export interface GateHandle {
  /** Restores every patched original (held elements stay held). */
  cleanup(): void;
  /** Adds the release side (`createRelease`), here and in every same-origin child frame. */
  attach(release: (state: HeldState) => Release): void;
}

interface Installed {
  watch(doc: Document): void;
  readonly doc?: Document;
}

/**
 * Installs the holding side of the tracking gate in a window: from now on nothing of a denied
 * category reaches the network (scripts, iframes, images, hints, fetch, XHR, beacons, workers,
 * cookies). Nothing held is given back until `attach(createRelease)` (the script-tag gate loads
 * it with its manager module; {@link installBlocker} attaches it at once).
 *
 * Each channel is installed on its own: one the page makes impossible to patch is reported by
 * name and the others stay. Idempotent per window (a second call changes nothing). Never throws.
 */
export function installGate(options: BlockerOptions): GateHandle {
  const w = (options.window ?? globalThis) as Win;
  const registry = w as unknown as Record<symbol, Installed | undefined>;
  const none: GateHandle = { cleanup: noop, attach: noop };
  if (!w?.document) return none;
  const existing = registry[MARK];
  if (existing) {
    if (existing.doc !== w.document) existing.watch(w.document);
    return none;
  }
  const { source } = options;
  const rules = options.rules ?? [];
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
  const set = (el: Element, name: string, value: string) => setAttribute.call(el, name, value);
  const requests: HeldState['requests'] = [];
  const children: GateHandle[] = [];
  const frames = new WeakSet<Element>();
  let release: ((state: HeldState) => Release) | undefined;
  let released: Release | undefined;

  // A same-origin frame (about:blank, srcdoc) gets the same gate in its window; its document
  // is replaced after insertion, so it is attached again on every load.
  const onFrame = (frame: HTMLIFrameElement) => {
    const attach = () => {
      try {
        const child = frame.contentWindow as Win | null;
        if (!child || child === w || !child.document) return;
        const handle = installGate({ ...options, window: child });
        children.push(handle);
        if (release) handle.attach(release);
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

  const holder = createHolder({
    w,
    decisions,
    set,
    log,
    placeholder: (frame, category) => options.placeholder?.(frame, category) ?? null,
  });
  const ctx: GateContext = {
    w,
    decisions,
    holder,
    set,
    drop(kind, url, category, replay) {
      const keep = !!(options.replayHeldRequests && replay);
      if (keep) requests.push([category, replay!]);
      log(keep ? 'queued' : 'dropped', kind, url, category);
    },
    patcher: () => createPatcher((name) => failed.push(name)),
  };
  const handled = new WeakSet<Node>();
  const cookie = Object.getOwnPropertyDescriptor(w.Document.prototype, 'cookie');
  const guarded = <T>(name: string, install: () => T): T | undefined => {
    try {
      return install();
    } catch (error) {
      failed.push(`${name} (${String(error)})`);
    }
  };
  for (const [name, install] of [
    ['cookies', () => installCookies(ctx)],
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
  cleanups.push(
    source.subscribe(() => {
      try {
        released?.changed();
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
  return {
    attach(make) {
      if (release) return;
      release = make;
      released = make({
        w,
        decisions,
        holder,
        set,
        log,
        requests,
        cookie,
        reloadOnRevoke: !!options.reloadOnRevoke,
      });
      for (const child of children) child.attach(make);
    },
    cleanup() {
      for (const child of children.splice(0)) child.cleanup();
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          cleanup();
        } catch {}
      }
      holder.cleanup();
      delete registry[MARK];
    },
  };
}

/**
 * Installs the tracking gate in a window: from now on nothing of a denied category reaches the
 * network (scripts, iframes, images, hints, fetch, XHR, beacons, workers, cookies), and held
 * elements are released in document order when their category is granted. Fails closed: while
 * `source.get(category)` is not `true`, that category is held; `necessary` always passes.
 *
 * Each channel is installed on its own: one the page makes impossible to patch is reported by
 * name and the others stay. Idempotent per window (a second call returns a no-op). Returns the
 * cleanup, which restores every patched original. Never throws: a broken option is reported on
 * the console by name.
 */
export function installBlocker(options: BlockerOptions): () => void {
  const handle = installGate({
    ...options,
    source: checkSource(options?.source),
    rules: checkRules(options?.rules),
  });
  handle.attach(createRelease);
  return handle.cleanup;
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
