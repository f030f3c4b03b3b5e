export { createConsentManager } from './consent-manager';
export { consentStatus } from './consent-status';
export {
  encodeConsentCookie,
  parseConsentCookie,
  readConsentCookie,
  serializeConsentCookie,
} from './cookie-codec';
export { DEFAULT_CATEGORIES } from './default-categories';
export type { GateTextKey } from './gate-texts';
export { GATE_TEXT_KEYS, GATE_TEXTS, gateText } from './gate-texts';
export { localize, resolveLocale } from './i18n';
export { policyUrlFor } from './policy-url';
export type {
  ConsentAction,
  JurisdictionHint,
  JurisdictionModel,
  Provenance,
  Receipt,
  ShownEvent,
} from './receipt';
export { createIdbStore } from './record-store';
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
  ConsentModeOptions,
  ConsentModeSignal,
  ConsentRecord,
  ConsentSource,
  ConsentState,
  ConsentStatus,
  CookieInfo,
  CookieJar,
  CookieOptions,
  KeyValueStore,
  LocalizedText,
  ManagerOptions,
  RecipientInfo,
  RecordStore,
  ResolvedConfig,
  ResolvedConsentMode,
  Rule,
  SameSite,
  ServiceInfo,
  TabChannel,
} from './types';
