import type { CategoryId } from '@consentgate/core';
import { catalogue } from './catalogue';
import type { Rule } from './config';

// A rule list compiled for lookups by host: a request costs a few Map reads (one per label of
// its host name) instead of a scan over every pattern. `order` keeps "the first pattern wins".
type Entry = readonly [order: number, path: string, port: string, category: CategoryId];
interface Index {
  _exact: Map<string, Entry[]>;
  _wild: Map<string, Entry[]>;
  _any: Entry[];
}

const indexes = new WeakMap<ReadonlyArray<Rule>, Index>();

function compile(rules: ReadonlyArray<Rule>): Index {
  const index: Index = { _exact: new Map(), _wild: new Map(), _any: [] };
  let order = 0;
  for (const rule of rules) {
    for (const pattern of rule.match) {
      const bare = pattern.replace(/^[a-z]+:\/\//i, '').toLowerCase();
      const slash = bare.indexOf('/');
      const [host, port = ''] = (slash < 0 ? bare : bare.slice(0, slash)).replace(/\.$/, '').split(':');
      const entry: Entry = [order++, slash < 0 ? '' : bare.slice(slash), port, rule.category];
      if (host === '*') index._any.push(entry);
      else {
        const wild = host.startsWith('*.');
        const map = wild ? index._wild : index._exact;
        const key = wild ? host.slice(2) : host;
        map.get(key)?.push(entry) ?? map.set(key, [entry]);
      }
    }
  }
  return index;
}

function indexOf(rules: ReadonlyArray<Rule>): Index {
  let index = indexes.get(rules);
  if (!index) indexes.set(rules, (index = compile(rules)));
  return index;
}

function lookup(index: Index, url: URL): CategoryId | null {
  const host = url.hostname.replace(/\.$/, '');
  let best: Entry | undefined;
  const consider = (entries: Entry[] | undefined) => {
    for (const entry of entries ?? [])
      if (
        (!best || entry[0] < best[0]) &&
        (!entry[2] || entry[2] === url.port) &&
        pathMatches(url.pathname.toLowerCase(), entry[1])
      )
        best = entry;
  };
  consider(index._exact.get(host));
  consider(index._any);
  // `*.example.com` covers example.com and every sub-domain: try each parent of the host.
  for (let at = 0; at >= 0; at = host.indexOf('.', at) + 1 || -1) consider(index._wild.get(host.slice(at)));
  return best ? best[3] : null;
}

/**
 * The category a request to `url` belongs to: the first of the site's `rules`, then of the
 * built-in catalogue, whose pattern matches; `null` when none does (or the URL is not http(s)/ws(s)).
 * A pattern is a host (`*.tracker.com`, see {@link hostMatches}), an optional port and an optional
 * path prefix (`example.com/ads/`, matching `/ads/…`; `facebook.com/tr` matching `/tr` and `/tr/…`).
 * Relative URLs resolve against `base` (default: the page's location). Pure; never throws.
 */
export function classifyUrl(url: string | URL, rules: ReadonlyArray<Rule>, base?: string): CategoryId | null {
  let parsed: URL;
  try {
    parsed = new URL(url, base ?? globalThis.location?.href);
  } catch {
    return null;
  }
  if (!/^(https?|wss?):$/.test(parsed.protocol)) return null;
  return lookup(indexOf(rules), parsed) ?? lookup(indexOf(catalogue), parsed);
}

// `/ads/` covers everything below it; `/tr` covers `/tr` and `/tr/…` but not `/trending`.
function pathMatches(path: string, prefix: string): boolean {
  return !prefix || path === prefix || path.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`);
}
