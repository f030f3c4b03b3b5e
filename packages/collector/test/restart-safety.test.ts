// An acknowledged receipt is never lost: the real bin under load, killed with SIGKILL mid-load,
// restarted on the same data; every receipt that got a 2xx is stored exactly once. Then every
// receipt sent (answered or not) is sent again, and each is stored once. On a file-backed PGlite
// folder and on PostgreSQL. Also the `migrate` and `retention` subcommands.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, type CollectorProcess, ensureBuilt, startCli, until } from './cli-process';
import { decision, TOKEN } from './fixtures';
import { createDatabase, dropDatabase, NO_POSTGRES, testPostgres } from './postgres-server';

const server = await testPostgres();
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-collector-'));
  dirs.push(dir);
  return dir;
};

beforeAll(() => ensureBuilt(), 180_000);
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const serveArgs = (dataDir: string) => [
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
];
const env = { CONSENTGATE_ADMIN_TOKEN: TOKEN };

async function post(url: string, body: unknown) {
  return fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Keys of every stored decision, with how many rows each has. */
async function storedKeys(url: string): Promise<Map<string, number>> {
  const response = await fetch(`${url}/v1/export?format=ndjson`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  expect(response.status).toBe(200);
  const counts = new Map<string, number>();
  for (const line of (await response.text()).split('\n'))
    if (line) {
      const { key } = JSON.parse(line) as { key: string };
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  return counts;
}

async function killMidLoad(start: () => Promise<CollectorProcess>, label: string) {
  let collector = await start();
  const run = `restart-${Date.now()}`;
  const sent: ReturnType<typeof decision>[] = [];
  const acknowledged = new Set<string>();
  let failed = 0;
  let stop = false;
  // 16 clients, each sending one new receipt after the other until the server goes away.
  const worker = async (w: number) => {
    for (let i = 0; !stop && i < 2_000; i++) {
      const receipt = decision({ consentId: `${run}-${w}-${i}` });
      sent.push(receipt);
      try {
        const response = await post(collector.url, receipt);
        if (response.status === 200 || response.status === 201) acknowledged.add(receipt.key);
        else failed++;
      } catch {
        failed++;
        return;
      }
    }
  };
  const load = Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
  await until(() => acknowledged.size >= 400, 120_000, '400 acknowledged receipts');
  collector.child.kill('SIGKILL');
  expect(await collector.exited).toBe('SIGKILL');
  stop = true;
  await load;

  collector = await start();
  try {
    const stored = await storedKeys(collector.url);
    const mine = [...stored].filter(([key]) => key.startsWith(run));
    const lost = [...acknowledged].filter((key) => !stored.has(key));
    const duplicates = mine.filter(([, n]) => n > 1);
    const unanswered = mine.filter(([key]) => !acknowledged.has(key)).length;
    console.log(
      `[restart safety, ${label}] sent ${sent.length}, acknowledged ${acknowledged.size}, failed ${failed}; after restart: stored ${mine.length}, lost ${lost.length}, duplicates ${duplicates.length}, stored but unanswered (in flight at the kill) ${unanswered}`,
    );
    expect(lost).toEqual([]);
    expect(duplicates).toEqual([]);
    expect(mine.length).toBe(acknowledged.size + unanswered);

    // The gate retries what got no answer: everything sent, again, 50 to a request.
    for (let i = 0; i < sent.length; i += 50) {
      const response = await post(collector.url, sent.slice(i, i + 50));
      expect([200, 201]).toContain(response.status);
    }
    const after = [...(await storedKeys(collector.url))].filter(([key]) => key.startsWith(run));
    expect(after.length).toBe(new Set(sent.map((r) => r.key)).size);
    expect(after.filter(([, n]) => n !== 1)).toEqual([]);
  } finally {
    collector.child.kill('SIGTERM');
    await collector.exited;
  }
}

describe('restart safety: SIGKILL mid-load loses no acknowledged receipt', () => {
  it('on a file-backed PGlite folder', async () => {
    const dir = tempDir();
    await killMidLoad(() => startCli(serveArgs(dir), { env }), 'PGlite');
  }, 300_000);

  it.skipIf(!server)(
    server ? 'on PostgreSQL' : `on PostgreSQL (${NO_POSTGRES})`,
    async () => {
      const url = await createDatabase(server!);
      try {
        await killMidLoad(() => startCli(serveArgs(tempDir()), { env, databaseUrl: url }), 'PostgreSQL');
      } finally {
        await dropDatabase(url);
      }
    },
    300_000,
  );
});

describe('the migrate and retention subcommands', () => {
  it('migrate creates the schema and partitions; retention reports what it removed', () => {
    const dir = tempDir();
    const cli = (...args: string[]) =>
      execFileSync(process.execPath, [CLI, ...args, '--data-dir', dir], {
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: '' },
      });
    expect(cli('migrate')).toMatch(/ran 0001-receipts; created receipts_p\d{4}_\d{2}, /);
    expect(cli('migrate')).toMatch(/schema up to date; partitions in place/);
    expect(cli('retention', '--retention-months', '12')).toMatch(
      /kept what arrived since \d{4}-\d{2}-01T00:00:00\.000Z; dropped no partition; deleted 0 rows/,
    );
  }, 120_000);
});
