// The breadth-first queue of pages to visit: same-site only, each URL once, bounded in depth and
// in pages per link pattern, non-pages skipped by extension. Pure: it decides, the crawl fetches.
import { isLikelyHtml, isSameSite, linkPattern, normalizeUrl } from './site-url';

/** A page waiting to be visited. */
export interface FrontierItem {
  url: string;
  depth: number;
  from?: string;
}

/** Why `add` did not queue a link. */
export type SkipReason = 'invalid' | 'off-site' | 'not-html' | 'seen' | 'depth' | 'pattern';

export interface FrontierOptions {
  /** The start URL: what "same site" means. */
  root: string;
  maxDepth: number;
  /** URLs of one link pattern (see `linkPattern`) to queue at most. */
  maxPerPattern: number;
}

/** A breadth-first crawl queue; `createFrontier` makes one. */
export interface Frontier {
  /** Queues a link found on `from` (depth of `from` + 1); returns why not, or `null` when queued. */
  add(href: string, depth: number, from?: string): SkipReason | null;
  /** Marks a URL as known without queueing it (where a redirect led). Returns false when it was. */
  claim(url: string): boolean;
  next(): FrontierItem | undefined;
  /** Pages still waiting. */
  readonly pending: number;
  /** Per skip reason, how many links were dropped (each URL counted once). */
  readonly skipped: Readonly<Record<SkipReason, number>>;
  /** Link patterns that hit `maxPerPattern`, with how many links of each were dropped. */
  readonly crowdedPatterns: ReadonlyMap<string, number>;
}

/** A crawl queue seeded with `options.root` at depth 0. */
export function createFrontier(options: FrontierOptions): Frontier {
  const seen = new Set<string>();
  const dropped = new Set<string>();
  const queue: FrontierItem[] = [];
  const perPattern = new Map<string, number>();
  const crowded = new Map<string, number>();
  const skipped: Record<SkipReason, number> = {
    invalid: 0,
    'off-site': 0,
    'not-html': 0,
    seen: 0,
    depth: 0,
    pattern: 0,
  };
  const skip = (reason: SkipReason, url?: string): SkipReason => {
    // The same link on every page is one dropped link, not one per page.
    if (reason === 'seen' || !url || !dropped.has(url)) skipped[reason]++;
    if (url) dropped.add(url);
    return reason;
  };

  const frontier: Frontier = {
    add(href, depth, from) {
      const url = normalizeUrl(href, from);
      if (!url) return skip('invalid');
      if (seen.has(url)) return skip('seen');
      if (!isSameSite(url, options.root)) return skip('off-site', url);
      if (!isLikelyHtml(url)) return skip('not-html', url);
      if (depth > options.maxDepth) return skip('depth', url);
      const pattern = linkPattern(url);
      const count = perPattern.get(pattern) ?? 0;
      if (count >= options.maxPerPattern) {
        if (!dropped.has(url)) crowded.set(pattern, (crowded.get(pattern) ?? 0) + 1);
        return skip('pattern', url);
      }
      perPattern.set(pattern, count + 1);
      seen.add(url);
      queue.push({ url, depth, ...(from && { from }) });
      return null;
    },
    claim(url) {
      const key = normalizeUrl(url);
      if (!key || seen.has(key)) return false;
      seen.add(key);
      return true;
    },
    next: () => queue.shift(),
    get pending() {
      return queue.length;
    },
    skipped,
    crowdedPatterns: crowded,
  };
  frontier.add(options.root, 0);
  return frontier;
}
