// The crawl: breadth-first over the site's pages, three phases per page, each in a fresh
// context, until the queue is empty or a limit (pages, depth, link patterns, time) or the
// caller stops it. The report so far is handed out after every page, so nothing is lost when
// the crawl stops early. Effects: launches Chromium.
import type { Browser, BrowserContext } from 'playwright-core';
import { chromium } from 'playwright-core';
import { createFrontier, type Frontier } from './crawl-frontier';
import { chromiumArgs, findChromium } from './find-chromium';
import { findLeaks, findLeftoverCookies, type LeakContext } from './find-leaks';
import { readHtmlSource } from './html-source';
import { preflight } from './preflight';
import { recordPhase } from './record-phase';
import { normalizeUrl, siteOf } from './site-url';
import { collectUnknowns, countTotals, PHASES } from './summarize';
import type {
  ClassifyConfig,
  Leak,
  PageRecord,
  ScanIssue,
  ScanOptions,
  ScanReport,
  ScanStatus,
} from './types';

/** The defaults `scanSite` uses for options left out. */
export const DEFAULT_OPTIONS = {
  maxPages: 20,
  maxDepth: 3,
  timeoutMs: 15_000,
  maxTimeMs: 600_000,
  delayMs: 200,
  maxPerPattern: 5,
  quietMs: 500,
} as const;

/**
 * Crawls the site of `options.url` and records every page in three phases (before consent,
 * after "accept all", after "reject all"), then classifies, finds the leaks and the unknowns.
 * Never rejects for a page that fails (that is an issue in the report); rejects only when
 * Chromium cannot start or the URL is not http(s).
 */
export async function scanSite(options: ScanOptions): Promise<ScanReport> {
  const start = normalizeUrl(options.url);
  if (!start) throw new TypeError(`not an http(s) URL: ${options.url}`);
  const settings = {
    maxPages: options.maxPages ?? DEFAULT_OPTIONS.maxPages,
    maxDepth: options.maxDepth ?? DEFAULT_OPTIONS.maxDepth,
    timeoutMs: options.timeoutMs ?? DEFAULT_OPTIONS.timeoutMs,
    maxTimeMs: options.maxTimeMs ?? DEFAULT_OPTIONS.maxTimeMs,
    delayMs: options.delayMs ?? DEFAULT_OPTIONS.delayMs,
    maxPerPattern: options.maxPerPattern ?? DEFAULT_OPTIONS.maxPerPattern,
  };
  const quietMs = options.quietMs ?? DEFAULT_OPTIONS.quietMs;
  const mapHosts = options.mapHosts ?? [];
  const site = siteOf(new URL(start).hostname);
  const started = new Date();
  const pages: PageRecord[] = [];
  const leaks: Leak[] = [];
  const issues: ScanIssue[] = [];
  let config: ClassifyConfig = options.config ?? {};
  let configSource: ScanReport['configSource'] = options.config ? 'file' : 'none';
  let status: ScanStatus = 'complete';
  const issue = (item: ScanIssue) => {
    issues.push(item);
    options.onProgress?.({ type: 'issue', issue: item });
  };

  const frontier = createFrontier({
    root: start,
    maxDepth: settings.maxDepth,
    maxPerPattern: settings.maxPerPattern,
  });
  if (!frontier.pending)
    issue({
      code: 'not-html',
      severity: 'error',
      message: `${start} does not name a web page (by its extension): not scanned.`,
      url: start,
    });

  const report = (): ScanReport => {
    const unknown = collectUnknowns(pages);
    const finished = new Date();
    return {
      format: 'consentgate/scan-report',
      version: 1,
      url: start,
      site,
      started: started.toISOString(),
      finished: finished.toISOString(),
      durationMs: finished.getTime() - started.getTime(),
      status: pages.length === 0 && status !== 'interrupted' ? 'failed' : status,
      options: settings,
      configSource,
      config,
      pages: [...pages],
      leaks: [...leaks],
      unknown,
      issues: [...issues],
      totals: countTotals(pages, leaks.length, unknown),
    };
  };

  const executablePath = options.executablePath ?? findChromium();
  // The caller handles Ctrl+C (the CLI stops after the current step and writes the report);
  // Playwright's own handler would kill the browser under the crawl first.
  const browser: Browser = await chromium.launch({
    executablePath,
    args: chromiumArgs(),
    headless: true,
    handleSIGINT: false,
  });
  let probe: BrowserContext | undefined;
  try {
    probe = await browser.newContext();
    const deadline = started.getTime() + settings.maxTimeMs;
    for (;;) {
      if (options.signal?.aborted) {
        status = 'interrupted';
        issue({
          code: 'interrupted',
          severity: 'warning',
          message: `Interrupted after ${pages.length} page(s); the report holds what was scanned.`,
        });
        break;
      }
      if (pages.length >= settings.maxPages) {
        if (frontier.pending) {
          status = 'partial';
          issue({
            code: 'page-limit',
            severity: 'info',
            message: `Stopped at ${settings.maxPages} pages (--max-pages); ${frontier.pending} more same-site page(s) found were not visited.`,
          });
        }
        break;
      }
      if (Date.now() >= deadline) {
        status = 'partial';
        issue({
          code: 'time-limit',
          severity: 'warning',
          message: `Stopped after ${settings.maxTimeMs} ms (--max-time-ms); ${frontier.pending} page(s) not visited.`,
        });
        break;
      }
      const item = frontier.next();
      if (!item) break;

      const checked = await preflight(probe.request, item.url, start, mapHosts, settings.timeoutMs);
      if (!checked.ok) {
        issue(checked.issue);
        continue;
      }
      // A redirect to a page already seen (or queued) is that page.
      if (checked.url !== item.url && !frontier.claim(checked.url)) continue;

      options.onProgress?.({
        type: 'page',
        index: pages.length + 1,
        total: Math.min(settings.maxPages, pages.length + 1 + frontier.pending),
        url: checked.url,
      });
      const scanned = await scanPage(checked.url, item.depth, item.from);
      if (scanned) {
        pages.push(scanned.page);
        leaks.push(...findLeaks(scanned.page, scanned.context));
        for (const leftover of findLeftoverCookies(scanned.page, config)) issue(leftover);
        for (const href of scanned.links) frontier.add(href, item.depth + 1, scanned.page.finalUrl);
        options.onPage?.(report());
      }
      if (settings.delayMs && frontier.pending) await pause(settings.delayMs, options.signal);
    }
  } catch (error) {
    issue({
      code: 'browser',
      severity: 'error',
      message: `The browser failed: ${String((error as Error).message ?? error).split('\n')[0]}`,
    });
    if (status === 'complete') status = options.signal?.aborted ? 'interrupted' : 'partial';
  } finally {
    await probe?.close().catch(() => {});
    await browser.close().catch(() => {});
  }
  noteCrowdedPatterns(frontier, issue);
  if (frontier.skipped.depth)
    issue({
      code: 'depth-limit',
      severity: 'info',
      message: `${frontier.skipped.depth} same-site link(s) deeper than ${settings.maxDepth} (--max-depth) were not followed.`,
    });
  if (status === 'complete' && (frontier.skipped.depth || frontier.skipped.pattern)) status = 'partial';
  return report();

  async function scanPage(url: string, depth: number, from?: string) {
    const page: PageRecord = {
      url,
      finalUrl: url,
      depth,
      ...(from && { from }),
      consentgate: false,
      consentMethod: 'none',
      links: 0,
      phases: {},
    };
    const context: LeakContext = {};
    let links: string[] = [];
    for (const phase of PHASES) {
      if (options.signal?.aborted) break;
      options.onProgress?.({ type: 'phase', phase, url, state: 'start' });
      const result = await recordPhase({
        browser,
        url,
        phase,
        site,
        config: adoptConfig,
        mapHosts,
        timeoutMs: settings.timeoutMs,
        quietMs,
        signal: options.signal,
      });
      options.onProgress?.({ type: 'phase', phase, url, state: 'end' });
      for (const item of result.issues) issue(item);
      if (result.skipped) return phase === 'before' ? undefined : { page, context, links };
      if (phase === 'before') {
        const { facts } = result;
        page.finalUrl = facts.finalUrl;
        if (facts.status !== undefined) page.status = facts.status;
        if (facts.title) page.title = facts.title;
        page.consentgate = facts.consentgate;
        links = facts.links;
        page.links = links.length;
        if (facts.html) context.source = readHtmlSource(facts.html, facts.finalUrl);
        if (facts.pageConfig) context.pageConfig = facts.pageConfig;
      }
      if (phase !== 'before' || page.consentMethod === 'none') page.consentMethod = result.consentMethod;
      page.phases[phase] = result.record;
    }
    return { page, context, links };
  }

  // Without --config, the first page's own ConsentGate config classifies the whole scan (that
  // page included: a phase reads its config before it classifies what it recorded).
  function adoptConfig(pageConfig?: ClassifyConfig): ClassifyConfig {
    if (configSource === 'none' && pageConfig) {
      config = pageConfig;
      configSource = 'page';
    }
    return config;
  }
}

function noteCrowdedPatterns(frontier: Frontier, issue: (item: ScanIssue) => void) {
  for (const [pattern, count] of frontier.crowdedPatterns) {
    issue({
      code: 'endless-links',
      severity: 'warning',
      url: pattern,
      message: `Links of the pattern ${pattern} keep coming (${count} more beyond the first ones): a link generator (calendar, pagination, session ids); only the first of them are visited (--max-per-pattern).`,
    });
  }
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
  });
}
