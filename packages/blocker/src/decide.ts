import type { CategoryId, ConsentSource } from '@consentgate/core';
import { catalogue } from './catalogue';
import { classifyUrl } from './classify-url';
import type { Rule } from './config';
import { cookieMatches } from './cookie-matches';

/** What the decisions are made from: the visitor's consent and the site's rules. */
export interface DecisionOptions {
  source: ConsentSource;
  rules: ReadonlyArray<Rule>;
  /** Per category, the site's own cookie patterns (checked before the catalogue's) and whether "Accept all" leaves it out. */
  categories?: Readonly<Record<CategoryId, { cookies?: ReadonlyArray<string>; separate?: boolean }>>;
  /** Same-origin requests that match no rule wait for every category (`'*'`). */
  blockSameOrigin?: boolean;
}

/** The gate's decisions: synchronous, with no effect; every channel asks these. */
export interface Decisions {
  /** Whether a category expression may pass now: `necessary`, `!x` (x denied), `*` (all but separate ones), an id. */
  allowed(category: string): boolean;
  /**
   * The category a request belongs to: the element's `data-category` when given, else its URL's
   * (rules, catalogue, then `*` for an unmatched same-origin URL under `blockSameOrigin`).
   */
  categoryOf(
    url: string | null,
    annotated: string | null | undefined,
    base: string,
    origin: string,
  ): string | null;
  /** The category that holds the request now, or null when it may pass. */
  hold(url: string | null, annotated: string | null | undefined, base: string, origin: string): string | null;
  /** The category a cookie name belongs to (site patterns first, then the catalogue's). */
  cookieCategory(name: string): CategoryId | undefined;
  /** Every category the rules, the catalogue and the site name, `necessary` excepted. */
  readonly known: ReadonlyArray<CategoryId>;
}

/** Creates the decisions for one gate. Pure apart from reading `source`; a throwing source denies. */
export function createDecisions(options: DecisionOptions): Decisions {
  const { source, rules } = options;
  const categories = options.categories ?? {};
  const cookieRules: Array<readonly [string, string]> = [];
  for (const id in categories)
    for (const pattern of categories[id]?.cookies ?? []) cookieRules.push([pattern, id]);
  for (const entry of catalogue)
    for (const pattern of entry.cookies ?? []) cookieRules.push([pattern, entry.category]);
  const known = [
    ...new Set([...catalogue, ...rules].map((rule) => rule.category).concat(Object.keys(categories))),
  ].filter((id) => id !== 'necessary');
  const everything = known.filter((id) => !categories[id]?.separate);

  const allowed = (category: string): boolean => {
    category = category.trim();
    if (category[0] === '!') return !allowed(category.slice(1));
    if (category === 'necessary') return true;
    if (category === '*') return everything.every(allowed);
    try {
      return source.get(category) === true;
    } catch {
      return false;
    }
  };
  const categoryOf: Decisions['categoryOf'] = (url, annotated, base, origin) => {
    annotated = annotated?.trim();
    if (annotated) return annotated;
    if (!url) return null;
    let parsed: URL;
    try {
      parsed = new URL(url, base);
    } catch {
      return null;
    }
    const found = classifyUrl(parsed, rules);
    return found || !options.blockSameOrigin || parsed.origin !== origin ? found : '*';
  };
  return {
    allowed,
    categoryOf,
    hold(url, annotated, base, origin) {
      const category = categoryOf(url, annotated, base, origin);
      return category && !allowed(category) ? category : null;
    },
    cookieCategory: (name) => cookieRules.find(([pattern]) => cookieMatches(name, pattern))?.[1],
    known,
  };
}

/**
 * Whether a `document.cookie` write deletes its cookie, read as the browser reads it: the last
 * `Max-Age` wins over any `Expires`, and of several of one attribute the last counts
 * (RFC 6265bis §5.7), so `Max-Age=0; Max-Age=99999` sets the cookie.
 */
export function isCookieDeletion(text: string, now: number): boolean {
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const part of text.split(';').slice(1)) {
    const at = part.indexOf('=');
    const name = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    const value = at < 0 ? '' : part.slice(at + 1).trim();
    if (name === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (name === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
  }
  return maxAge !== undefined ? maxAge <= 0 : expires !== undefined && expires <= now;
}

/**
 * Every scope a cookie could have been written with from a page at `hostname` + `pathname`, as
 * `;path=…;domain=…` suffixes: host-only and each parent domain, `/` and each ancestor path. A
 * cookie is deleted by writing it expired once per scope.
 */
export function cookieScopes(hostname: string, pathname: string): string[] {
  const domains = [''];
  if (!/^[\d.]+$|:/.test(hostname)) {
    const labels = hostname.split('.');
    for (let i = 0; i < labels.length - 1; i++) domains.push(`;domain=${labels.slice(i).join('.')}`);
  }
  const paths = new Set(['/']);
  let path = '';
  for (const part of pathname.split('/').slice(1, -1)) {
    path += `/${part}`;
    paths.add(path).add(`${path}/`);
  }
  const last = pathname.slice(pathname.lastIndexOf('/'));
  if (last.length > 1) paths.add(path + last);
  return [...paths].flatMap((p) => domains.map((domain) => `;path=${p}${domain}`));
}
