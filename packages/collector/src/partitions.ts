// Monthly partitions of the append-only tables, and retention, which drops whole months.
// Month bounds are UTC. Both jobs take the schema lock, so collectors that run them at the same
// moment take turns, and both set `consentgate.maintenance` for their transaction only: the one
// way past the append-only trigger (see migrations.ts).
import type { Db, Queryable } from './db';
import { SCHEMA_LOCK } from './migrations';

/** The tables partitioned by month of `received_at`. */
export const PARTITIONED_TABLES = ['receipts', 'shown_events'] as const;

const NAME = /_p(\d{4})_(\d{2})$/;

/** The first instant of the UTC month `add` months after the month of `date`. */
export function monthStart(date: Date, add = 0): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + add, 1));
}

/** The partition of `table` that holds the month starting at `from`: `receipts_p2026_12`. */
export function partitionName(table: string, from: Date): string {
  return `${table}_p${from.getUTCFullYear()}_${String(from.getUTCMonth() + 1).padStart(2, '0')}`;
}

async function maintenance(tx: Queryable) {
  await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
  await tx.query(`SELECT set_config('consentgate.maintenance', 'on', true)`);
}

async function partitionsOf(tx: Queryable, table: string): Promise<string[]> {
  const { rows } = await tx.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i
       JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
      WHERE p.relname = $1 ORDER BY 1`,
    [table],
  );
  return rows.map((r) => r.name);
}

/**
 * Creates the month partitions of this month and the `ahead` next ones, plus one for every month
 * that has rows waiting in a DEFAULT partition (those rows move into it). Returns the names of the
 * partitions it created. Run at start-up and daily by the server.
 */
export async function ensurePartitions(db: Db, { now = new Date(), ahead = 3 } = {}): Promise<string[]> {
  return db.transaction(async (tx) => {
    await maintenance(tx);
    const created: string[] = [];
    for (const table of PARTITIONED_TABLES) {
      const existing = new Set(await partitionsOf(tx, table));
      const months = new Map<number, Date>();
      for (let i = 0; i <= ahead; i++) months.set(monthStart(now, i).getTime(), monthStart(now, i));
      const { rows: waiting } = await tx.query<{ month: string }>(
        `SELECT DISTINCT to_char(date_trunc('month', received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS month
           FROM ${table}_default`,
      );
      for (const { month } of waiting) {
        const from = new Date(`${month}T00:00:00Z`);
        months.set(from.getTime(), from);
      }
      for (const from of months.values()) {
        const name = partitionName(table, from);
        if (existing.has(name)) continue;
        const bounds = `FROM ('${from.toISOString()}') TO ('${monthStart(from, 1).toISOString()}')`;
        const range = [from.toISOString(), monthStart(from, 1).toISOString()];
        const { rows } = await tx.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM ${table}_default WHERE received_at >= $1 AND received_at < $2`,
          range,
        );
        if (rows[0]!.n === 0) {
          await tx.exec(`CREATE TABLE ${name} PARTITION OF ${table} FOR VALUES ${bounds}`);
        } else {
          // PostgreSQL refuses a new partition while the DEFAULT one holds rows of its range: build
          // the month beside the table, move the rows into it, then attach it.
          await tx.exec(`CREATE TABLE ${name} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS)`);
          await tx.query(
            `WITH moved AS (DELETE FROM ${table}_default WHERE received_at >= $1 AND received_at < $2 RETURNING *)
             INSERT INTO ${name} SELECT * FROM moved`,
            range,
          );
          await tx.exec(`ALTER TABLE ${table} ATTACH PARTITION ${name} FOR VALUES ${bounds}`);
        }
        created.push(name);
      }
    }
    return created;
  });
}

/** What one retention run removed. */
export interface RetentionResult {
  /** Rows received before this instant are gone (the first day of a UTC month). */
  cutoff: string;
  /** Month partitions dropped whole. */
  droppedPartitions: string[];
  /** Rows deleted one by one from the DEFAULT partitions. */
  deletedRows: number;
  /** Idempotency keys deleted (a replay of one of them would be stored again). */
  deletedKeys: number;
}

/**
 * Deletes what is older than `months` whole months: drops each month partition that ended before
 * the cutoff (the first day of the month `months` months ago, UTC) and deletes older rows from the
 * DEFAULT partitions and the key table. Data is kept at least `months` months.
 */
export async function applyRetention(
  db: Db,
  { months, now = new Date() }: { months: number; now?: Date },
): Promise<RetentionResult> {
  if (!Number.isInteger(months) || months < 1)
    throw new RangeError('retention months: expected an integer ≥ 1');
  const cutoff = monthStart(now, -months);
  return db.transaction(async (tx) => {
    await maintenance(tx);
    const droppedPartitions: string[] = [];
    let deletedRows = 0;
    for (const table of PARTITIONED_TABLES) {
      for (const name of await partitionsOf(tx, table)) {
        const match = NAME.exec(name);
        if (!match) continue;
        const end = new Date(Date.UTC(Number(match[1]), Number(match[2]), 1));
        if (end.getTime() > cutoff.getTime()) continue;
        await tx.exec(`DROP TABLE ${name}`);
        droppedPartitions.push(name);
      }
      const deleted = await tx.query(`DELETE FROM ${table}_default WHERE received_at < $1`, [
        cutoff.toISOString(),
      ]);
      deletedRows += deleted.rowCount;
    }
    const keys = await tx.query('DELETE FROM receipt_keys WHERE received_at < $1', [cutoff.toISOString()]);
    return { cutoff: cutoff.toISOString(), droppedPartitions, deletedRows, deletedKeys: keys.rowCount };
  });
}
