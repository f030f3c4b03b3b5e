// The verification: what reached the network (or was written as a cookie) without consent, and
// the likely reason, from what Chromium said about each request (its initiator) and what the
// site owner wrote (the HTML source). Pure.
import { classifyCookie, classifyRequest, needsConsent } from './classify';
import type { HtmlSource, SourceTag } from './html-source';
import type {
  ClassifyConfig,
  CookieRecord,
  Leak,
  LeakReasonCode,
  PageRecord,
  RequestRecord,
  ScanIssue,
} from './types';

/** What is known about a page beyond its record: its HTML and its live ConsentGate config. */
export interface LeakContext {
  /** The page's HTML source, read for tags and the gate's position. */
  source?: HtmlSource;
  /** What the page's own gate decides with (its `window.consentgateConfig`, resolved), when it has one. */
  pageConfig?: ClassifyConfig;
}

interface Reason {
  reason: LeakReasonCode;
  message: string;
}

/**
 * Every leak of a page: third-party requests (and cookies) of a category that needs consent,
 * sent before any choice (phase `before`), or after the visitor said no (phase `reject`: the
 * revoke, then the reload after it). Each once per page, in the order they were sent.
 */
export function findLeaks(page: PageRecord, context: LeakContext = {}): Leak[] {
  const leaks: Leak[] = [];
  const seen = new Set<string>();
  const add = (leak: Leak) => {
    const key = `${leak.phase} ${leak.kind} ${leak.what}`;
    if (seen.has(key)) return;
    seen.add(key);
    leaks.push(leak);
  };
  const before = page.phases.before;
  const reject = page.phases.reject;
  const leakedUrls = new Set<string>();
  for (const request of before?.requests ?? []) {
    if (request.party !== 'third' || !needsConsent(request.classification)) continue;
    leakedUrls.add(request.url);
    add(requestLeak(page, 'before', request, explainRequest(request, page, context)));
  }
  for (const cookie of before?.cookies ?? []) {
    if (!needsConsent(cookie.classification)) continue;
    add(cookieLeak(page, 'before', cookie, explainCookie(cookie, page, context, leakedUrls)));
  }
  for (const request of reject?.requests ?? []) {
    if (request.party !== 'third' || !needsConsent(request.classification)) continue;
    if (request.stage === 'rejected') {
      const by = request.initiator?.url ? ` (sent by ${request.initiator.url})` : '';
      add(
        requestLeak(page, 'reject', request, {
          reason: 'after-revoke',
          message: `Sent after the visitor withdrew consent, by code that was already running${by}: the gate drops later requests of a revoked category; check that this channel is covered, or set reloadOnRevoke.`,
        }),
      );
    } else if (request.stage === 'reloaded') {
      const { reason, message } = explainRequest(request, page, context);
      add(
        requestLeak(page, 'reject', request, {
          reason,
          message: `On the page load after the revoke: ${message}`,
        }),
      );
    }
  }
  return leaks;
}

/**
 * Non-necessary cookies still in the browser after the revoke and the reload: warnings (a page
 * cannot delete another site's cookies; its own it should).
 */
export function findLeftoverCookies(page: PageRecord, config: ClassifyConfig = {}): ScanIssue[] {
  const reject = page.phases.reject;
  if (!reject) return [];
  const issues: ScanIssue[] = [];
  for (const cookie of reject.cookies) {
    // An unknown cookie written by a tracker's script is most likely that tracker's.
    const setter = cookie.setByUrl ? classifyRequest(cookie.setByUrl, config) : undefined;
    const known = needsConsent(cookie.classification);
    if (!known && !(setter && needsConsent(setter))) continue;
    const category = known ? cookie.classification.category : setter!.category;
    const what = known
      ? `The ${category} cookie ${cookie.name} (${cookie.domain})`
      : `The cookie ${cookie.name} (${cookie.domain}), written by ${cookie.setByUrl} (${category}),`;
    issues.push({
      code: 'cookie-remains',
      severity: 'warning',
      url: page.url,
      message:
        cookie.party === 'first'
          ? `${what} is still there after the visitor withdrew consent: list it in categories.${category}.cookies so the gate deletes it on revoke.`
          : `${what} is still there after the revoke: it is a third-party cookie, which a page cannot delete; it expires ${cookie.lifetime === 'session' ? 'with the session' : `in ${cookie.lifetime}`}.`,
    });
  }
  return issues;
}

function requestLeak(page: PageRecord, phase: Leak['phase'], request: RequestRecord, why: Reason): Leak {
  const { category, vendor } = request.classification;
  return {
    page: page.url,
    phase,
    kind: 'request',
    what: request.url,
    host: request.host,
    category: category!,
    ...(vendor && { vendor }),
    resourceType: request.resourceType,
    ...why,
  };
}

function cookieLeak(page: PageRecord, phase: Leak['phase'], cookie: CookieRecord, why: Reason): Leak {
  const { category, vendor } = cookie.classification;
  return {
    page: page.url,
    phase,
    kind: 'cookie',
    what: cookie.name,
    host: cookie.domain,
    category: category!,
    ...(vendor && { vendor }),
    ...why,
  };
}

/** Why a request of a category that needs consent was sent: the most specific reason found. */
export function explainRequest(request: RequestRecord, page: PageRecord, context: LeakContext = {}): Reason {
  const category = request.classification.category;
  if (!page.consentgate)
    return {
      reason: 'no-gate',
      message: `The page does not run ConsentGate (no window.consentgate): nothing holds ${category} requests before consent.`,
    };
  if (request.frame)
    return {
      reason: 'in-frame',
      message: `Sent from inside the frame ${request.frame}: hold the frame itself until consent (<iframe data-category="${category}" data-src="…">).`,
    };
  const { source } = context;
  const initiator = request.initiator;
  if (initiator?.type === 'parser') {
    if (initiator.url && initiator.url !== page.finalUrl && initiator.url !== page.url)
      return {
        reason: 'stylesheet',
        message: `Referenced from ${initiator.url} (a stylesheet's url() or @import): the page gate does not see CSS; serve consentgate-sw.js to hold it, or move the reference into a held tag.`,
      };
    const tag = source?.tags.find((t) => t.url === request.url && !t.held);
    if (tag) return preloadReason(tag, category!, source?.gateLine);
    const inline = inlineScriptAt(source, initiator.line);
    if (inline && beforeGate(source, inline.startLine))
      return beforeGateReason(inline.startLine, source!.gateLine!);
  }
  if (initiator?.type === 'script') {
    for (const frame of initiator.frames ?? []) {
      if (frame.url !== page.finalUrl && frame.url !== page.url) {
        const tag = source?.tags.find((t) => t.tag === 'script' && t.url === frame.url && !t.held);
        if (tag && beforeGate(source, tag.line))
          return {
            reason: 'before-gate',
            message: `Sent by ${frame.url}, loaded by the <script src> at line ${tag.line}, before the gate's <script> (line ${source!.gateLine}): put the gate first in <head>.`,
          };
        continue;
      }
      const inline = inlineScriptAt(source, frame.line);
      if (inline && beforeGate(source, inline.startLine))
        return beforeGateReason(inline.startLine, source!.gateLine!);
    }
  }
  if (context.pageConfig && classifyRequest(request.url, context.pageConfig).category === null)
    return {
      reason: 'no-rule',
      message: `The page's ConsentGate config has no rule for ${request.host}${request.path} and the catalogue does not know it: the gate let it through. Add { category: '${category}', match: ['${request.classification.pattern ?? request.host}'] } to rules.`,
    };
  if (initiator?.type === 'script' && initiator.url)
    return {
      reason: 'script',
      message: `Sent by ${initiator.url}${initiator.line ? ` (line ${initiator.line})` : ''} although the gate was on the page and knows ${category}: a channel the gate does not intercept (a worker, CSS, a module import) or a gate bug.`,
    };
  return {
    reason: 'unknown',
    message: `Chromium did not say what sent it (${request.resourceType}); the gate was on the page and knows ${category}.`,
  };
}

function preloadReason(tag: SourceTag, category: string, gateLine?: number): Reason {
  const attribute = tag.attribute === 'href' ? 'href' : 'src';
  const suggestion =
    tag.tag === 'script'
      ? `<script type="text/plain" data-category="${category}" src="…">`
      : tag.tag === 'img' || tag.tag === 'iframe'
        ? `<${tag.tag} data-category="${category}" data-src="…">`
        : `a held tag (<script type="text/plain" data-category="${category}">) that adds it, or serve consentgate-sw.js`;
  const order = gateLine !== undefined && tag.line < gateLine ? ', even before the gate' : '';
  const note = tag.category
    ? ` It has data-category="${tag.category}", but a real ${attribute} is fetched anyway.`
    : ' The element is not annotated.';
  return {
    reason: 'preload-scanner',
    message: `A plain <${tag.tag} ${attribute}> in the HTML (line ${tag.line}${order}): the browser's preload scanner fetched it before any script ran, so the gate could not hold it.${note} Write ${suggestion}.`,
  };
}

function beforeGateReason(line: number, gateLine: number): Reason {
  return {
    reason: 'before-gate',
    message: `Sent by the inline <script> at line ${line}, which runs before the gate's <script> (line ${gateLine}): put the gate first in <head>.`,
  };
}

function inlineScriptAt(source: HtmlSource | undefined, line: number | undefined) {
  if (!source || line === undefined) return undefined;
  return source.inlineScripts.find((script) => script.startLine <= line && line <= script.endLine);
}

function beforeGate(source: HtmlSource | undefined, line: number): boolean {
  return source?.gateLine !== undefined && line < source.gateLine;
}

function explainCookie(
  cookie: CookieRecord,
  page: PageRecord,
  context: LeakContext,
  leakedUrls: ReadonlySet<string>,
): Reason {
  const category = cookie.classification.category;
  if (cookie.setBy === 'header')
    return {
      reason: 'set-cookie-header',
      message: `Set by a Set-Cookie header of ${cookie.setByUrl ?? 'a response'} before consent: a server sets it, the page gate cannot; set it only once ${category} is granted.`,
    };
  if (!page.consentgate)
    return {
      reason: 'no-gate',
      message: `Written by ${cookie.setByUrl ?? 'a script'} before consent; the page does not run ConsentGate.`,
    };
  if (cookie.setByUrl && leakedUrls.has(cookie.setByUrl))
    return {
      reason: 'before-gate',
      message: `Written by ${cookie.setByUrl}, which itself leaked (see that request).`,
    };
  if (context.pageConfig && classifyCookie(cookie.name, context.pageConfig).category === null)
    return {
      reason: 'no-rule',
      message: `Written by ${cookie.setByUrl ?? 'a script'}; the page's ConsentGate config does not list ${cookie.name} (categories.${category}.cookies), so the gate let the write through.`,
    };
  return {
    reason: 'script',
    message: `Written by ${cookie.setByUrl ?? 'a script'} although the gate knows ${cookie.name} is ${category}.`,
  };
}
