// The built bin as a process: its shebang, --json keeping stdout for the report alone, the exit
// codes, and Ctrl+C (SIGINT) writing the partial report. Builds the package first (with
// CG_TEST_DIST=1 the suite checks a build made before, as the other packages' tests do).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScanReport } from '@consentgate/scanner';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BadSite, ROOT, SCAN_TIMEOUT, startBadSite } from './support/servers';

const BIN = join(ROOT, 'packages/scanner/dist/cli.js');
const out = mkdtempSync(join(tmpdir(), 'cg-scan-bin-'));
let bad: BadSite;

beforeAll(async () => {
  if (process.env.CG_TEST_DIST !== '1') {
    // The bin imports the other packages by name: their dist must be there too.
    const missing = ['core', 'blocker'].filter(
      (pkg) => !existsSync(join(ROOT, `packages/${pkg}/dist/index.js`)),
    );
    execFileSync('npx', ['rollup', '-c', 'rollup.config.mjs'], {
      cwd: ROOT,
      env: { ...process.env, CG_BUILD: [...missing, 'scanner'].join(',') },
      stdio: 'ignore',
    });
  }
  bad = await startBadSite();
}, SCAN_TIMEOUT);
afterAll(async () => {
  await bad?.close();
  rmSync(out, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], onStderr?: (text: string, child: ChildProcess) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: out, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the consentgate-scan bin', () => {
  test(
    'starts with a shebang; --help exits 0, a bad URL exits 2',
    async () => {
      expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
      expect((await run(['--help'])).code).toBe(0);
      const usage = await run(['not-a-url']);
      expect(usage.code).toBe(2);
      expect(usage.stderr).toContain('not an http(s) URL');
    },
    SCAN_TIMEOUT,
  );

  test(
    '--json prints the report to stdout and nothing else there',
    async () => {
      const result = await run([`${bad.origin}/cookies`, '--json', '--out', 'json', '--delay-ms', '0']);
      expect(result.code).toBe(1);
      const report: ScanReport = JSON.parse(result.stdout);
      expect(report).toMatchObject({ format: 'consentgate/scan-report', version: 1 });
      expect(report.leaks.map((leak) => leak.what)).toEqual(['_ga']);
      expect(result.stderr).toContain(`[1/1] ${bad.origin}/cookies`);
      expect(JSON.parse(readFileSync(join(out, 'json/report.json'), 'utf8'))).toEqual(report);
    },
    SCAN_TIMEOUT,
  );

  test(
    'Ctrl+C: stops after the current step, writes the partial report, exits 130',
    async () => {
      let sent = false;
      const result = await run(
        [`${bad.origin}/calendar?month=1`, '--out', 'interrupted', '--delay-ms', '0'],
        (stderr, child) => {
          if (!sent && stderr.includes('[2/')) {
            sent = true;
            child.kill('SIGINT');
          }
        },
      );
      expect(sent).toBe(true);
      expect(result.code).toBe(130);
      expect(result.stderr).toContain('Interrupted: writing the partial report');
      const report: ScanReport = JSON.parse(readFileSync(join(out, 'interrupted/report.json'), 'utf8'));
      expect(report.status).toBe('interrupted');
      // The browser was not killed under the crawl: the step under way finished cleanly.
      expect(report.issues.map((issue) => issue.code)).not.toContain('browser');
      expect(report.pages.length).toBeGreaterThanOrEqual(1);
      expect(result.stdout).toContain('interrupted');
    },
    SCAN_TIMEOUT,
  );
});
