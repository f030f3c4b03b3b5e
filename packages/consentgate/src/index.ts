import { type ConsentGate, createGate, type GateOptions, type MountUI } from './create-consent-gate';

export type { MountOptions, UIController } from '@consentgate/ui';
export type { ConsentGate, GateOptions, MountUI } from './create-consent-gate';

const loadUI = (): Promise<MountUI> => import('@consentgate/ui').then((ui) => ui.mountConsentUI);

/**
 * Starts ConsentGate in a page: the consent manager, the tracking gate and (on demand) the banner.
 * Call it as early as possible; tags that ran before it are outside its reach. Never throws.
 *
 * @example
 * const consent = createConsentGate({ policyVersion: '2026-11', policyUrl: '/privacy' });
 * consent.whenGranted('analytics').then(startAnalytics);
 */
export function createConsentGate(config?: unknown, options: GateOptions = {}): ConsentGate {
  return createGate(config, { loadUI, ...options });
}

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
  CookieOptions,
  GateTextKey,
  KeyValueStore,
  LocalizedText,
  RecipientInfo,
  ResolvedConfig,
  ResolvedConsentMode,
  Rule,
  SameSite,
  ServiceInfo,
} from '@consentgate/core';
// Everything of @consentgate/core, so npm users need one dependency (a test keeps this complete).
export {
  consentStatus,
  createConsentManager,
  createIdbStore,
  DEFAULT_CATEGORIES,
  encodeConsentCookie,
  formatIssues,
  GATE_TEXT_KEYS,
  GATE_TEXTS,
  gateText,
  localize,
  parseConsentCookie,
  policyUrlFor,
  readConsentCookie,
  resolveConfig,
  resolveLocale,
  serializeConsentCookie,
} from '@consentgate/core';
