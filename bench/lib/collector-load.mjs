// The collector under load: the real bin (packages/collector/dist/cli.js) on 127.0.0.1, fed by
// autocannon with a fixed number of POST /v1/receipts, one new receipt (a unique key) per
// request, on PGlite (a temp folder) and on a real PostgreSQL started for the run
// (e2e/support/postgres.mjs), one after the other in the same run. The load generator, the
// collector and PostgreSQL share the machine's cores. Afterwards the stored receipts are counted
// through the export: every 2xx must be a stored row.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { findPostgresBin, startPostgres } from '../../e2e/support/postgres.mjs';

const CLI = fileURLToPath(new URL('../../packages/collector/dist/cli.js', import.meta.url));
const TOKEN = `bench-${randomUUID()}`;

function receipt(consentId) {
  return JSON.stringify({
    type: 'decision',
    v: 2,
    key: `${consentId}:1`,
    consentId,
    seq: 1,
    timestamp: new Date().toISOString(),
    policyVersion: '2026-11',
    policyUrl: 'https://example.com/privacy',
    noticeHash: 'a'.repeat(64),
    locale: 'en',
    choices: { necessary: true, analytics: true, advertising: false, pixels: false },
    action: 'custom',
    via: 'banner',
    guardian: false,
    gpc: false,
    jurisdiction: { region: 'DE', model: 'opt-in' },
    sdkVersion: '0.1.0',
    page: 'https://example.com/pricing',
  });
}

function startCollector(dataDir, databaseUrl) {
  const { DATABASE_URL: _, ...env } = process.env;
  const child = spawn(
    process.execPath,
    [
      CLI,
      'serve',
      '--port',
      '0',
      '--data-dir',
      dataDir,
      '--origins',
      '*',
      '--rate-limit',
      '0',
      '--log-level',
      'warn',
      // Extra flags for experiments, e.g. CG_BENCH_COLLECTOR_ARGS='--group-in-flight 2'.
      ...(process.env.CG_BENCH_COLLECTOR_ARGS ?? '').split(' ').filter(Boolean),
    ],
    {
      env: { ...env, CONSENTGATE_ADMIN_TOKEN: TOKEN, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`collector did not start:\n${output}`)), 120_000);
    child.once('exit', (code) => reject(new Error(`collector exited (${code}):\n${output}`)));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /^consentgate-collector listening on (http:\/\/\S+)/m.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({
          url: found[1],
          stop: () =>
            new Promise((done) => {
              child.removeAllListeners('exit');
              child.once('exit', done);
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}

// `created` collects the consent ids answered 201 (autocannon keeps one context per connection,
// and with no pipelining a connection has one request in flight, so the context names it).
function load(url, amount, connections, run, created = []) {
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `${url}/v1/receipts`,
        connections,
        amount,
        timeout: 30,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request, context) => {
              context.consentId = `${run}-${n++}`;
              return { ...request, body: receipt(context.consentId) };
            },
            onResponse: (status, _body, context) => {
              if (status === 201) created.push(context.consentId);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

// The consent ids of this run found stored, through the export (as an auditor would read them).
async function storedIds(url, run) {
  const response = await fetch(`${url}/v1/export?format=ndjson`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  const ids = new Set();
  for (const line of (await response.text()).split('\n'))
    if (line.includes(`"consentId":"${run}-`)) ids.add(JSON.parse(line).consentId);
  return ids;
}

async function measureOne(backend, { amount, connections, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-collector-'));
  let pg;
  let collector;
  try {
    if (backend === 'postgres') pg = await startPostgres();
    collector = await startCollector(join(dir, 'data'), pg?.url);
    // Warm-up (JIT, connections, first pages of the indexes), not counted.
    await load(collector.url, Math.min(2_000, amount / 10), connections, `warm-${randomUUID()}`);
    const run = `bench-${randomUUID()}`;
    log(`  ${backend}: ${amount} requests, ${connections} connections…`);
    const loadBefore = loadavg()[0];
    const created = [];
    const result = await load(collector.url, amount, connections, run, created);
    const loadAfter = loadavg()[0];
    const ids = await storedIds(collector.url, run);
    const stored = ids.size;
    const missing = created.filter((id) => !ids.has(id));
    const ok = result['2xx'];
    return {
      backend,
      requests: result.requests.total,
      connections,
      durationSeconds: result.duration,
      ok,
      created: result.statusCodeStats?.['201']?.count ?? 0,
      replayed: result.statusCodeStats?.['200']?.count ?? 0,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      stored,
      // Answered 201 but not found in the export: must be 0.
      missing: missing.length,
      missingIds: missing.slice(0, 10),
      receiptsPerSecond: ok / result.duration,
      // The machine is shared: its 1-minute load average around the run says how much.
      loadAverage: { before: loadBefore, after: loadAfter },
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
        mean: result.latency.average,
      },
    };
  } finally {
    await collector?.stop();
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs the load on PGlite and on PostgreSQL (skipped, with a note, when its binaries are missing).
 * Resolves with `{ settings, rows: [{ backend, receiptsPerSecond, latencyMs: { p50, p99 }, … }] }`.
 */
export async function measureCollectorLoad({
  log,
  amount = 40_000,
  pgliteAmount = 15_000,
  connections = 32,
}) {
  const rows = [];
  rows.push(await measureOne('pglite', { amount: pgliteAmount, connections, log }));
  if (findPostgresBin()) rows.push(await measureOne('postgres', { amount, connections, log }));
  else log('  postgres: skipped (no PostgreSQL binaries; apt-get install postgresql)');
  return { settings: { amount, pgliteAmount, connections, receiptsPerRequest: 1 }, rows };
}
