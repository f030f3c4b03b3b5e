// A site's ConsentGate config as the scanner reads it: every feature's checks (the same the gate
// runs), and the resolved parts classification needs (core's categories and cookie, the
// blocker's rules).
import { type Rule, resolveBlockerConfig } from '@consentgate/blocker';
import { type ConfigIssue, type ResolvedConfig, resolveConfig } from '@consentgate/core';
import { checkConfig, FEATURE_KEYS } from 'consentgate';

/** The config resolved for classification, with every problem of the whole config. */
export function readSiteConfig(input: unknown): {
  config: ResolvedConfig & { rules: ReadonlyArray<Rule> };
  issues: ConfigIssue[];
} {
  const core = resolveConfig(input, { otherKeys: FEATURE_KEYS }).config;
  return {
    config: { ...core, rules: resolveBlockerConfig(input, core.categoryIds).rules },
    issues: checkConfig(input),
  };
}
