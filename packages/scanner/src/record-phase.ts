// One phase of one page, in a fresh browser context: load the page, (accept, reject, reload),
// waiting for the network to settle after each step, then record what was sent, the cookies
// and the storage keys. Effects: drives Chromium through Playwright and CDP.

import type { Browser, BrowserContext, CDPSession, Page, Response } from 'playwright-core';
import { errors } from 'playwright-core';
import { classifyConfigOf, classifyCookie, classifyRequest } from './classify';
import { chooseWithConsentGate, clickConsentButton, hasConsentGate } from './give-consent';
import { isGateScript } from './html-source';
import { describeLifetime } from './lifetime';
import { findMapping, mapUrl } from './map-host';
import { createNetworkLog, type HeaderCookie, type NetworkLog, withTimeout } from './network-log';
import { readSiteConfig } from './site-config';
import { isSameSite, partyOf } from './site-url';
import type {
  ClassifyConfig,
  ConsentMethod,
  CookieRecord,
  HostMapping,
  Initiator,
  PhaseName,
  PhaseRecord,
  RequestRecord,
  ScanIssue,
  StorageRecord,
} from './types';

export interface PhaseOptions {
  browser: Browser;
  url: string;
  phase: PhaseName;
  /** The scanned site (registrable domain): first party. */
  site: string;
  /**
   * The config to classify with, asked when recording, given the page's own ConsentGate config
   * (so the first page's config can classify that page too).
   */
  config: (pageConfig?: ClassifyConfig) => ClassifyConfig;
  mapHosts: ReadonlyArray<HostMapping>;
  timeoutMs: number;
  quietMs: number;
  signal?: AbortSignal;
}

/** What a page looked like when loaded: only the `before` phase reads it. */
export interface PageFacts {
  finalUrl: string;
  status?: number;
  title?: string;
  html?: string;
  consentgate: boolean;
  /** The page's own gate config (rules, category cookies and services, cookie name). */
  pageConfig?: ClassifyConfig;
  links: string[];
}

export interface PhaseResult {
  record: PhaseRecord;
  facts: PageFacts;
  consentMethod: ConsentMethod;
  issues: ScanIssue[];
  /** The page could not be scanned at all (unreachable, not HTML, off the site): no record to keep. */
  skipped?: boolean;
}

const COOKIE_BINDING = '__consentgateScanCookie';
const PENDING_SCRIPTS = '__consentgateScanPendingScripts';

/** Runs one phase of `options.url` in a context of its own and records it. */
export async function recordPhase(options: PhaseOptions): Promise<PhaseResult> {
  const started = Date.now();
  const context = await options.browser.newContext();
  try {
    return await run(context, options, started);
  } finally {
    await context.close().catch(() => {});
  }
}

async function run(context: BrowserContext, options: PhaseOptions, started: number): Promise<PhaseResult> {
  const { phase, url, timeoutMs, quietMs, signal } = options;
  const issues: ScanIssue[] = [];
  const actions: string[] = [];
  const issue = (code: ScanIssue['code'], severity: ScanIssue['severity'], message: string) =>
    issues.push({ code, severity, message, url });

  if (options.mapHosts.length) {
    const maps = options.mapHosts;
    await context.route(
      (target) => findMapping(target, maps) !== undefined,
      (route) => route.continue({ url: mapUrl(route.request().url(), maps) }),
    );
  }
  // Which script wrote each cookie through `document.cookie` (the outermost script on the stack).
  const scriptCookies = new Map<string, string>();
  await context.exposeBinding(COOKIE_BINDING, (_source, name: unknown, script: unknown) => {
    if (typeof name === 'string' && typeof script === 'string') scriptCookies.set(name, script);
  });
  await context.addInitScript(pageSpy, { binding: COOKIE_BINDING, pending: PENDING_SCRIPTS });

  const log = createNetworkLog(context);
  const page = await context.newPage();
  log.setMainFrame(page.mainFrame());
  const initiators = await watchInitiators(context, page);

  let settled = true;
  let consentgate = false;
  let consentMethod: ConsentMethod = 'none';
  let deletedCookies: string[] | undefined;
  const settle = async (waitForLoad: boolean) => {
    const deadline = Date.now() + timeoutMs;
    const loaded = waitForLoad
      ? page.waitForLoadState('load', { timeout: timeoutMs }).then(
          () => true,
          () => false,
        )
      : Promise.resolve(true);
    const quietAndIdle = async () => {
      // Network quiet is not enough on a busy machine: a script that just arrived may not have
      // run yet (and its requests are still to come). Quiet, then every frame idle, then quiet
      // again with nothing new, or the deadline.
      for (;;) {
        if (!(await log.waitForQuiet(quietMs, deadline, signal))) return false;
        const sent = log.requests.length;
        if (!(await scriptsRan(page, deadline, signal))) return false;
        await framesIdle(page, Math.max(0, deadline - Date.now()));
        if (log.requests.length === sent || signal?.aborted) return true;
      }
    };
    const [load, quiet] = await Promise.all([loaded, quietAndIdle()]);
    if (signal?.aborted) return;
    if (!load || !quiet) {
      settled = false;
      const open = log.hanging.slice(0, 3).join(', ');
      issue(
        'never-settled',
        'warning',
        `${phase} phase, after ${actions.at(-1)}: the page did not ${load ? 'reach network idle' : 'finish loading'} within ${timeoutMs} ms${open ? ` (still open: ${open}${log.hanging.length > 3 ? ', …' : ''})` : ''}; recorded what it had sent by then.`,
      );
    }
  };

  // 1. Load.
  actions.push('load');
  let response: Response | null = null;
  try {
    response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: timeoutMs });
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) {
      issue('unreachable', 'error', `Could not load the page: ${firstLine(error)}`);
      return { ...(await finish()), skipped: true };
    }
    issue(
      'never-settled',
      'warning',
      `${phase} phase: the page's HTML did not arrive within ${timeoutMs} ms.`,
    );
    settled = false;
  }
  const finalUrl = page.url();
  if (!isSameSite(finalUrl, url)) {
    issue('redirect-off-site', 'error', `The page redirected to ${finalUrl}, another site: not scanned.`);
    return { ...(await finish()), skipped: true };
  }
  const type = response
    ? ((await response.headerValue('content-type').catch(() => null)) ?? '')
    : 'text/html';
  if (!/^\s*(text\/html|application\/xhtml\+xml)/i.test(type)) {
    issue(
      'not-html',
      'error',
      `The answer is ${type || 'of no content type'}, not an HTML page: not scanned.`,
    );
    return { ...(await finish()), skipped: true };
  }
  await settle(true);

  // The page as it loaded (the crawl reads it from the first phase only).
  consentgate = await hasConsentGate(page);
  if (consentgate) consentMethod = 'consentgate';
  const choose = async (choice: 'accept' | 'reject'): Promise<boolean> => {
    const stage = choice === 'accept' ? 'accepted' : 'rejected';
    if (consentgate) {
      const done = await chooseWithConsentGate(page, choice).catch((error) => ({
        action: `consentgate failed: ${firstLine(error)}`,
        at: Date.now(),
      }));
      log.mark(stage, done.at);
      actions.push(done.action);
      return true;
    }
    log.mark(stage, Date.now());
    const clicked = await clickConsentButton(page, choice);
    if (clicked === null) {
      issue(
        'no-consent-ui',
        'warning',
        `No ConsentGate on the page and no "${choice}" button found: the ${phase} phase shows the page as it loads.`,
      );
      return false;
    }
    consentMethod = 'buttons';
    actions.push(`clicked "${clicked}"`);
    issue(
      'consent-buttons',
      'info',
      `No ConsentGate on the page: the ${phase} phase clicked the button "${clicked}" (found by its text) to ${choice}.`,
    );
    return true;
  };

  if (phase === 'accept') {
    if (await choose('accept')) await settle(false);
  } else if (phase === 'reject') {
    // With ConsentGate: accept, then revoke (what is still sent, which cookies remain), then the
    // next page load. Without it there is no revoke to find: a first-visit "reject".
    if (consentgate) {
      await choose('accept');
      await settle(false);
    }
    const afterAccept = new Set((await context.cookies()).map((c) => `${c.name} ${c.domain}`));
    if (await choose('reject')) {
      await settle(false);
      log.mark('reloaded', Date.now());
      actions.push('reload');
      await page.reload({ waitUntil: 'domcontentloaded', timeout: timeoutMs }).catch(() => {});
      await settle(true);
    }
    const left = new Set((await context.cookies()).map((c) => `${c.name} ${c.domain}`));
    deletedCookies = [...afterAccept].filter((key) => !left.has(key)).map((key) => key.split(' ')[0]);
  }

  return finish();

  async function finish(): Promise<PhaseResult> {
    const facts = await readFacts(page, finalUrlOrNull(), response, consentgate);
    const config = options.config(facts.pageConfig);
    const record: PhaseRecord = {
      phase,
      actions,
      settled,
      durationMs: Date.now() - started,
      ...(await recordRequests(log, initiators, options, config, finalUrlOrNull() ?? url)),
      cookies: await recordCookies(context, log, scriptCookies, options, config),
      ...(deletedCookies && { deletedCookies }),
      storage: await recordStorage(page, options, config),
    };
    return { record, facts, consentMethod, issues };
  }
  function finalUrlOrNull(): string | null {
    return page.url() === 'about:blank' ? null : page.url();
  }
}

async function readFacts(
  page: Page,
  finalUrl: string | null,
  response: Response | null,
  consentgate: boolean,
): Promise<PageFacts> {
  const facts: PageFacts = { finalUrl: finalUrl ?? page.url(), consentgate, links: [] };
  if (response) facts.status = response.status();
  facts.title = await withTimeout(page.title(), 2000, '').catch(() => '');
  if (!facts.title) delete facts.title;
  facts.links = await withTimeout(
    page.$$eval('a[href], area[href]', (elements) =>
      elements.map((element) => (element as HTMLAnchorElement).href),
    ),
    3000,
    [],
  ).catch(() => []);
  if (response) facts.html = await withTimeout(response.text(), 3000, '').catch(() => undefined);
  if (consentgate) {
    // The config as the site wrote it (`window.consentgateConfig`, else its JSON block),
    // resolved here with the gate's own checks: the rules are the blocker's, not in `config`.
    const raw = await page
      .evaluate(() => {
        const given = (window as unknown as { consentgateConfig?: unknown }).consentgateConfig;
        if (given !== undefined) return JSON.parse(JSON.stringify(given));
        const block = document.getElementById('consentgate-config');
        return block ? JSON.parse(block.textContent ?? '') : undefined;
      })
      .catch(() => undefined);
    facts.pageConfig = raw === undefined ? undefined : classifyConfigOf(readSiteConfig(raw).config);
  }
  return facts;
}

/** CDP initiators of the main page's requests, by URL, in the order they were sent. */
async function watchInitiators(context: BrowserContext, page: Page): Promise<Map<string, Initiator[]>> {
  const byUrl = new Map<string, Initiator[]>();
  let session: CDPSession;
  try {
    session = await context.newCDPSession(page);
    await session.send('Network.enable');
  } catch {
    return byUrl;
  }
  session.on('Network.requestWillBeSent', (event) => {
    const list = byUrl.get(event.request.url) ?? [];
    list.push(toInitiator(event.initiator));
    byUrl.set(event.request.url, list);
  });
  return byUrl;
}

interface CdpCallFrame {
  url: string;
  lineNumber: number;
}
interface CdpStack {
  callFrames: CdpCallFrame[];
  parent?: CdpStack;
}

/** Chromium's initiator in the report's terms (1-based lines, the gate's own frames skipped). */
export function toInitiator(raw: {
  type: string;
  url?: string;
  lineNumber?: number;
  stack?: CdpStack;
}): Initiator {
  if (raw.type === 'parser')
    return {
      type: 'parser',
      ...(raw.url && { url: raw.url }),
      ...(raw.lineNumber !== undefined && { line: raw.lineNumber + 1 }),
    };
  if (raw.type === 'script') {
    const frames: Array<{ url: string; line: number }> = [];
    for (let stack: CdpStack | undefined = raw.stack; stack && frames.length < 8; stack = stack.parent)
      for (const frame of stack.callFrames)
        if (frame.url && frames.length < 8) frames.push({ url: frame.url, line: frame.lineNumber + 1 });
    const first = frames.find((frame) => !isGateScript(frame.url)) ?? frames[0];
    return {
      type: 'script',
      ...(first && { url: first.url, line: first.line }),
      ...(frames.length && { frames }),
    };
  }
  if (raw.type === 'preload') return { type: 'preload', ...(raw.url && { url: raw.url }) };
  return { type: 'other' };
}

async function recordRequests(
  log: NetworkLog,
  initiators: Map<string, Initiator[]>,
  options: PhaseOptions,
  config: ClassifyConfig,
  pageUrl: string,
): Promise<{ requests: RequestRecord[]; firstPartyRequests: number }> {
  const requests: RequestRecord[] = [];
  let firstPartyRequests = 0;
  for (const entry of log.requests) {
    let parsed: URL;
    try {
      parsed = new URL(entry.url);
    } catch {
      continue;
    }
    if (!/^(https?|wss?):$/.test(parsed.protocol)) continue;
    // Matched in order: the n-th request for a URL gets the n-th initiator CDP reported for it.
    const initiator = entry.frame ? undefined : initiators.get(entry.url)?.shift();
    const party = partyOf(parsed.hostname, options.site);
    const classification = classifyRequest(entry.url, config);
    const isPage = entry.url === pageUrl || entry.url === options.url;
    if ((party === 'first' && classification.category === null) || isPage) {
      firstPartyRequests++;
      continue;
    }
    requests.push({
      url: entry.url,
      host: parsed.hostname,
      path: parsed.pathname + parsed.search,
      method: entry.request.method(),
      resourceType: entry.request.resourceType(),
      party,
      stage: log.stageOf(entry),
      ...(entry.frame && { frame: entry.frame }),
      ...(initiator && { initiator }),
      ...(entry.status !== undefined && { status: entry.status }),
      ...(entry.failure && { failure: entry.failure }),
      classification,
    });
  }
  return { requests, firstPartyRequests };
}

async function recordCookies(
  context: BrowserContext,
  log: NetworkLog,
  scriptCookies: ReadonlyMap<string, string>,
  options: PhaseOptions,
  config: ClassifyConfig,
): Promise<CookieRecord[]> {
  const headerCookies = await log.headerCookies();
  const now = Date.now() / 1000;
  const cookies = await context.cookies().catch(() => []);
  return cookies.map((cookie) => {
    const session = cookie.expires < 0;
    const lifetimeSeconds = session ? null : Math.max(0, Math.round(cookie.expires - now));
    const header = findHeader(headerCookies, cookie.name, cookie.domain);
    const script = scriptCookies.get(cookie.name);
    return {
      name: cookie.name,
      domain: cookie.domain,
      path: cookie.path,
      expires: session ? null : Math.round(cookie.expires),
      lifetimeSeconds,
      lifetime: describeLifetime(lifetimeSeconds),
      session,
      party: partyOf(cookie.domain, options.site),
      httpOnly: cookie.httpOnly,
      secure: cookie.secure,
      sameSite: cookie.sameSite,
      setBy: header ? 'header' : 'script',
      ...(header ? { setByUrl: header.url } : script ? { setByUrl: script } : {}),
      classification: classifyCookie(cookie.name, config),
    };
  });
}

function findHeader(
  headers: ReadonlyArray<HeaderCookie>,
  name: string,
  domain: string,
): HeaderCookie | undefined {
  const bare = domain.replace(/^\./, '').toLowerCase();
  return headers.find(
    (header) => header.name === name && (header.domain === bare || header.domain.endsWith(`.${bare}`)),
  );
}

async function recordStorage(
  page: Page,
  options: PhaseOptions,
  config: ClassifyConfig,
): Promise<StorageRecord[]> {
  const records: StorageRecord[] = [];
  for (const frame of page.frames()) {
    const found = await withTimeout(
      frame
        .evaluate(() => {
          const keys = (storage: Storage) =>
            Array.from({ length: storage.length }, (_, i) => storage.key(i) ?? '');
          return { origin: location.origin, local: keys(localStorage), session: keys(sessionStorage) };
        })
        .catch(() => null),
      2000,
      null,
    );
    if (!found || found.origin === 'null') continue;
    const party = partyOf(new URL(found.origin).hostname, options.site);
    for (const [kind, keys] of [
      ['localStorage', found.local],
      ['sessionStorage', found.session],
    ] as const)
      for (const key of keys)
        if (!records.some((r) => r.kind === kind && r.key === key && r.origin === found.origin))
          records.push({
            kind,
            origin: found.origin,
            key,
            party,
            classification: classifyCookie(key, config),
          });
  }
  return records;
}

/**
 * Resolves `true` once no frame has a `<script src>` inserted but not yet loaded and run (the
 * page spy counts them), `false` at `deadline`.
 */
async function scriptsRan(page: Page, deadline: number, signal?: AbortSignal): Promise<boolean> {
  for (;;) {
    const counts = await Promise.all(
      page.frames().map((frame) =>
        withTimeout(
          frame
            .evaluate((name) => {
              const count = (window as unknown as Record<string, unknown>)[name];
              return typeof count === 'function' ? (count() as number) : 0;
            }, PENDING_SCRIPTS)
            .catch(() => 0),
          1000,
          0,
        ),
      ),
    );
    if (counts.every((count) => count === 0)) return true;
    if (Date.now() >= deadline || signal?.aborted) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once every frame's main thread is idle (`requestIdleCallback`), or after `ms`. */
async function framesIdle(page: Page, ms: number): Promise<void> {
  const idle = page
    .frames()
    .map((frame) =>
      frame
        .evaluate(
          (timeout) => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout })),
          Math.max(1, ms - 100),
        )
        .catch(() => {}),
    );
  await withTimeout(Promise.all(idle), ms, []);
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0];
}

// Runs in every frame before the page's own scripts (an init script): notes which script wrote
// each cookie through `document.cookie` (writes ConsentGate drops never reach this setter), and
// counts the `<script src>` elements inserted but not loaded yet (a released tag still to run).
function pageSpy({ binding, pending }: { binding: string; pending: string }): void {
  const scripts = new Set<HTMLScriptElement>();
  const runs = (script: HTMLScriptElement) =>
    script.isConnected &&
    !!script.src &&
    /^(|module|(text|application)\/(x-)?(java|ecma)script)$/i.test(script.type.trim());
  const watch = (node: Node) => {
    const found =
      node instanceof HTMLScriptElement
        ? [node]
        : node instanceof Element
          ? [...node.querySelectorAll('script')]
          : [];
    for (const script of found) {
      if (scripts.has(script) || !runs(script)) continue;
      scripts.add(script);
      const done = () => scripts.delete(script);
      script.addEventListener('load', done, { once: true });
      script.addEventListener('error', done, { once: true });
    }
  };
  try {
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) watch(node);
    }).observe(document, { childList: true, subtree: true });
    Object.defineProperty(window, pending, {
      value: () => [...scripts].filter(runs).length,
    });
  } catch {
    // A frame that forbids this is simply not waited for.
  }
  const descriptor = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  if (!descriptor?.get || !descriptor.set) return;
  const { get, set } = descriptor;
  Object.defineProperty(Document.prototype, 'cookie', {
    configurable: true,
    enumerable: descriptor.enumerable,
    get() {
      return get.call(this);
    },
    set(value: string) {
      set.call(this, value);
      try {
        const name = String(value).split(';')[0].split('=')[0].trim();
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 50;
        const stack = new Error().stack ?? '';
        Error.stackTraceLimit = limit;
        const urls = stack.match(/(?:https?|file):\/\/[^\s)]+/g) ?? [];
        const report = (window as unknown as Record<string, unknown>)[binding];
        if (name && typeof report === 'function') report(name, (urls.at(-1) ?? '').replace(/:\d+:\d+$/, ''));
      } catch {
        // Never break the page's own cookie write.
      }
    },
  });
}
