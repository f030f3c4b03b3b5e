import { type CategoryId, createChecks, isConfigObject, type Report, read } from '@consentgate/core';

/** A site rule: requests to these hosts (wildcards allowed, optional port and path prefix) belong to `category`. */
export interface Rule {
  category: CategoryId;
  /** `'*.tracker.com'`, `'cdn.example.com/ads/'`, `'example.org:8080'`. */
  match: ReadonlyArray<string>;
}

/** The keys of `window.consentgateConfig` the blocker reads. */
export interface BlockerConfig {
  /** Site rules, checked before the built-in catalogue. */
  rules?: ReadonlyArray<Rule>;
  /** Hold same-origin requests that match no rule too. Default false. */
  blockSameOrigin?: boolean;
  /** Log what the gate holds, releases and why. */
  debug?: boolean;
  /** Replay held beacons/fetches/pixels on grant instead of dropping them. Default false. */
  replayHeldRequests?: boolean;
  /** Reload the page after a category is revoked, so code that already ran stops. Default false. */
  reloadOnRevoke?: boolean;
}

export type ResolvedBlockerConfig = Required<BlockerConfig>;

export const BLOCKER_KEYS: ReadonlyArray<keyof BlockerConfig> = [
  'rules',
  'blockSameOrigin',
  'debug',
  'replayHeldRequests',
  'reloadOnRevoke',
];

const HOST_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?(\/\S*)?$/i;

/**
 * The blocker's slice as the gate reads it synchronously: no messages; a rule, pattern or flag
 * that is off is left out and makes it `suspect` (the gate then loads the full checks, which
 * name it: see {@link resolveBlockerConfig}; a test keeps the two in step).
 */
export function normalizeBlockerConfig(
  input: unknown,
  categoryIds: ReadonlyArray<CategoryId>,
): { config: ResolvedBlockerConfig; suspect: boolean } {
  let suspect = false;
  const root = isConfigObject(input) ? input : {};
  const get = (key: string): unknown => {
    try {
      return root[key];
    } catch {
      suspect = true;
    }
  };
  const flag = (key: string) => {
    const value = get(key);
    suspect ||= value !== undefined && typeof value !== 'boolean';
    return value === true;
  };
  const given = get('rules');
  const rules: Rule[] = [];
  if (given !== undefined && !Array.isArray(given)) suspect = true;
  for (const rule of Array.isArray(given) ? given : []) {
    try {
      const match = Array.isArray(rule?.match)
        ? rule.match.filter((p: unknown) => typeof p === 'string' && HOST_PATTERN.test(p))
        : [];
      if (
        !categoryIds.includes(rule?.category) ||
        match.length !== rule.match.length ||
        Object.keys(rule).length > 2
      )
        suspect = true;
      if (categoryIds.includes(rule?.category) && Array.isArray(rule.match))
        rules.push({ category: rule.category, match });
    } catch {
      suspect = true;
    }
  }
  return {
    config: {
      rules,
      blockSameOrigin: flag('blockSameOrigin'),
      debug: flag('debug'),
      replayHeldRequests: flag('replayHeldRequests'),
      reloadOnRevoke: flag('reloadOnRevoke'),
    },
    suspect,
  };
}

/**
 * The blocker's slice of a site's config, with every problem reported by its path (rules,
 * patterns and flags that are off are left out). The value is exactly what
 * {@link normalizeBlockerConfig} reads, so the gate and the checks cannot disagree. Never throws.
 */
export function resolveBlockerConfig(
  input: unknown,
  categoryIds: ReadonlyArray<CategoryId>,
  report: Report = () => {},
): ResolvedBlockerConfig {
  const c = createChecks(report);
  const root = isConfigObject(input) ? input : {};
  for (const key of ['blockSameOrigin', 'debug', 'replayHeldRequests', 'reloadOnRevoke']) {
    const value = read(root, key, key, report);
    if (value !== undefined) c.flag(value, key);
  }
  const rules = read(root, 'rules', 'rules', report);
  if (rules !== undefined) {
    const category = c.is(
      (v) => typeof v === 'string' && categoryIds.includes(v),
      `expected one of ${categoryIds.join(', ')}`,
    );
    const match = c.list(
      c.matching(HOST_PATTERN, 'expected a host pattern like *.example.com or example.com/path'),
    );
    c.list(c.object({ category, match }, 'category', 'match'))(rules, 'rules');
  }
  return normalizeBlockerConfig(input, categoryIds).config;
}
