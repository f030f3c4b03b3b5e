export { CONSENT_COOKIE, classifyConfigOf, classifyCookie, classifyRequest, needsConsent } from './classify';
export type { Frontier, FrontierItem, FrontierOptions, SkipReason } from './crawl-frontier';
export { createFrontier } from './crawl-frontier';
export { describeLifetime } from './lifetime';
export { mapUrl, parseHostMapping } from './map-host';
export { isLikelyHtml, isSameSite, linkPattern, normalizeUrl, partyOf, siteOf } from './site-url';
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
