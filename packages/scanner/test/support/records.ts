// Hand-made report parts for the unit tests of the pure writers: each helper fills what a
// recording would, and takes only what a test wants to say.
import {
  type ClassifyConfig,
  type CookieRecord,
  classifyCookie,
  classifyRequest,
  collectUnknowns,
  countTotals,
  describeLifetime,
  type PageRecord,
  type PhaseName,
  type PhaseRecord,
  partyOf,
  type RequestRecord,
  type ScanReport,
  type StorageRecord,
  siteOf,
} from '@consentgate/scanner';

export const SITE_URL = 'https://www.shop.example/';
export const SITE = siteOf('www.shop.example');

export function request(
  url: string,
  config: ClassifyConfig = {},
  extra: Partial<RequestRecord> = {},
): RequestRecord {
  const parsed = new URL(url);
  return {
    url,
    host: parsed.hostname,
    path: parsed.pathname + parsed.search,
    method: 'GET',
    resourceType: 'script',
    party: partyOf(parsed.hostname, SITE),
    stage: 'load',
    classification: classifyRequest(url, config),
    ...extra,
  };
}

export function cookie(
  name: string,
  domain: string,
  config: ClassifyConfig = {},
  extra: Partial<CookieRecord> = {},
): CookieRecord {
  const lifetimeSeconds = extra.lifetimeSeconds === undefined ? 86_400 * 90 : extra.lifetimeSeconds;
  return {
    name,
    domain,
    path: '/',
    expires: lifetimeSeconds === null ? null : 1_900_000_000,
    lifetimeSeconds,
    lifetime: describeLifetime(lifetimeSeconds),
    session: lifetimeSeconds === null,
    party: partyOf(domain, SITE),
    httpOnly: false,
    secure: true,
    sameSite: 'Lax',
    setBy: 'script',
    classification: classifyCookie(name, config),
    ...extra,
  };
}

export function storage(key: string, origin: string, config: ClassifyConfig = {}): StorageRecord {
  return {
    kind: 'localStorage',
    origin,
    key,
    party: partyOf(new URL(origin).hostname, SITE),
    classification: classifyCookie(key, config),
  };
}

export function phase(name: PhaseName, parts: Partial<PhaseRecord> = {}): PhaseRecord {
  return {
    phase: name,
    actions: ['load'],
    settled: true,
    durationMs: 1000,
    requests: [],
    firstPartyRequests: 0,
    cookies: [],
    storage: [],
    ...parts,
  };
}

export function page(url: string, phases: PageRecord['phases'], extra: Partial<PageRecord> = {}): PageRecord {
  return {
    url,
    finalUrl: url,
    depth: 0,
    consentgate: true,
    consentMethod: 'consentgate',
    links: 0,
    phases,
    ...extra,
  };
}

export function report(pages: PageRecord[], config: ClassifyConfig = {}): ScanReport {
  const unknown = collectUnknowns(pages);
  return {
    format: 'consentgate/scan-report',
    version: 1,
    url: SITE_URL,
    site: SITE,
    started: '2026-12-01T10:00:00.000Z',
    finished: '2026-12-01T10:01:00.000Z',
    durationMs: 60_000,
    status: 'complete',
    options: { maxPages: 20, maxDepth: 3, timeoutMs: 15000, maxTimeMs: 600000, delayMs: 0, maxPerPattern: 5 },
    configSource: 'file',
    config,
    pages,
    leaks: [],
    unknown,
    issues: [],
    totals: countTotals(pages, 0, unknown),
  };
}
