// The schema, as an ordered list of SQL migrations, run by umzug with its record kept in
// `schema_migrations` through our db adapter, so PostgreSQL and PGlite get the same steps.
// The schema is described table by table in docs/collector.md.
import { Umzug, type UmzugStorage } from 'umzug';
import type { Db, Queryable } from './db';

/** One schema step. Never edit a released one: add the next. */
export interface Migration {
  name: string;
  sql: string;
}

// One advisory lock id for every schema change and partition job: collectors started together
// against one database take turns instead of racing on the same DDL.
export const SCHEMA_LOCK = 4_242_001;

// Rows of an append-only table are never updated; they are deleted only by the retention and
// partition jobs, which set `consentgate.maintenance` for their own transaction (SET LOCAL).
const APPEND_ONLY = `
CREATE FUNCTION consentgate_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('consentgate.maintenance', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'consentgate: % is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
`;

const appendOnly = (table: string) =>
  `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION consentgate_append_only();`;

/** Every migration, in order. */
export const MIGRATIONS: readonly Migration[] = [
  {
    name: '0001-receipts',
    sql: `
${APPEND_ONLY}

-- Idempotency across partitions: a partitioned table's unique index must contain the partition
-- key, so "this key was stored once" lives here, with the key alone as primary key.
CREATE TABLE receipt_keys (
  type text NOT NULL,
  key text NOT NULL,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (type, key)
);
CREATE INDEX receipt_keys_received_at ON receipt_keys (received_at);
${appendOnly('receipt_keys')}

-- A plain sequence, not an identity column: partitions created later (and the table made by
-- LIKE when rows move out of the default partition) share its default on PostgreSQL 15 and 18 alike.
CREATE SEQUENCE receipts_id_seq;
CREATE TABLE receipts (
  id bigint NOT NULL DEFAULT nextval('receipts_id_seq'),
  received_at timestamptz NOT NULL,
  key text NOT NULL,
  consent_id text NOT NULL,
  seq integer NOT NULL,
  client_ts timestamptz NOT NULL,
  policy_version text NOT NULL,
  policy_url text,
  notice_hash text,
  locale text NOT NULL,
  choices jsonb NOT NULL,
  action text NOT NULL,
  via text NOT NULL,
  api_method text,
  guardian boolean NOT NULL,
  gpc boolean NOT NULL,
  region text,
  model text,
  dropped integer,
  sdk_version text NOT NULL,
  page text NOT NULL,
  origin text,
  ua_family text,
  ua_device text,
  ip_prefix cidr,
  PRIMARY KEY (received_at, id)
) PARTITION BY RANGE (received_at);
ALTER SEQUENCE receipts_id_seq OWNED BY receipts.id;
CREATE INDEX receipts_consent_id ON receipts (consent_id, seq);
CREATE TABLE receipts_default PARTITION OF receipts DEFAULT;
${appendOnly('receipts')}

CREATE SEQUENCE shown_events_id_seq;
CREATE TABLE shown_events (
  id bigint NOT NULL DEFAULT nextval('shown_events_id_seq'),
  received_at timestamptz NOT NULL,
  key text NOT NULL,
  client_ts timestamptz NOT NULL,
  layer text NOT NULL,
  policy_version text NOT NULL,
  locale text NOT NULL,
  region text,
  model text,
  sdk_version text NOT NULL,
  page text NOT NULL,
  origin text,
  ua_family text,
  ua_device text,
  PRIMARY KEY (received_at, id)
) PARTITION BY RANGE (received_at);
ALTER SEQUENCE shown_events_id_seq OWNED BY shown_events.id;
CREATE TABLE shown_events_default PARTITION OF shown_events DEFAULT;
${appendOnly('shown_events')}
`,
  },
];

/**
 * Brings the schema up to date (in one transaction, under an advisory lock) and returns the
 * names of the migrations it ran. Safe to call from several collectors at once.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(${SCHEMA_LOCK})`);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const umzug = new Umzug<Queryable>({
      migrations: migrations.map((m) => ({ name: m.name, up: ({ context }) => context.exec(m.sql) })),
      context: tx,
      storage: migrationTable,
      logger: undefined,
    });
    return (await umzug.up()).map((m) => m.name);
  });
}

const migrationTable: UmzugStorage<Queryable> = {
  async executed({ context }) {
    const { rows } = await context.query<{ name: string }>(
      'SELECT name FROM schema_migrations ORDER BY name',
    );
    return rows.map((r) => r.name);
  },
  async logMigration({ name, context }) {
    await context.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
  },
  async unlogMigration({ name, context }) {
    await context.query('DELETE FROM schema_migrations WHERE name = $1', [name]);
  },
};
