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
 * The blocker's slice of a site's config: invalid rules, patterns and flags are reported (when
 * `report` is given) and left out. `categoryIds` are the config's categories. Never throws.
 */
export function resolveBlockerConfig(
  input: unknown,
  categoryIds: ReadonlyArray<CategoryId>,
  report: Report = () => {},
): ResolvedBlockerConfig {
  const c = createChecks(report);
  const root = isConfigObject(input) ? input : {};
  const flag = (key: keyof BlockerConfig) => {
    const value = read(root, key, key, report);
    return value !== undefined && c.flag(value, key) === true;
  };
  const category = c.is(
    (v) => typeof v === 'string' && categoryIds.includes(v),
    `expected one of ${categoryIds.join(', ')}`,
  );
  const rules = read(root, 'rules', 'rules', report);
  return {
    rules: (rules === undefined
      ? []
      : (c.list(
          c.object(
            {
              category,
              match: c.list(
                c.matching(HOST_PATTERN, 'expected a host pattern like *.example.com or example.com/path'),
              ),
            },
            'category',
            'match',
          ),
        )(rules, 'rules') ?? [])) as Rule[],
    blockSameOrigin: flag('blockSameOrigin'),
    debug: flag('debug'),
    replayHeldRequests: flag('replayHeldRequests'),
    reloadOnRevoke: flag('reloadOnRevoke'),
  };
}
