// The verification run: a page that leaks before consent is reported with the reason, and the
// CLI exits 1; the same tags written as ConsentGate asks are clean, and it exits 0.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, type HostMapping, runCli, type ScanReport, scanSite } from '@consentgate/scanner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TrackerSimulator } from '../../../examples/tracker-simulator/server.mjs';
import {
  type BadSite,
  memoryIo,
  ROOT,
  SCAN_TIMEOUT,
  startBadSite,
  startRepoServer,
  startSimulator,
} from './support/servers';

const FIXTURES = '/packages/scanner/test/fixtures';
const out = mkdtempSync(join(tmpdir(), 'cg-scan-verify-'));

// The fixture says which of its tags leak and why (`<!-- LEAK reason: … -->` before each).
function expectedLeaks(file: string): Array<{ what: string; reason: string }> {
  const lines = readFileSync(join(ROOT, FIXTURES, file), 'utf8').split('\n');
  const leaks: Array<{ what: string; reason: string }> = [];
  lines.forEach((line, i) => {
    const reason = /<!-- LEAK ([\w-]+):/.exec(line)?.[1];
    const url = reason && /(http:\/\/localhost:4174\/[^'"]+)/.exec(lines[i + 1])?.[1];
    if (reason && url) leaks.push({ what: url, reason });
  });
  return leaks;
}

let site: { origin: string; close(): Promise<void> };
let simulator: TrackerSimulator;
let mapHosts: HostMapping[];
const mapFlags = () => mapHosts.flatMap((m) => ['--map-host', `${m.from}=${m.to}`]);
beforeAll(async () => {
  site = await startRepoServer();
  ({ simulator, mapHosts } = await startSimulator());
});
afterAll(async () => {
  await site?.close();
  await simulator?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('a page that leaks before consent', () => {
  test(
    'is reported with the reason of each leak, and the CLI exits 1',
    async () => {
      const expected = expectedLeaks('leaky.html');
      expect(expected.map((leak) => leak.reason)).toEqual([
        'before-gate',
        'preload-scanner',
        'preload-scanner',
      ]);
      const io = memoryIo();
      const dir = join(out, 'leaky');
      const code = await runCli(
        [`${site.origin}${FIXTURES}/leaky.html`, '--out', dir, '--delay-ms', '0', ...mapFlags()],
        io,
      );
      expect(code).toBe(EXIT.leaked);
      const report: ScanReport = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      const before = report.leaks.filter((leak) => leak.phase === 'before' && leak.kind === 'request');
      expect(before.map(({ what, reason }) => ({ what, reason }))).toEqual(expect.arrayContaining(expected));
      expect(before).toHaveLength(expected.length);
      const plain = before.find((leak) => leak.what.includes('/px/plain.gif'))!;
      expect(plain).toMatchObject({ category: 'pixels', resourceType: 'image' });
      expect(plain.message).toMatch(
        /^A plain <img src> in the HTML \(line 23\): the browser's preload scanner fetched it before any script ran/,
      );
      expect(before.find((leak) => leak.reason === 'before-gate')!.message).toMatch(
        /inline <script> at line 7, which runs before the gate's <script> \(line 16\)/,
      );
      // Chromium said the parser asked for them: the initiator is in the report.
      const request = report.pages[0].phases.before!.requests.find((r) => r.url === plain.what)!;
      expect(request.initiator).toMatchObject({ type: 'parser', line: 23 });
      // The terminal says so too, and the HTML report lists them.
      expect(io.out()).toContain('preload-scanner');
      // The reload after the revoke fetches them again: the same leaks, on every page view.
      const again = report.leaks.filter((leak) => leak.phase === 'reject');
      expect(again.map(({ what, reason }) => ({ what, reason }))).toEqual(expect.arrayContaining(expected));
      expect(again.every((leak) => leak.message.startsWith('On the page load after the revoke: '))).toBe(
        true,
      );
      expect(io.out()).toMatch(/6 leaks/);
      // The vendor's cookies stay after the revoke: the page's config never named them.
      expect(
        report.issues.filter((issue) => issue.code === 'cookie-remains').map((issue) => issue.message),
      ).toEqual([
        expect.stringMatching(
          /^The cookie _sim_a \(127\.0\.0\.1\), written by http:\/\/localhost:4174\/a\/loader\.js\?site=leaky \(analytics\)/,
        ),
        expect.stringMatching(/^The cookie _sim_a_session /),
      ]);
      expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain(
        '<span class="chip">preload-scanner</span>',
      );
    },
    SCAN_TIMEOUT,
  );
});

describe('the same tags written as ConsentGate asks', () => {
  test(
    'leak nothing, are released on "accept all", and the CLI exits 0',
    async () => {
      const io = memoryIo();
      const dir = join(out, 'clean');
      const code = await runCli(
        [`${site.origin}${FIXTURES}/clean.html`, '--out', dir, '--delay-ms', '0', ...mapFlags()],
        io,
      );
      expect(io.err()).not.toMatch(/error/i);
      expect(code).toBe(EXIT.clean);
      const report: ScanReport = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
      expect(report.leaks).toEqual([]);
      const [page] = report.pages;
      expect(page.phases.before!.requests).toEqual([]);
      // Not vacuous: consent releases the held tags, and the scan sees them (the inline pixel the
      // gate dropped before consent stays dropped: replayHeldRequests is off).
      expect(page.phases.accept!.requests.map((r) => r.path.split('?')[0]).sort()).toEqual([
        '/a/beacon',
        '/a/collect',
        '/a/collect.js',
        '/a/loader.js',
        '/a/pv.gif',
        '/px/held.gif',
      ]);
      expect(io.out()).toMatch(/0 leaks/);
    },
    SCAN_TIMEOUT,
  );
});

describe('cookies', () => {
  let bad: BadSite;
  beforeAll(async () => {
    bad = await startBadSite();
  });
  afterAll(() => bad?.close());

  test(
    'tells a Set-Cookie header from a script, with the attributes; a tracking cookie set by a header leaks',
    async () => {
      const report = await scanSite({ url: `${bad.origin}/cookies`, delayMs: 0, maxPages: 1 });
      const cookies = report.pages[0].phases.before!.cookies;
      expect(cookies.find((c) => c.name === 'sid')).toMatchObject({
        setBy: 'header',
        setByUrl: `${bad.origin}/cookies`,
        httpOnly: true,
        sameSite: 'Strict',
        session: true,
        party: 'first',
        classification: { category: null },
      });
      expect(cookies.find((c) => c.name === 'theme')).toMatchObject({
        setBy: 'script',
        setByUrl: `${bad.origin}/cookies`,
        httpOnly: false,
        lifetime: '1 day',
      });
      expect(cookies.find((c) => c.name === '_ga')).toMatchObject({
        setBy: 'header',
        classification: { vendor: 'Google Analytics' },
      });
      expect(report.leaks).toEqual([
        expect.objectContaining({
          phase: 'before',
          kind: 'cookie',
          what: '_ga',
          reason: 'set-cookie-header',
          category: 'analytics',
        }),
      ]);
      expect(report.unknown.map((item) => item.name).sort()).toEqual(['sid', 'theme']);
      // No ConsentGate and no consent buttons: said so, for both consent phases.
      expect(report.pages[0].consentMethod).toBe('none');
      expect(report.issues.filter((issue) => issue.code === 'no-consent-ui')).toHaveLength(2);
    },
    SCAN_TIMEOUT,
  );

  test(
    "without ConsentGate, the site's own buttons give and refuse consent, and the report says so",
    async () => {
      const config = { rules: [{ category: 'pixels', match: ['localhost/px/'] }] };
      const report = await scanSite({ url: `${bad.origin}/banner`, delayMs: 0, maxPages: 1, config });
      const [page] = report.pages;
      expect(page).toMatchObject({ consentgate: false, consentMethod: 'buttons' });
      expect(page.phases.before!.requests).toEqual([]);
      expect(page.phases.accept!.actions).toEqual(['load', 'clicked "Accept all"']);
      expect(page.phases.accept!.requests).toEqual([
        expect.objectContaining({
          path: '/px/hit.gif',
          stage: 'accepted',
          party: 'third',
          classification: expect.objectContaining({ category: 'pixels' }),
        }),
      ]);
      // No revoke to find without ConsentGate: a first-visit "reject", and nothing is sent.
      expect(page.phases.reject!.actions).toEqual(['load', 'clicked "Reject all"', 'reload']);
      expect(page.phases.reject!.requests).toEqual([]);
      expect(report.leaks).toEqual([]);
      expect(
        report.issues.filter((issue) => issue.code === 'consent-buttons').map((issue) => issue.message),
      ).toEqual([
        'No ConsentGate on the page: the accept phase clicked the button "Accept all" (found by its text) to accept.',
        'No ConsentGate on the page: the reject phase clicked the button "Reject all" (found by its text) to reject.',
      ]);
      expect(bad.elsewhereHits).toEqual(['/px/hit.gif']);
    },
    SCAN_TIMEOUT,
  );
});
