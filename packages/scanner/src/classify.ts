// What a request or a cookie is: the site's own config first, then the built-in catalogue, as
// the gate decides (the matching itself is the blocker's `classifyUrl` / `cookieMatches`, so
// the scanner and the gate can never disagree about a pattern). Pure.

import type { Rule } from '@consentgate/blocker';
import { type CatalogueEntry, catalogue, classifyUrl, cookieMatches } from '@consentgate/blocker';
import type { CategoryConfig, CategoryId } from '@consentgate/core';
import type { Classification, ClassifyConfig } from './types';

const UNKNOWN: Classification = { category: null, source: null };
// A category id no rule can have: `classifyUrl(url, [probe])` returns it exactly when `probe`
// matches (otherwise the catalogue's answer, or null), which tells which pattern matched.
const PROBE = '\u0000probe';

/** The name ConsentGate gives its own consent cookie unless `cookie.name` says otherwise. */
export const CONSENT_COOKIE = 'cg_consent';

/**
 * The category of a request to `url`: the first of the site's `rules` whose pattern matches
 * (source `site`), else the first catalogue entry (source `catalogue`, with its vendor), else
 * unknown (`category: null`).
 */
export function classifyRequest(url: string, config: ClassifyConfig = {}): Classification {
  for (const rule of config.rules ?? []) {
    const pattern = matchingPattern(url, rule);
    if (pattern) return { category: rule.category, source: 'site', pattern };
  }
  for (const entry of catalogue) {
    const pattern = matchingPattern(url, entry);
    if (pattern) return { category: entry.category, source: 'catalogue', vendor: entry.vendor, pattern };
  }
  return UNKNOWN;
}

function matchingPattern(url: string, rule: Rule): string | undefined {
  return rule.match.find((pattern) => classifyUrl(url, [{ category: PROBE, match: [pattern] }]) === PROBE);
}

/**
 * The category of a cookie (or storage key) `name`: ConsentGate's own consent cookie is
 * `necessary`; then the site's `categories.<id>.cookies` patterns, then the cookies its
 * `services` list; then the catalogue's cookie patterns; else unknown.
 */
export function classifyCookie(name: string, config: ClassifyConfig = {}): Classification {
  if (name === (config.cookie?.name ?? CONSENT_COOKIE))
    return { category: 'necessary', source: 'consentgate', vendor: 'ConsentGate', pattern: name };
  const categories = Object.entries(config.categories ?? {});
  for (const [id, category] of categories) {
    const pattern = category.cookies?.find((p) => cookieMatches(name, p));
    if (pattern) return { category: id, source: 'site', pattern, ...serviceOf(name, id, config) };
  }
  for (const [id] of categories) {
    const service = serviceOf(name, id, config);
    if (service.vendor) return { category: id, source: 'site', ...service };
  }
  const entry = catalogueEntryOfCookie(name);
  if (entry) {
    const pattern = entry.cookies!.find((p) => cookieMatches(name, p));
    return { category: entry.category, source: 'catalogue', vendor: entry.vendor, pattern };
  }
  return UNKNOWN;
}

function serviceOf(
  name: string,
  id: CategoryId,
  config: ClassifyConfig,
): { vendor?: string; pattern?: string } {
  for (const service of config.categories?.[id]?.services ?? []) {
    for (const cookie of service.cookies ?? []) {
      const pattern = typeof cookie === 'string' ? cookie : cookie.name;
      if (cookieMatches(name, pattern)) return { vendor: service.name, pattern };
    }
  }
  return {};
}

/** The catalogue entry whose cookie patterns cover `name`, if any. */
export function catalogueEntryOfCookie(name: string): CatalogueEntry | undefined {
  return catalogue.find((entry) => entry.cookies?.some((p) => cookieMatches(name, p)));
}

/** Not `necessary` and known: what must wait for consent. */
export function needsConsent(classification: Classification): boolean {
  return classification.category !== null && classification.category !== 'necessary';
}

/**
 * The part of a site config classification reads: `rules`, each category's `cookies` and
 * `services`, and `cookie` (the consent cookie's name). Labels and texts are left out.
 */
export function classifyConfigOf(config: ClassifyConfig): ClassifyConfig {
  const categories: Record<CategoryId, Pick<CategoryConfig, 'cookies' | 'services'>> = {};
  for (const [id, category] of Object.entries(config.categories ?? {}))
    categories[id] = {
      ...(category.cookies && { cookies: category.cookies }),
      ...(category.services && { services: category.services }),
    };
  return {
    rules: config.rules ?? [],
    categories,
    ...(config.cookie && { cookie: config.cookie }),
  };
}
