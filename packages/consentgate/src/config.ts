// The whole config a site writes: core's keys and every feature's. Each feature owns and checks
// its own slice; `checkConfig` runs them all (the gate loads it only when the config looks off).
import { BLOCKER_KEYS, type BlockerConfig, resolveBlockerConfig } from '@consentgate/blocker';
import {
  type ConfigIssue,
  type CoreConfig,
  checkCookieDomain,
  isConfigObject,
  read,
  resolveWith,
} from '@consentgate/core';
import { resolveUIOptions } from '@consentgate/ui';
import { type ConsentModeOptions, resolveConsentMode } from './google-consent-mode';
import { type ReceiptsConfig, resolveReceipts } from './receipts';

/** What a site owner writes in `window.consentgateConfig`. Every field is optional. */
export interface ConsentGateConfig extends CoreConfig, BlockerConfig {
  /** Google Consent Mode v2 signals in `dataLayer`. Default off. */
  googleConsentMode?: boolean | ConsentModeOptions;
  /** Send a receipt (proof of consent) of every decision to `endpoint` (POST, JSON). */
  receipts?: ReceiptsConfig;
  /** Banner and look; read by @consentgate/ui (see its README). */
  ui?: Readonly<Record<string, unknown>>;
}

/** The top-level keys the features (not core) read. */
export const FEATURE_KEYS: ReadonlyArray<string> = [...BLOCKER_KEYS, 'googleConsentMode', 'receipts', 'ui'];

/**
 * Every problem of a site's config, each with its path and what was expected: core's fields,
 * the blocker's rules and flags, Consent Mode, receipts and the UI's options, plus unknown keys
 * (with a suggestion when one is close). `host` is the page's host, to check `cookie.domain`.
 * Never throws.
 */
export function checkConfig(input: unknown, host = ''): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const report = (path: string, message: string) => void issues.push({ path, message });
  const config = checkCookieDomain(resolveWith(input, report, FEATURE_KEYS), host, issues);
  if (!isConfigObject(input)) return issues;
  resolveBlockerConfig(input, config.categoryIds, report);
  resolveConsentMode(
    read(input, 'googleConsentMode', 'googleConsentMode', report),
    config.categoryIds,
    report,
  );
  resolveReceipts(read(input, 'receipts', 'receipts', report), report);
  issues.push(...resolveUIOptions(read(input, 'ui', 'ui', report)).issues);
  return issues;
}
