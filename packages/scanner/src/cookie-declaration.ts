// declaration.json: the cookie declaration of a site, per category the services and the cookies
// (and storage keys) found, with provider, purpose, lifetime, party and domain. A UI component
// renders it; the format is versioned and documented in docs/scanner.md ("The declaration").
// Pure.
import type { CategoryId, LocalizedText } from '@consentgate/core';
import { PHASES } from './summarize';
import type { ClassifyConfig, CookieRecord, Party, ScanReport, StorageRecord } from './types';
import { CONSENTGATE_PURPOSE, vendorInfo } from './vendor-info';

/** `format` of every declaration file. */
export const DECLARATION_FORMAT = 'consentgate/cookie-declaration';
/** The version this code writes; a reader must refuse a higher one. */
export const DECLARATION_VERSION = 1;

/** A cookie declaration, version 1. */
export interface CookieDeclaration {
  format: typeof DECLARATION_FORMAT;
  version: typeof DECLARATION_VERSION;
  /** The site's registrable domain (`example.com`). */
  site: string;
  /** The page the scan started from. */
  url: string;
  /** When the scan that found these ran (ISO 8601). */
  generated: string;
  /** `necessary` first, then the site's categories in its config's order, then any other. */
  categories: DeclarationCategory[];
  /** Found, but no category is known: the site owner must place these before publishing. */
  unclassified: DeclaredCookie[];
}

export interface DeclarationCategory {
  id: CategoryId;
  services: DeclaredService[];
  /** Cookies of this category no service claims. */
  cookies: DeclaredCookie[];
  /** Third-party hosts of this category no service claims. */
  hosts: string[];
}

export interface DeclaredService {
  name: string;
  provider?: string;
  purpose?: LocalizedText;
  /** Third-party hosts it was seen sending to. */
  hosts: string[];
  cookies: DeclaredCookie[];
}

export interface DeclaredCookie {
  /** The name, or its pattern when the catalogue or the site names a family (`_ga_*`). */
  name: string;
  kind: 'cookie' | 'localStorage' | 'sessionStorage';
  provider?: string;
  purpose?: LocalizedText;
  /** `session`, `90 days`, `2 years`; for storage keys `until cleared` / `session`. */
  lifetime: LocalizedText;
  /** Seconds, as seen; `null` for a session cookie and for storage keys. */
  lifetimeSeconds: number | null;
  party: Party;
  /** The cookie's domain, or the storage key's origin. */
  domain: string;
}

/**
 * The declaration of what `report` found, classified with `config` (default: the config the
 * scan used). Every cookie and storage key once (by name and domain); services and their hosts
 * from the catalogue and the site's `categories.<id>.services`.
 */
export function buildDeclaration(
  report: ScanReport,
  config: ClassifyConfig = report.config,
): CookieDeclaration {
  const categories = new Map<CategoryId, DeclarationCategory>();
  const unclassified: DeclaredCookie[] = [];
  const categoryOf = (id: CategoryId) => {
    let entry = categories.get(id);
    if (!entry) categories.set(id, (entry = { id, services: [], cookies: [], hosts: [] }));
    return entry;
  };
  const serviceOf = (id: CategoryId, name: string): DeclaredService => {
    const entry = categoryOf(id);
    let service = entry.services.find((s) => s.name === name);
    if (!service) {
      const own = config.categories?.[id]?.services?.find((s) => s.name === name);
      // ConsentGate's own cookie is the site's, for remembering the choice.
      const known =
        name === 'ConsentGate' ? { provider: report.site, purpose: CONSENTGATE_PURPOSE } : vendorInfo(name);
      const provider = own?.provider ?? known?.provider;
      const purpose = own?.purpose ?? known?.purpose;
      service = { name, ...(provider && { provider }), ...(purpose && { purpose }), hosts: [], cookies: [] };
      entry.services.push(service);
    }
    return service;
  };
  const seen = new Set<string>();

  for (const page of report.pages)
    for (const phase of PHASES) {
      const record = page.phases[phase];
      if (!record) continue;
      for (const request of record.requests) {
        const { category, vendor, source } = request.classification;
        if (!category || request.party !== 'third') continue;
        const hosts =
          source === 'catalogue' && vendor ? serviceOf(category, vendor).hosts : categoryOf(category).hosts;
        if (!hosts.includes(request.host)) hosts.push(request.host);
      }
      for (const item of [...record.cookies, ...record.storage]) {
        const declared = declare(item, report.site, config);
        const key = `${declared.kind} ${declared.name} ${declared.domain}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const { category, vendor } = item.classification;
        if (!category) unclassified.push(declared);
        else if (vendor) serviceOf(category, vendor).cookies.push(declared);
        else categoryOf(category).cookies.push(declared);
      }
    }

  const order = ['necessary', ...Object.keys(config.categories ?? {})];
  const rank = (id: CategoryId) => (order.includes(id) ? order.indexOf(id) : order.length);
  return {
    format: DECLARATION_FORMAT,
    version: DECLARATION_VERSION,
    site: report.site,
    url: report.url,
    generated: report.started,
    categories: [...categories.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id)),
    unclassified,
  };
}

function declare(item: CookieRecord | StorageRecord, site: string, config: ClassifyConfig): DeclaredCookie {
  const { classification } = item;
  // A family the catalogue or the site names by pattern is declared once, by its pattern.
  const name =
    classification.pattern?.includes('*') && classification.source !== 'consentgate'
      ? classification.pattern
      : 'key' in item
        ? item.key
        : item.name;
  const purpose = cookiePurpose(name, classification.category, classification.vendor, config);
  const provider =
    classification.source === 'consentgate'
      ? site
      : classification.vendor
        ? (config.categories?.[classification.category!]?.services?.find(
            (s) => s.name === classification.vendor,
          )?.provider ?? vendorInfo(classification.vendor)?.provider)
        : item.party === 'first'
          ? site
          : undefined;
  const common = { name, ...(provider && { provider }), ...(purpose && { purpose }), party: item.party };
  if ('key' in item)
    return {
      ...common,
      kind: item.kind,
      lifetime: item.kind === 'localStorage' ? 'until cleared' : 'session',
      lifetimeSeconds: null,
      domain: item.origin,
    };
  return {
    ...common,
    kind: 'cookie',
    lifetime: item.lifetime,
    lifetimeSeconds: item.lifetimeSeconds,
    domain: item.domain,
  };
}

// The site's own words for a cookie (`services[].cookies[].purpose`), if it wrote any.
function cookiePurpose(
  name: string,
  category: CategoryId | null,
  vendor: string | undefined,
  config: ClassifyConfig,
): LocalizedText | undefined {
  if (!category || !vendor) return undefined;
  const service = config.categories?.[category]?.services?.find((s) => s.name === vendor);
  for (const cookie of service?.cookies ?? [])
    if (typeof cookie !== 'string' && cookie.name === name && cookie.purpose) return cookie.purpose;
  return undefined;
}
