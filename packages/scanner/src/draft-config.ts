// draft-config.json: a ConsentGate config the dashboard can import, built from what the scan
// saw. It keeps the site's own config and adds what was missing: rules for unknown third-party
// hosts (one per registrable domain), the cookies of each category, and the services with
// provider, purpose and lifetime. What cannot be guessed is marked `TODO`, which the config
// validator rejects by name, so a draft is never shipped unread. Pure.
import { cookieMatches, type Rule } from '@consentgate/blocker';
import type { CategoryConfig, CategoryId, CookieInfo, LocalizedText, ServiceInfo } from '@consentgate/core';
import type { ConsentGateConfig } from 'consentgate';
import { CONSENT_COOKIE, classifyRequest } from './classify';
import { guessCookieCategory, guessHostCategory, TODO } from './guess-category';
import { siteOf } from './site-url';
import { distinctCookies, PHASES } from './summarize';
import type { CookieRecord, ScanReport } from './types';
import { CONSENTGATE_PURPOSE, vendorInfo } from './vendor-info';

/** What the draft added, for the report and the terminal. */
export interface DraftNote {
  kind: 'rule' | 'cookie';
  /** The rule's pattern or the cookie's name. */
  name: string;
  category: CategoryId;
  /** `guessed`: from words in its name; `todo`: no guess; `known`: from the catalogue or the site. */
  status: 'known' | 'guessed' | 'todo';
}

/**
 * The draft config for `report`: `base` (the site's config as written, default the config the
 * scan classified with) plus new rules, category cookies and services. Returns the config and
 * notes on what was added.
 */
export function buildDraftConfig(
  report: ScanReport,
  base: ConsentGateConfig = report.config,
): { config: ConsentGateConfig; notes: DraftNote[] } {
  const notes: DraftNote[] = [];
  const config: ConsentGateConfig = structuredClone(base);
  const categories: Record<CategoryId, CategoryConfig> = { ...(config.categories ?? {}) };
  const category = (id: CategoryId): CategoryConfig & { cookies: string[]; services: ServiceInfo[] } => {
    const current = categories[id] ?? {};
    const next = {
      ...current,
      cookies: [...(current.cookies ?? [])],
      services: [...(current.services ?? [])],
    };
    categories[id] = next;
    return next;
  };

  // Rules: the unknown third-party hosts, one rule per registrable domain.
  const rules: Rule[] = [...(config.rules ?? [])];
  const bySite = new Map<string, { hosts: Set<string>; paths: string[] }>();
  for (const page of report.pages)
    for (const phase of PHASES)
      for (const request of page.phases[phase]?.requests ?? []) {
        if (request.party !== 'third' || request.classification.category !== null) continue;
        // A rule cannot name an IPv6 host (the pattern grammar has no brackets).
        if (request.host.includes(':')) continue;
        const site = siteOf(request.host);
        const entry = bySite.get(site) ?? { hosts: new Set(), paths: [] };
        entry.hosts.add(request.host);
        entry.paths.push(request.path);
        bySite.set(site, entry);
      }
  for (const [site, { hosts, paths }] of bySite) {
    // `localhost` and IP addresses have no registrable domain: the rule names the host itself.
    const pattern = site.includes('.') && !/^[\d.]+$/.test(site) ? `*.${site}` : site;
    const guess = [...hosts].map((host) => guessHostCategory(host, paths)).find(Boolean) ?? null;
    rules.push({ category: guess ?? TODO, match: [pattern] });
    notes.push({ kind: 'rule', name: pattern, category: guess ?? TODO, status: guess ? 'guessed' : 'todo' });
  }
  if (rules.length) config.rules = rules;

  // Cookies and services, category by category.
  const classifyWith = { ...report.config, rules };
  for (const cookie of distinctCookies(report.pages)) {
    const { classification } = cookie;
    const info: CookieInfo = { name: cookie.name, lifetime: cookie.lifetime };
    if (classification.source === 'consentgate') {
      addService(category('necessary'), {
        name: 'ConsentGate',
        provider: report.site,
        purpose: CONSENTGATE_PURPOSE,
        cookie: { ...info, name: base.cookie?.name ?? CONSENT_COOKIE },
      });
      continue;
    }
    if (classification.source === 'catalogue') {
      const vendor = classification.vendor!;
      const known = vendorInfo(vendor);
      const name = classification.pattern?.includes('*') ? classification.pattern : cookie.name;
      addService(category(classification.category!), {
        name: vendor,
        ...(known && { provider: known.provider, purpose: known.purpose }),
        cookie: { ...info, name },
      });
      notes.push({ kind: 'cookie', name, category: classification.category!, status: 'known' });
      continue;
    }
    if (classification.source === 'site') {
      const target = category(classification.category!);
      if (!target.cookies.some((pattern) => cookieMatches(cookie.name, pattern)))
        target.cookies.push(cookie.name);
      if (classification.vendor) fillLifetime(target, classification.vendor, cookie);
      continue;
    }
    const guess = guessFromSetter(cookie, classifyWith) ?? guessCookieCategory(cookie.name);
    const target = category(guess ?? TODO);
    if (!target.cookies.includes(cookie.name)) target.cookies.push(cookie.name);
    notes.push({
      kind: 'cookie',
      name: cookie.name,
      category: guess ?? TODO,
      status: guess ? 'guessed' : 'todo',
    });
  }

  // Catalogue vendors seen only by their requests still belong in the preferences dialog.
  for (const page of report.pages)
    for (const phase of PHASES)
      for (const request of page.phases[phase]?.requests ?? []) {
        const { source, vendor, category: id } = request.classification;
        if (source !== 'catalogue' || !vendor || !id) continue;
        const known = vendorInfo(vendor);
        addService(category(id), {
          name: vendor,
          ...(known && { provider: known.provider, purpose: known.purpose }),
        });
      }

  for (const [id, value] of Object.entries(categories)) categories[id] = tidy(value);
  config.categories = categories;
  return { config, notes };
}

function guessFromSetter(cookie: CookieRecord, config: ScanReport['config']): CategoryId | null {
  if (!cookie.setByUrl) return null;
  const { category } = classifyRequest(cookie.setByUrl, config);
  return category && category !== TODO ? category : null;
}

function addService(
  target: { services: ServiceInfo[] },
  service: { name: string; provider?: string; purpose?: LocalizedText; cookie?: CookieInfo },
): void {
  const index = target.services.findIndex((existing) => existing.name === service.name);
  const existing: ServiceInfo = index < 0 ? { name: service.name } : target.services[index];
  const cookies = [...(existing.cookies ?? [])];
  if (service.cookie && !cookies.some((c) => (typeof c === 'string' ? c : c.name) === service.cookie!.name))
    cookies.push(service.cookie);
  const next: ServiceInfo = {
    ...existing,
    ...(!existing.provider && service.provider && { provider: service.provider }),
    ...(!existing.purpose && service.purpose && { purpose: service.purpose }),
    ...(cookies.length && { cookies }),
  };
  if (index < 0) target.services.push(next);
  else target.services[index] = next;
}

// A site service that lists a cookie by name only gets the lifetime the scan saw.
function fillLifetime(target: { services: ServiceInfo[] }, serviceName: string, cookie: CookieRecord): void {
  const index = target.services.findIndex((service) => service.name === serviceName);
  if (index < 0) return;
  const service = target.services[index];
  const cookies = (service.cookies ?? []).map((entry) => {
    const name = typeof entry === 'string' ? entry : entry.name;
    if (!cookieMatches(cookie.name, name)) return entry;
    return typeof entry === 'string'
      ? { name, lifetime: cookie.lifetime }
      : { ...entry, ...(entry.lifetime === undefined && { lifetime: cookie.lifetime }) };
  });
  target.services[index] = { ...service, cookies };
}

function tidy(category: CategoryConfig): CategoryConfig {
  const { cookies, services, ...rest } = category;
  return { ...rest, ...(cookies?.length && { cookies }), ...(services?.length && { services }) };
}
