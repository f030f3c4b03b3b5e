export { CONSENT_COOKIE, classifyConfigOf, classifyCookie, classifyRequest, needsConsent } from './classify';
export type {
  CookieDeclaration,
  DeclarationCategory,
  DeclaredCookie,
  DeclaredService,
} from './cookie-declaration';
export { buildDeclaration, DECLARATION_FORMAT, DECLARATION_VERSION } from './cookie-declaration';
export type { Frontier, FrontierItem, FrontierOptions, SkipReason } from './crawl-frontier';
export { createFrontier } from './crawl-frontier';
export type { DraftNote } from './draft-config';
export { buildDraftConfig } from './draft-config';
export { ChromiumNotFoundError, chromiumArgs, findChromium } from './find-chromium';
export type { LeakContext } from './find-leaks';
export { explainRequest, findLeaks, findLeftoverCookies } from './find-leaks';
export { guessCookieCategory, guessHostCategory, TODO } from './guess-category';
export { escapeHtml, renderHtmlReport } from './html-report';
export type { HtmlSource, InlineScript, SourceTag } from './html-source';
export { isGateScript, readHtmlSource } from './html-source';
export { describeLifetime } from './lifetime';
export { mapUrl, parseHostMapping } from './map-host';
export type { CliIo } from './run-cli';
export { EXIT, runCli } from './run-cli';
export { DEFAULT_OPTIONS, scanSite } from './scan-site';
export { isLikelyHtml, isSameSite, linkPattern, normalizeUrl, partyOf, siteOf } from './site-url';
export { collectUnknowns, countTotals } from './summarize';
export { formatSummary } from './summary-table';
export type {
  Classification,
  ClassificationSource,
  ClassifyConfig,
  ConsentMethod,
  CookieRecord,
  HostMapping,
  Initiator,
  IssueCode,
  Leak,
  LeakReasonCode,
  PageRecord,
  Party,
  PhaseName,
  PhaseRecord,
  RequestRecord,
  ScanIssue,
  ScanOptions,
  ScanProgress,
  ScanReport,
  ScanStatus,
  ScanTotals,
  Stage,
  StorageRecord,
  UnknownItem,
} from './types';
export type { VendorInfo } from './vendor-info';
export { CONSENTGATE_PURPOSE, knownVendors, vendorInfo } from './vendor-info';
export { REPORT_FILES, writeReportFiles } from './write-report';
