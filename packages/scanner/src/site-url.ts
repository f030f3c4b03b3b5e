// URL decisions of the crawl: what a page's address is, which site a host belongs to, what is
// first party, what is probably not HTML, and which links come from one template. Pure.
import { getDomain } from 'tldts';
import type { Party } from './types';

/**
 * The address of a page as the crawl keys it: absolute, http(s) only, no fragment, no empty
 * `?`; `null` for anything else (`mailto:`, `javascript:`, unparsable).
 */
export function normalizeUrl(href: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  // `new URL('http://a/b?')` keeps the lone `?`; assigning an empty search drops it.
  if (url.search === '' || url.search === '?') url.search = '';
  return url.href;
}

/**
 * The site a host belongs to: its registrable domain (eTLD+1, private suffixes included, so
 * `a.github.io` and `b.github.io` are two sites, as browsers see them); the host itself for an
 * IP address, `localhost` or another single-label name.
 */
export function siteOf(host: string): string {
  const bare = host
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^\[(.*)\]$/, '$1');
  return getDomain(bare, { allowPrivateDomains: true }) ?? bare;
}

/** Whether two URLs (or hosts) are on one site; scheme and port do not matter. */
export function isSameSite(a: string, b: string): boolean {
  return siteOf(hostOf(a)) === siteOf(hostOf(b));
}

/** `first` when `host` (a host, a URL or a cookie domain like `.example.com`) is on `site`. */
export function partyOf(host: string, site: string): Party {
  return siteOf(hostOf(host).replace(/^\./, '')) === site ? 'first' : 'third';
}

function hostOf(value: string): string {
  if (!value.includes('/')) return value;
  try {
    return new URL(value).hostname;
  } catch {
    return value;
  }
}

// Extensions a link to a page never has. A link without one (or `.html`, `.php`, …) is fetched
// and its content type decides.
const NOT_HTML =
  /\.(pdf|zip|gz|tgz|tar|rar|7z|dmg|exe|msi|apk|iso|png|jpe?g|gif|webp|avif|svg|ico|bmp|tiff?|mp[34]|m4a|m4v|mov|avi|webm|ogg|ogv|wav|flac|woff2?|ttf|otf|eot|css|js|mjs|json|xml|rss|atom|txt|csv|docx?|xlsx?|pptx?|odt|ods|ics|wasm)$/i;

/** False when the URL's path names a file type that is not a page (by its extension). */
export function isLikelyHtml(url: string): boolean {
  try {
    return !NOT_HTML.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/**
 * The link pattern of a URL: the origin and path with every run of digits as `{n}`, and the
 * query's parameter names without their values. Calendars, pagination and session ids make
 * endless links of one pattern; the crawl visits only a few of each.
 */
export function linkPattern(url: string): string {
  const parsed = new URL(url);
  const names = [...new Set([...parsed.searchParams.keys()])].sort();
  const path = parsed.pathname.replace(/\d+/g, '{n}');
  return `${parsed.origin}${path}${names.length ? `?${names.join('&')}` : ''}`;
}
