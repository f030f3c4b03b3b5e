// Which categories a receipt may name: the built-in four, or a site's own list (from its
// ConsentGate config, read by the same validator the gate uses, so the two can never disagree).
import { DEFAULT_CATEGORY_IDS as BUILT_IN, CORE_KEYS, resolveConfig } from '@consentgate/core';

/** The built-in category ids: `necessary`, `analytics`, `advertising`, `pixels`. */
export const DEFAULT_CATEGORY_IDS: readonly string[] = BUILT_IN;

/**
 * The category ids of a site's ConsentGate config (the object a site sets as
 * `window.consentgateConfig`): the built-in ones plus its own, in display order.
 * Throws, naming each field, when the config has problems.
 */
export function categoriesOfSiteConfig(config: unknown): string[] {
  // Core's slice only (the categories are in it); the other features' keys are theirs to check.
  const otherKeys =
    typeof config === 'object' && config !== null
      ? Object.keys(config).filter((key) => !CORE_KEYS.includes(key))
      : [];
  const { config: resolved, issues } = resolveConfig(config, { otherKeys });
  // Not core's formatIssues: its wording ("using defaults") is the gate's; the collector refuses instead.
  if (issues.length)
    throw new Error(`invalid site config: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  return [...resolved.categoryIds];
}
