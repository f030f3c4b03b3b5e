// The examples' marketing site, scanned as a site owner would: every tracker the tracker
// simulator logs must be in the report, in the phase it was sent in, with the category the
// site's own config gives it; every cookie the simulated vendors write likewise. The expected
// lists come from the simulator's log and from the sources (the pages' inline config, the fake
// vendors' scripts), never from the scanner.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cookieMatches } from '@consentgate/blocker';
import { type PhaseName, type ScanReport, scanSite } from '@consentgate/scanner';
import type { ConsentGateConfig } from 'consentgate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Hit, TrackerSimulator } from '../../../examples/tracker-simulator/server.mjs';
import { readSiteConfig } from '../src/site-config';
import { ROOT, SCAN_TIMEOUT, startRepoServer, startSimulator } from './support/servers';

const SITE_DIR = join(ROOT, 'examples/marketing-site');
const PAGES = readdirSync(SITE_DIR).filter((name) => name.endsWith('.html'));

// The config every page carries inline (e2e/examples-marketing-site.spec.ts keeps them identical).
function inlineConfig(): ConsentGateConfig {
  const html = readFileSync(join(SITE_DIR, 'index.html'), 'utf8');
  const source = /<script>\s*(window\.consentgateConfig = [\s\S]*?)<\/script>/.exec(html)![1];
  const window: { consentgateConfig?: ConsentGateConfig } = {};
  new Function('window', source)(window);
  return window.consentgateConfig!;
}
const config = inlineConfig();

/** The category the site's rules give a tracker path (`/a/loader.js` → analytics), by its own prefixes. */
function expectedCategory(path: string): string {
  const rule = config.rules!.find((r) => r.match.some((m) => path.startsWith(m.replace(/^localhost/, ''))));
  return rule?.category ?? 'unclassified';
}

/** The cookies the fake vendors write (`document.cookie = \`_sim_a=…`), from their scripts. */
function vendorCookies(): string[] {
  const dir = join(ROOT, 'examples/tracker-simulator/public');
  const names = new Set<string>();
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.js')) continue;
    for (const match of readFileSync(join(dir, entry), 'utf8').matchAll(/document\.cookie = `(\w+)=/g))
      names.add(match[1]);
  }
  return [...names].sort();
}
const cookieCategory = (name: string) =>
  Object.entries(config.categories ?? {}).find(([, c]) =>
    c.cookies?.some((p) => cookieMatches(name, p)),
  )?.[0];

describe('scanning the marketing site', () => {
  let site: { origin: string; close(): Promise<void> };
  let simulator: TrackerSimulator;
  let report: ScanReport;
  // What the simulator logged while each phase of each page ran: the truth of "what was sent".
  const logged = new Map<string, Hit[]>();

  beforeAll(async () => {
    site = await startRepoServer();
    const started = await startSimulator();
    simulator = started.simulator;
    let mark = 0;
    report = await scanSite({
      url: `${site.origin}/examples/marketing-site/index.html`,
      mapHosts: started.mapHosts,
      delayMs: 0,
      onProgress: (event) => {
        if (event.type !== 'phase') return;
        if (event.state === 'start') mark = simulator.hits.length;
        else logged.set(`${event.url} ${event.phase}`, simulator.hits.slice(mark));
      },
    });
  }, SCAN_TIMEOUT);
  afterAll(async () => {
    await site?.close();
    await simulator?.close();
  });

  test('visits every page of the site (and nothing else), with ConsentGate on each', () => {
    expect(report.pages.map((page) => page.url.split('/').pop()).sort()).toEqual([...PAGES].sort());
    expect(report.status).toBe('complete');
    expect(report.configSource).toBe('page');
    for (const page of report.pages)
      expect(page, page.url).toMatchObject({ consentgate: true, consentMethod: 'consentgate' });
  });

  test('every request the simulator received is in the report, in its phase, with the right category', () => {
    let total = 0;
    for (const page of report.pages)
      for (const phase of ['before', 'accept', 'reject'] as PhaseName[]) {
        const hits = logged.get(`${page.url} ${phase}`) ?? [];
        total += hits.length;
        const recorded = page.phases[phase]!.requests.filter((r) => r.host === 'localhost');
        const label = `${page.url} ${phase}`;
        expect(recorded.map((r) => r.path).sort(), label).toEqual(hits.map((hit) => hit.path).sort());
        for (const request of recorded)
          expect(request.classification.category, `${label} ${request.path}`).toBe(
            expectedCategory(request.path),
          );
      }
    // The scan was not vacuous: analytics, advertising, pixels and the embed all sent something.
    expect(total).toBeGreaterThan(40);
    expect(new Set([...logged.values()].flat().map((hit) => hit.category))).toEqual(
      new Set(['analytics', 'advertising', 'pixels', 'embed']),
    );
  });

  test('before consent nothing reached a tracker; after "reject all" nothing did either', () => {
    for (const page of report.pages) {
      expect(logged.get(`${page.url} before`), page.url).toEqual([]);
      expect(page.phases.before!.requests, page.url).toEqual([]);
      const afterRevoke = page.phases.reject!.requests.filter(
        (r) => r.stage === 'rejected' || r.stage === 'reloaded',
      );
      expect(afterRevoke, page.url).toEqual([]);
    }
    expect(report.leaks).toEqual([]);
    expect(report.unknown).toEqual([]);
  });

  test('requests from inside a frame name the frame (the video embed, the ad)', () => {
    const video = report.pages.find((page) => page.url.endsWith('/video.html'))!;
    const view = video.phases.accept!.requests.find((r) => r.path.startsWith('/embed/view.gif'))!;
    expect(view.frame).toMatch(/^http:\/\/localhost:4174\/embed\/video\.html\?v=intro$/);
    const frame = video.phases.accept!.requests.find((r) => r.path.startsWith('/embed/video.html'))!;
    expect(frame).toMatchObject({ resourceType: 'document', stage: 'accepted' });
    expect(frame.frame).toBeUndefined();
  });

  test('every cookie the vendors write, after "accept all", first party, by script, in its category; deleted on revoke', () => {
    const expected = vendorCookies();
    expect(expected).toEqual(['_sim_a', '_sim_a_session', '_sim_ads']);
    const consentCookie = readSiteConfig(config).config.cookie.name;
    for (const page of report.pages) {
      expect(page.phases.before!.cookies, page.url).toEqual([]);
      const cookies = page.phases.accept!.cookies;
      expect(cookies.map((c) => c.name).sort(), page.url).toEqual([consentCookie, ...expected].sort());
      for (const name of expected) {
        const cookie = cookies.find((c) => c.name === name)!;
        expect(cookie, `${page.url} ${name}`).toMatchObject({
          party: 'first',
          setBy: 'script',
          setByUrl: expect.stringMatching(/^http:\/\/localhost:4174\/(a|ads)\//),
          classification: { category: cookieCategory(name), source: 'site' },
        });
      }
      expect(cookies.find((c) => c.name === consentCookie)!.classification).toMatchObject({
        category: 'necessary',
        source: 'consentgate',
      });
      // The revoke deletes the vendors' cookies; only the consent itself stays.
      expect([...page.phases.reject!.deletedCookies!].sort(), page.url).toEqual(expected);
      expect(
        page.phases.reject!.cookies.map((c) => c.name),
        page.url,
      ).toEqual([consentCookie]);
    }
    // `_sim_a_session` has no max-age: a session cookie; `_sim_ads` says 90 days.
    const cookies = report.pages[0].phases.accept!.cookies;
    expect(cookies.find((c) => c.name === '_sim_a_session')).toMatchObject({
      session: true,
      lifetime: 'session',
    });
    expect(cookies.find((c) => c.name === '_sim_ads')).toMatchObject({
      session: false,
      lifetime: '3 months',
    });
  });
});
