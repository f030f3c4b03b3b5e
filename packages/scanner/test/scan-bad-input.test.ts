// Bad input: each gets a clear message, in the terminal and in the report, and the report of
// what could be scanned is written all the same.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, runCli, type ScanReport } from '@consentgate/scanner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BadSite, closedPort, memoryIo, SCAN_TIMEOUT, startBadSite } from './support/servers';

const out = mkdtempSync(join(tmpdir(), 'cg-scan-bad-'));
let bad: BadSite;
beforeAll(async () => {
  bad = await startBadSite();
});
afterAll(async () => {
  await bad?.close();
  rmSync(out, { recursive: true, force: true });
});

async function scan(name: string, argv: string[], io = memoryIo()) {
  const dir = join(out, name);
  const code = await runCli([...argv, '--out', dir, '--delay-ms', '0'], io);
  const report: ScanReport = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
  for (const file of ['report.html', 'draft-config.json', 'declaration.json'])
    expect(existsSync(join(dir, file)), file).toBe(true);
  return { code, report, out: io.out(), err: io.err() };
}

describe('bad input', () => {
  test(
    'an unreachable URL',
    async () => {
      const url = `http://127.0.0.1:${await closedPort()}/`;
      const { code, report, out, err } = await scan('unreachable', [url]);
      expect(code).toBe(EXIT.failed);
      expect(report).toMatchObject({ status: 'failed', pages: [] });
      expect(report.issues).toEqual([
        expect.objectContaining({
          code: 'unreachable',
          severity: 'error',
          message: expect.stringMatching(/could not be reached: .*ECONNREFUSED/),
        }),
      ]);
      expect(out).toMatch(/! unreachable: http:\/\/127\.0\.0\.1:\d+\/ could not be reached/);
      expect(err).toContain('could not be reached');
    },
    SCAN_TIMEOUT,
  );

  test(
    'an answer that is not HTML',
    async () => {
      const { code, report, out } = await scan('not-html', [`${bad.origin}/data`]);
      expect(code).toBe(EXIT.failed);
      expect(report.issues).toEqual([
        expect.objectContaining({
          code: 'not-html',
          message: `${bad.origin}/data is application/json, not an HTML page: not scanned.`,
        }),
      ]);
      expect(out).toContain('not-html');
    },
    SCAN_TIMEOUT,
  );

  test(
    'a redirect to another site is not followed, not even by the browser',
    async () => {
      const { code, report, out } = await scan('off-site', [`${bad.origin}/away`]);
      expect(code).toBe(EXIT.failed);
      expect(report.issues).toEqual([
        expect.objectContaining({
          code: 'redirect-off-site',
          message: expect.stringMatching(
            /\/away redirects to http:\/\/localhost:\d+\/landing, another site: not followed\./,
          ),
        }),
      ]);
      expect(out).toContain('redirect-off-site');
      expect(bad.elsewhereHits).toEqual([]);
    },
    SCAN_TIMEOUT,
  );

  test(
    'a page linking to those: it is scanned, they are skipped and named',
    async () => {
      const { code, report } = await scan('links', [`${bad.origin}/links`]);
      expect(code).toBe(EXIT.clean);
      expect(report.pages.map((page) => page.url)).toEqual([`${bad.origin}/links`]);
      const codes = report.issues.map((issue) => issue.code).filter((c) => c !== 'no-consent-ui');
      expect(codes.sort()).toEqual(['not-html', 'redirect-off-site']);
      // The PDF is known by its extension: never fetched.
      expect(JSON.stringify(report)).not.toContain('brochure.pdf');
      expect(bad.elsewhereHits).toEqual([]);
    },
    SCAN_TIMEOUT,
  );

  test(
    'endless link-generating pages: a few of the pattern, then a message',
    async () => {
      const { code, report, out } = await scan('endless', [
        `${bad.origin}/calendar?month=1`,
        '--max-per-pattern',
        '3',
      ]);
      expect(code).toBe(EXIT.clean);
      expect(report.status).toBe('partial');
      expect(report.pages).toHaveLength(3);
      const endless = report.issues.find((issue) => issue.code === 'endless-links')!;
      expect(endless.message).toMatch(
        /^Links of the pattern http:\/\/127\.0\.0\.1:\d+\/calendar\?month keep coming \(\d+ more beyond the first ones\)/,
      );
      expect(out).toContain('endless-links');
    },
    SCAN_TIMEOUT,
  );

  test(
    'endless pages and --max-pages: the crawl stops there and says how many were left',
    async () => {
      const { report } = await scan('page-limit', [
        `${bad.origin}/calendar?month=1`,
        '--max-per-pattern',
        '100',
        '--max-pages',
        '2',
      ]);
      expect(report.status).toBe('partial');
      expect(report.pages).toHaveLength(2);
      expect(report.issues.find((issue) => issue.code === 'page-limit')!.message).toMatch(
        /^Stopped at 2 pages \(--max-pages\); \d+ more same-site page\(s\) found were not visited\.$/,
      );
    },
    SCAN_TIMEOUT,
  );

  test(
    'a page that never settles: recorded as far as it got, and named',
    async () => {
      const { code, report, out } = await scan('never-settles', [
        `${bad.origin}/slow`,
        '--timeout-ms',
        '2000',
      ]);
      expect(code).toBe(EXIT.clean);
      const [page] = report.pages;
      expect(Object.keys(page.phases)).toEqual(['before', 'accept', 'reject']);
      expect(page.phases.before!.settled).toBe(false);
      const issue = report.issues.find((item) => item.code === 'never-settled')!;
      expect(issue.message).toMatch(
        /^before phase, after load: the page did not finish loading within 2000 ms \(still open: http:\/\/127\.0\.0\.1:\d+\/hang\.gif\)/,
      );
      expect(out).toContain('never-settled');
    },
    SCAN_TIMEOUT,
  );

  test(
    'interrupted (the signal Ctrl+C sends): the partial report is written',
    async () => {
      const controller = new AbortController();
      const io = memoryIo({ signal: controller.signal });
      const write = io.stderr.write;
      io.stderr.write = (text: string) => {
        // Stop once the second page starts.
        if (text.startsWith('[2/')) controller.abort();
        return write(text);
      };
      const { code, report } = await scan('interrupted', [`${bad.origin}/calendar?month=1`], io);
      expect(code).toBe(EXIT.interrupted);
      expect(report.status).toBe('interrupted');
      expect(report.pages.length).toBeGreaterThanOrEqual(1);
      expect(report.pages[0].phases.reject).toBeDefined();
      expect(report.issues.find((issue) => issue.code === 'interrupted')!.message).toMatch(
        /^Interrupted after \d page\(s\)/,
      );
    },
    SCAN_TIMEOUT,
  );
});
