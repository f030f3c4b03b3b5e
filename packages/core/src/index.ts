export type { AttachOptions, ManagerParts } from './attach-manager';
export { attachManager, watchExpiry } from './attach-manager';
export type { Check, Report, Spec } from './config-checks';
export { createChecks, formatIssues, PROTOTYPE_KEYS, read, unknownOption } from './config-checks';
export type { ManagerOptions } from './consent-manager';
export { checkCookieDomain, createConsentManager } from './consent-manager';
export { createRecordId, isObject as isConfigObject } from './consent-record';
export { consentState, consentStatus } from './consent-status';
export {
  encodeConsentCookie,
  parseConsentCookie,
  readConsentCookie,
  serializeConsentCookie,
} from './cookie-codec';
export { DEFAULT_CATEGORY_IDS } from './default-categories';
export type { GateTextKey } from './gate-texts';
export { CATEGORY_LABELS, GATE_TEXT_KEYS, GATE_TEXTS, gateText } from './gate-texts';
export { categoryText, localesOf, localize, pageLocale, resolveLocale } from './i18n';
export type { ConsentKernel, KernelEvents, KernelOptions } from './kernel';
export { createConsentKernel } from './kernel';
export { normalizeConfig } from './normalize-config';
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
export type { ResolveOptions } from './resolve-config';
export { CORE_KEYS, DEFAULT_CONFIG, resolveConfig, resolveWith } from './resolve-config';
export type {
  CategoryConfig,
  CategoryId,
  ChangeEvent,
  ConfigIssue,
  ConsentEvents,
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
  CoreConfig,
  KeyValueStore,
  LocalizedText,
  RecipientInfo,
  RecordStore,
  ResolvedConfig,
  SameSite,
  ServiceInfo,
  TabChannel,
} from './types';
