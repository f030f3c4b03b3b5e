// Report-wide views over the pages: the unknown hosts and cookies, and the totals. Pure.
import { siteOf } from './site-url';
import type { CookieRecord, PageRecord, PhaseName, ScanTotals, UnknownItem } from './types';

/** The phases in the order they run. */
export const PHASES: ReadonlyArray<PhaseName> = ['before', 'accept', 'reject'];

/** Every third-party host, cookie and storage key nothing classifies, with where it was seen. */
export function collectUnknowns(pages: ReadonlyArray<PageRecord>): UnknownItem[] {
  const items = new Map<string, UnknownItem>();
  const note = (key: string, make: () => UnknownItem, page: string, phase: PhaseName, detail?: string) => {
    let item = items.get(key);
    if (!item) items.set(key, (item = make()));
    item.count++;
    if (!item.pages.includes(page)) item.pages.push(page);
    if (!item.phases.includes(phase)) item.phases.push(phase);
    if (detail && !item.details.includes(detail)) item.details.push(detail);
  };
  const blank = (name: string, kind: UnknownItem['kind'], site: string, domain?: string) => () => ({
    name,
    kind,
    site,
    ...(domain && { domain }),
    phases: [],
    pages: [],
    count: 0,
    details: [],
  });
  for (const page of pages) {
    for (const phase of PHASES) {
      const record = page.phases[phase];
      if (!record) continue;
      for (const request of record.requests) {
        if (request.classification.category !== null || request.party !== 'third') continue;
        note(
          `host ${request.host}`,
          blank(request.host, 'host', siteOf(request.host)),
          page.url,
          phase,
          request.resourceType,
        );
      }
      for (const cookie of record.cookies) {
        if (cookie.classification.category !== null) continue;
        const domain = cookie.domain.replace(/^\./, '');
        note(
          `cookie ${cookie.name} ${domain}`,
          blank(cookie.name, 'cookie', siteOf(domain), cookie.domain),
          page.url,
          phase,
          cookie.setByUrl && `${cookie.setBy}: ${cookie.setByUrl}`,
        );
      }
      for (const entry of record.storage) {
        if (entry.classification.category !== null) continue;
        note(
          `${entry.kind} ${entry.key} ${entry.origin}`,
          blank(entry.key, entry.kind, siteOf(new URL(entry.origin).hostname), entry.origin),
          page.url,
          phase,
        );
      }
    }
  }
  return [...items.values()];
}

/** The counts the summary shows. */
export function countTotals(
  pages: ReadonlyArray<PageRecord>,
  leaks: number,
  unknown: ReadonlyArray<UnknownItem>,
): ScanTotals {
  let requests = 0;
  const cookies = new Set<string>();
  const hosts = new Set<string>();
  for (const page of pages) {
    for (const phase of PHASES) {
      const record = page.phases[phase];
      if (!record) continue;
      requests += record.requests.length;
      for (const request of record.requests) if (request.party === 'third') hosts.add(request.host);
      for (const cookie of record.cookies) cookies.add(`${cookie.name} ${cookie.domain.replace(/^\./, '')}`);
    }
  }
  return {
    pages: pages.length,
    requests,
    cookies: cookies.size,
    thirdPartyHosts: hosts.size,
    leaks,
    unknownHosts: unknown.filter((item) => item.kind === 'host').length,
    unknownCookies: unknown.filter((item) => item.kind === 'cookie').length,
  };
}

/** Every distinct cookie of the scan (name + domain), as first seen, in first-seen order. */
export function distinctCookies(pages: ReadonlyArray<PageRecord>): CookieRecord[] {
  const cookies = new Map<string, CookieRecord>();
  for (const page of pages)
    for (const phase of PHASES)
      for (const cookie of page.phases[phase]?.cookies ?? []) {
        const key = `${cookie.name} ${cookie.domain.replace(/^\./, '')}`;
        if (!cookies.has(key)) cookies.set(key, cookie);
      }
  return [...cookies.values()];
}
