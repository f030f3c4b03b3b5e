export { createConsentManager } from './consent-manager';
export { consentStatus } from './consent-status';
export {
  encodeConsentCookie,
  parseConsentCookie,
  readConsentCookie,
  serializeConsentCookie,
} from './cookie-codec';
export { DEFAULT_CATEGORIES } from './default-categories';
export { localize, resolveLocale } from './i18n';
export { formatIssues, resolveConfig } from './resolve-config';
export type {
  CategoryConfig,
  CategoryId,
  ChangeEvent,
  ConfigIssue,
  ConsentEvents,
  ConsentGateConfig,
  ConsentHistoryEntry,
  ConsentManager,
  ConsentMethod,
  ConsentRecord,
  ConsentSource,
  ConsentState,
  ConsentStatus,
  CookieInfo,
  CookieJar,
  CookieOptions,
  LocalizedText,
  ManagerOptions,
  RecordStore,
  ResolvedConfig,
  Rule,
  SameSite,
  ServiceInfo,
  TabChannel,
} from './types';
