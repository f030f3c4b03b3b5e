// The collector's one door to its database: PostgreSQL through node-postgres when a URL is
// given, else PGlite (the same PostgreSQL, compiled to WebAssembly) in a folder or in memory.
// Everything above this file sends the same SQL to both; only how a connection is held differs.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** Rows of one statement. */
export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

/** What a query can be sent to: the database, or one open transaction. */
export interface Queryable {
  /**
   * One statement with `$1…` parameters. A `name` makes PostgreSQL parse and plan it once per
   * connection (a prepared statement) for statements run thousands of times; PGlite ignores it.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[], name?: string): Promise<QueryResult<R>>;
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
}

/** A database the collector can use: PostgreSQL (`pg.Pool`) or PGlite behind the same calls. */
export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** How many statements can usefully run at once (pool size; 1 for PGlite, which is single-session). */
  readonly parallelism: number;
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the data lives. */
export interface DatabaseOptions {
  /** A PostgreSQL connection URL. When absent, PGlite is used. */
  url?: string;
  /** PGlite's data folder (created when missing); `'memory://'` keeps it in memory. */
  dataDir?: string;
  /** Connections in the pool (PostgreSQL only). Default 8. */
  poolSize?: number;
}

/** Opens the database the options name: PostgreSQL when `url` is set, else PGlite. */
export async function openDatabase(options: DatabaseOptions): Promise<Db> {
  if (options.url) return openPostgres(options.url, options.poolSize ?? 8);
  return openPglite(options.dataDir ?? 'memory://');
}

async function openPostgres(url: string, poolSize: number): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client that loses its server emits on the pool; unhandled, that would end the process.
  pool.on('error', () => {});
  // Fail at start-up, not at the first receipt, when the server cannot be reached.
  (await pool.connect()).release();
  const on = (client: pg.Pool | pg.PoolClient): Queryable => ({
    async query<R>(sql: string, params?: unknown[], name?: string) {
      const result = await client.query({ text: sql, values: params, name });
      return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
    },
    async exec(sql) {
      // Without parameters node-postgres uses the simple protocol, which runs several statements.
      await client.query(sql);
    },
  });
  return {
    kind: 'postgres',
    parallelism: poolSize,
    ...on(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(on(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string): Promise<Db> {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const on = (client: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<R>(sql: string, params?: unknown[]) {
      const result = await client.query<R>(sql, params);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql) {
      await client.exec(sql);
    },
  });
  return {
    kind: 'pglite',
    parallelism: 1,
    ...on(db),
    transaction: (fn) => db.transaction((tx) => fn(on(tx))),
    close: () => db.close(),
  };
}
