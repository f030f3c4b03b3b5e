import type { Load, Modules } from './modules';
import { type GateOptions, startGate } from './start-gate';
import type { ConsentGate } from './types';

export type { MountOptions, UIController } from '@consentgate/ui';
export type { ConsentGateConfig } from './config';
export { checkConfig, FEATURE_KEYS } from './config';
export type {
  ConsentModeOptions,
  ConsentModeSignal,
  ConsentModeSignals,
  ResolvedConsentMode,
} from './google-consent-mode';
export {
  consentModeSignals,
  installConsentMode,
  normalizeConsentMode,
  resolveConsentMode,
} from './google-consent-mode';
export type { Receipt as ReceiptV1, ReceiptOptions, ReceiptsConfig } from './receipts';
export { installReceipts, receiptTexts, resolveReceipts } from './receipts';
export type { GateOptions } from './start-gate';
export type { ConsentGate, MountUI } from './types';

// Each module a dynamic import, which bundlers split into its own chunk.
const imports: { [K in keyof Modules]: () => Promise<Modules[K]> } = {
  manager: () => import('./extras'),
  check: () => import('./config'),
  receipts: () => import('./receipts'),
  // Destructured, so a bundler keeps only the mount in the UI chunk (locales are chunks of their own).
  ui: () => import('@consentgate/ui').then(({ mountConsentUI }) => ({ mountConsentUI })),
  'ui.en': () =>
    import('@consentgate/ui')
      .then(({ loadBuiltInLocale }) => loadBuiltInLocale('en'))
      .then((locale) => ({ locale })),
  'ui.zh-CN': () =>
    import('@consentgate/ui')
      .then(({ loadBuiltInLocale }) => loadBuiltInLocale('zh-CN'))
      .then((locale) => ({ locale })),
};
const load: Load = (name) => imports[name]();

/**
 * Starts ConsentGate in a page: the consent kernel and the tracking gate at once, then (split off
 * by the bundler) storage, decisions and, when needed, the banner. Call it as early as possible;
 * tags that ran before it are outside its reach. Never throws.
 *
 * @example
 * const consent = createConsentGate({ policyVersion: '2026-11', policyUrl: '/privacy' });
 * consent.whenGranted('analytics').then(startAnalytics);
 */
export function createConsentGate(config?: unknown, options: GateOptions = {}): ConsentGate {
  return startGate(config, load, options);
}

export type { BlockerConfig, Rule } from '@consentgate/blocker';
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
  CookieOptions,
  CoreConfig,
  GateTextKey,
  KeyValueStore,
  LocalizedText,
  ManagerOptions,
  Receipt,
  RecipientInfo,
  ResolvedConfig,
  SameSite,
  ServiceInfo,
} from '@consentgate/core';
// Everything of @consentgate/core that a site uses, so npm users need one dependency (a test keeps this complete).
export {
  attachManager,
  CATEGORY_LABELS,
  CORE_KEYS,
  categoryText,
  checkCookieDomain,
  consentState,
  consentStatus,
  createChecks,
  createConsentKernel,
  createConsentManager,
  createIdbStore,
  createRecordId,
  DEFAULT_CATEGORY_IDS,
  DEFAULT_CONFIG,
  encodeConsentCookie,
  formatIssues,
  GATE_TEXT_KEYS,
  GATE_TEXTS,
  gateText,
  isConfigObject,
  localesOf,
  localize,
  normalizeConfig,
  PROTOTYPE_KEYS,
  pageLocale,
  parseConsentCookie,
  policyUrlFor,
  read,
  readConsentCookie,
  resolveConfig,
  resolveLocale,
  resolveWith,
  serializeConsentCookie,
  unknownOption,
  watchExpiry,
} from '@consentgate/core';
