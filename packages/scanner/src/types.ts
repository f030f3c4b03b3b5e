// The shapes the scanner produces: the report (report.json) and its parts. The cookie
// declaration has its own file (cookie-declaration.ts); both are versioned and documented in
// docs/scanner.md. Change them only together with that page.

import type { Rule } from '@consentgate/blocker';
import type { CategoryConfig, CategoryId, CookieOptions } from '@consentgate/core';

/** The part of a ConsentGate config the scanner classifies with: `rules`, `categories`, `cookie`. */
export interface ClassifyConfig {
  rules?: ReadonlyArray<Rule>;
  categories?: Readonly<Record<CategoryId, CategoryConfig>>;
  cookie?: CookieOptions;
}

/** Where a category came from: the site's config, the built-in catalogue, or ConsentGate itself. */
export type ClassificationSource = 'site' | 'catalogue' | 'consentgate';

/** What a request or cookie is: `category: null` when nothing knows it (an unknown). */
export interface Classification {
  category: CategoryId | null;
  source: ClassificationSource | null;
  /** The catalogue vendor (`Google Analytics`) or, for site cookies, the site's service name. */
  vendor?: string;
  /** The rule pattern or cookie pattern that matched (`localhost/a/`, `_ga_*`). */
  pattern?: string;
}

/** `first` when the host (or cookie domain) belongs to the scanned page's site (registrable domain). */
export type Party = 'first' | 'third';

/** The three recordings of every page, each in a fresh browser context. */
export type PhaseName = 'before' | 'accept' | 'reject';

/**
 * When, inside a phase, a request was sent: on the page load, after "accept all", after "reject
 * all" (the revoke), or on the reload that follows the revoke.
 */
export type Stage = 'load' | 'accepted' | 'rejected' | 'reloaded';

/** Who started a request, as Chromium tells it (CDP `Network.requestWillBeSent`). */
export interface Initiator {
  /** `parser`: the HTML parser (or its preload scanner); `script`: running code; `other`: no detail. */
  type: 'parser' | 'script' | 'preload' | 'other' | 'frame';
  /**
   * The document (for `parser`), or the innermost script on the stack that is not ConsentGate's
   * own gate (for `script`: the gate's wrappers sit on top of every call it lets through).
   */
  url?: string;
  /** 1-based line in `url`. */
  line?: number;
  /** The call stack, innermost first (for `script`), at most 8 frames. */
  frames?: Array<{ url: string; line: number }>;
}

/** One request sent to a third party (or to a first-party path a rule classifies). */
export interface RequestRecord {
  url: string;
  host: string;
  path: string;
  method: string;
  /** Playwright's resource type: `script`, `image`, `fetch`, `ping`, `document`, `websocket`, … */
  resourceType: string;
  party: Party;
  stage: Stage;
  /** The frame that sent it, when not the page itself. */
  frame?: string;
  initiator?: Initiator;
  status?: number;
  failure?: string;
  classification: Classification;
}

/** One cookie in the browser at the end of a phase. */
export interface CookieRecord {
  name: string;
  domain: string;
  path: string;
  /** Expiry in epoch seconds; `null` for a session cookie. */
  expires: number | null;
  /** Seconds it had left when seen; `null` for a session cookie. */
  lifetimeSeconds: number | null;
  /** `session`, `90 days`, `2 years`. */
  lifetime: string;
  session: boolean;
  party: Party;
  httpOnly: boolean;
  secure: boolean;
  sameSite: 'Strict' | 'Lax' | 'None';
  /** `header`: a `Set-Cookie` response header; `script`: it appeared without one (`document.cookie`). */
  setBy: 'header' | 'script';
  /** The response that set it, or the script that wrote it (the outermost script on the stack). */
  setByUrl?: string;
  classification: Classification;
}

/** One `localStorage` / `sessionStorage` key of a frame. */
export interface StorageRecord {
  kind: 'localStorage' | 'sessionStorage';
  origin: string;
  key: string;
  party: Party;
  /** Keys are matched against cookie patterns (trackers use the same names, e.g. `_hj*`). */
  classification: Classification;
}

/** What one phase of one page recorded. */
export interface PhaseRecord {
  phase: PhaseName;
  /** What the scanner did, in order: `load`, `consentgate.acceptAll()`, `clicked "Accept all"`, `reload`. */
  actions: string[];
  /** False when the page never reached network idle within `timeoutMs` (see the page's issues). */
  settled: boolean;
  durationMs: number;
  /** Third-party requests and classified first-party ones. */
  requests: RequestRecord[];
  /** How many first-party requests that no rule classifies were left out of `requests`. */
  firstPartyRequests: number;
  cookies: CookieRecord[];
  /** In the `reject` phase: cookies present after "accept all" and gone after the revoke. */
  deletedCookies?: string[];
  storage: StorageRecord[];
}

/** How the scanner gave and withdrew consent on a page. */
export type ConsentMethod =
  /** `window.consentgate.acceptAll()` / `rejectAll()`. */
  | 'consentgate'
  /** Buttons found by their text ("Accept all", "Reject all", …). */
  | 'buttons'
  /** Neither: the accept and reject phases show the page as it loads. */
  | 'none';

export interface PageRecord {
  url: string;
  /** Where the browser ended up (after same-site redirects). */
  finalUrl: string;
  depth: number;
  /** The page the link was found on. */
  from?: string;
  title?: string;
  status?: number;
  /** `window.consentgate` exists on the page. */
  consentgate: boolean;
  consentMethod: ConsentMethod;
  /** Same-site links found (before de-duplication). */
  links: number;
  phases: Partial<Record<PhaseName, PhaseRecord>>;
}

/** Why something reached the network without consent. */
export type LeakReasonCode =
  /** A plain `<script src>`/`<img src>`/… in the HTML, fetched by the parser's preload scanner. */
  | 'preload-scanner'
  /** Sent by a tag that ran before the gate's `<script>`. */
  | 'before-gate'
  /** The page has no ConsentGate. */
  | 'no-gate'
  /** The gate is there but the page's config has no rule for the host. */
  | 'no-rule'
  /** Sent from inside a frame. */
  | 'in-frame'
  /** Referenced from a stylesheet (the page gate cannot see CSS). */
  | 'stylesheet'
  /** Sent by code that was already running when the visitor revoked consent. */
  | 'after-revoke'
  /** A cookie set by a `Set-Cookie` response header (servers set those; the page gate cannot). */
  | 'set-cookie-header'
  /** Sent by a script, none of the above: a channel the gate does not cover, or a gate bug. */
  | 'script'
  /** Chromium gave no initiator. */
  | 'unknown';

/** Something that reached the network, or a cookie that was written, without consent. */
export interface Leak {
  page: string;
  /** `before`: before any choice; `reject`: after the visitor said no (revoke, then the reload). */
  phase: 'before' | 'reject';
  kind: 'request' | 'cookie';
  /** The request URL, or the cookie name. */
  what: string;
  host: string;
  category: CategoryId;
  vendor?: string;
  resourceType?: string;
  reason: LeakReasonCode;
  /** One sentence a site owner can act on. */
  message: string;
}

export type IssueCode =
  | 'unreachable'
  | 'http-error'
  | 'not-html'
  | 'redirect-off-site'
  | 'never-settled'
  | 'endless-links'
  | 'page-limit'
  | 'depth-limit'
  | 'time-limit'
  | 'interrupted'
  | 'no-consent-ui'
  | 'consent-buttons'
  | 'cookie-remains'
  | 'config'
  | 'browser';

/** A problem met while scanning: a page that could not be scanned, a limit reached, a warning. */
export interface ScanIssue {
  code: IssueCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  url?: string;
}

/** A third-party host or a cookie that nothing classifies, with where it was seen. */
export interface UnknownItem {
  /** The host, or the cookie / storage key name. */
  name: string;
  kind: 'host' | 'cookie' | 'localStorage' | 'sessionStorage';
  /** Registrable domain (or the host itself for an IP or `localhost`). */
  site: string;
  /** For cookies: the cookie's domain. */
  domain?: string;
  phases: PhaseName[];
  pages: string[];
  /** For hosts: how many requests; for cookies: how many sightings. */
  count: number;
  /** For hosts: resource types sent; for cookies: the script or response that set it. */
  details: string[];
}

/** How a scan ended. */
export type ScanStatus =
  /** Every same-site page found was scanned. */
  | 'complete'
  /** A limit (pages, depth, time, link patterns) left pages unscanned. */
  | 'partial'
  /** Stopped by the caller (Ctrl+C / an aborted signal). */
  | 'interrupted'
  /** Not a single page could be scanned (see `issues`). */
  | 'failed';

export interface ScanTotals {
  pages: number;
  /** Third-party (and classified first-party) requests, all phases. */
  requests: number;
  /** Distinct cookies (name + domain), all phases. */
  cookies: number;
  /** Distinct third-party hosts. */
  thirdPartyHosts: number;
  leaks: number;
  unknownHosts: number;
  unknownCookies: number;
}

/** The whole scan: `report.json`. */
export interface ScanReport {
  format: 'consentgate/scan-report';
  version: 1;
  /** The start URL. */
  url: string;
  /** Its registrable domain: what "same site" and "first party" mean in this report. */
  site: string;
  started: string;
  finished: string;
  durationMs: number;
  status: ScanStatus;
  options: {
    maxPages: number;
    maxDepth: number;
    timeoutMs: number;
    maxTimeMs: number;
    delayMs: number;
    maxPerPattern: number;
  };
  /** Where the classification rules came from: `--config`, the first page's ConsentGate, or none. */
  configSource: 'file' | 'page' | 'none';
  /** The rules and categories classification used (the catalogue comes after them). */
  config: ClassifyConfig;
  pages: PageRecord[];
  leaks: Leak[];
  unknown: UnknownItem[];
  issues: ScanIssue[];
  totals: ScanTotals;
}

/** A host remapping for tests and staging: requests to `from` (`host:port`) go to `to`. */
export interface HostMapping {
  from: string;
  to: string;
}

/** Progress, as the crawl goes. */
export type ScanProgress =
  | { type: 'page'; index: number; total: number; url: string }
  | { type: 'phase'; phase: PhaseName; url: string; state: 'start' | 'end' }
  | { type: 'issue'; issue: ScanIssue };

export interface ScanOptions {
  /** The start page (http or https). */
  url: string;
  /** Pages to scan at most. Default 20. */
  maxPages?: number;
  /** Link depth from the start page. Default 3. */
  maxDepth?: number;
  /** How long one page load (each step of each phase) may take to settle. Default 15000. */
  timeoutMs?: number;
  /** The whole crawl. Default 600000 (10 minutes). */
  maxTimeMs?: number;
  /** Pause between pages. Default 200. */
  delayMs?: number;
  /** Pages of one link pattern (only numbers or query values differ) to visit at most. Default 5. */
  maxPerPattern?: number;
  /** No request for this long (and none open) counts as settled. Default 500. */
  quietMs?: number;
  /** The site's config (`--config`); without it the first page's ConsentGate config is used. */
  config?: ClassifyConfig;
  mapHosts?: ReadonlyArray<HostMapping>;
  /** Chromium to run. Default: `$CHROMIUM_PATH`, `/usr/bin/chromium`, then Playwright's own. */
  executablePath?: string;
  /** Stops the crawl after the current step; the report so far is returned. */
  signal?: AbortSignal;
  onProgress?: (event: ScanProgress) => void;
  /** Called with the report so far after every page (the CLI writes it, so a crash keeps it). */
  onPage?: (report: ScanReport) => void;
}
