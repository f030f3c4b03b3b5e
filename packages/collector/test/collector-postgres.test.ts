// The collector on a real PostgreSQL server: the same behaviour suite as on PGlite. The server is
// CG_TEST_DATABASE_URL (.ci/run starts one with e2e/support/postgres.mjs); without it, this file
// starts its own through the same script when the binaries are installed, else it skips here
// (and fails under CI, where PostgreSQL must be there).
import { randomUUID } from 'node:crypto';
import { type Db, openDatabase } from '@consentgate/collector';
import pg from 'pg';
import { afterAll, describe, it } from 'vitest';
import { findPostgresBin, startPostgres, type TestPostgres } from '../../../e2e/support/postgres.mjs';
import { collectorBehaviours } from './behaviours';

const given = process.env.CG_TEST_DATABASE_URL;
const canStart = findPostgresBin() !== null;
if (!given && !canStart && process.env.CI)
  throw new Error(
    'CG_TEST_DATABASE_URL is unset and no PostgreSQL binaries were found: under CI the PostgreSQL tests must run (see .ci/run)',
  );

let own: TestPostgres | undefined;
const server = given ?? (canStart ? (own = await startPostgres()).url : undefined);
afterAll(() => own?.stop());

/** A new, empty database on the test server, for one suite; dropped by `dropDatabase`. */
export async function createDatabase(url: string): Promise<string> {
  const name = `cg_test_${randomUUID().replaceAll('-', '')}`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.href;
}

async function dropDatabase(url: string, db: Db) {
  await db.close();
  const name = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.href });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.end();
}

if (server) {
  describe('collector on PostgreSQL', () => {
    let url = '';
    collectorBehaviours(
      async () => openDatabase({ url: (url = await createDatabase(server)) }),
      (db) => dropDatabase(url, db),
    );
  });
} else {
  describe('collector on PostgreSQL', () => {
    it.skip('skipped: CG_TEST_DATABASE_URL is unset and no PostgreSQL binaries were found (apt-get install postgresql)', () => {});
  });
}
