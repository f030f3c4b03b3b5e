// The PostgreSQL server of the tests: CG_TEST_DATABASE_URL (.ci/run starts one with
// e2e/support/postgres.mjs), else a cluster this test file starts through the same script when
// the binaries are installed. Without either, PostgreSQL tests skip, naming why, except under CI
// where they must run: there it is an error.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll } from 'vitest';
import { findPostgresBin, startPostgres, type TestPostgres } from '../../../e2e/support/postgres.mjs';

/** Why PostgreSQL tests are skipped here, shown as the skipped test's name. */
export const NO_POSTGRES =
  'skipped: CG_TEST_DATABASE_URL is unset and no PostgreSQL binaries were found (apt-get install postgresql)';

/** The server URL, or `undefined` (then skip with {@link NO_POSTGRES}). Call at the top of a test file. */
export async function testPostgres(): Promise<string | undefined> {
  const given = process.env.CG_TEST_DATABASE_URL;
  if (given) return given;
  if (findPostgresBin() === null) {
    if (process.env.CI)
      throw new Error(
        'CG_TEST_DATABASE_URL is unset and no PostgreSQL binaries were found: under CI the PostgreSQL tests must run (see .ci/run)',
      );
    return undefined;
  }
  const own: TestPostgres = await startPostgres();
  afterAll(() => own.stop());
  return own.url;
}

const withDatabase = (url: string, name: string) => {
  const target = new URL(url);
  target.pathname = `/${name}`;
  return target.href;
};

async function onServer(url: string, sql: string) {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates a new, empty database on the server and returns its URL. */
export async function createDatabase(server: string): Promise<string> {
  const name = `cg_test_${randomUUID().replaceAll('-', '')}`;
  await onServer(server, `CREATE DATABASE ${name}`);
  return withDatabase(server, name);
}

/** Drops a database made by {@link createDatabase}, closing its remaining connections. */
export async function dropDatabase(url: string) {
  await onServer(url, `DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
}
