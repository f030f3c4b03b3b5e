import type { CategoryId, Rule } from '@consentgate/core';
import { catalogue } from './catalogue';
import { hostMatches } from './host-matches';

/**
 * The category a request to `url` belongs to: the first of the site's `rules`, then of the
 * built-in catalogue, whose pattern matches; `null` when none does (or the URL is not http(s)/ws(s)).
 * A pattern is a host (`*.tracker.com`, see {@link hostMatches}) with an optional path prefix
 * (`example.com/ads/`, matching `/ads/…`; `facebook.com/tr` matching `/tr` and `/tr/…`).
 * Relative URLs resolve against `base` (default: the page's location). Pure; never throws.
 */
export function classifyUrl(url: string, rules: ReadonlyArray<Rule>, base?: string): CategoryId | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base ?? globalThis.location?.href);
  } catch {
    return null;
  }
  if (!/^(https?|wss?):$/.test(parsed.protocol)) return null;
  for (const list of [rules, catalogue]) {
    for (const rule of list) {
      for (const pattern of rule.match) {
        const bare = pattern.replace(/^[a-z]+:\/\//i, '');
        const slash = bare.indexOf('/');
        const host = slash < 0 ? bare : bare.slice(0, slash);
        if (
          hostMatches(parsed.hostname, host) &&
          pathMatches(parsed.pathname, slash < 0 ? '' : bare.slice(slash))
        ) {
          return rule.category;
        }
      }
    }
  }
  return null;
}

// `/ads/` covers everything below it; `/tr` covers `/tr` and `/tr/…` but not `/trending`.
function pathMatches(path: string, prefix: string): boolean {
  return !prefix || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
