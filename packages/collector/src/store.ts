// The SQL of the collector: storing receipts (one statement per group commit), reading one
// consent's proof, exporting a date range page by page, and the daily statistics.
import type { Receipt, ShownEvent } from '@consentgate/core';
import type { Db } from './db';

/** What the server knows about the request a receipt came in, as stored with it. */
export interface ClientInfo {
  receivedAt: Date;
  origin: string | null;
  uaFamily: string | null;
  uaDevice: string | null;
  ipPrefix: string | null;
}

/** One item of a request, ready to store. */
export interface Incoming {
  item: Receipt | ShownEvent;
  client: ClientInfo;
}

/** A stored decision, as the admin API returns it: the receipt as sent, plus what the server added. */
export type StoredReceipt = Receipt & {
  /** The server's record id (a decimal string: a bigint). */
  id: string;
  receivedAt: string;
  origin: string | null;
  userAgent: { family: string | null; device: string | null };
  /** The client's network (IPv4 /24, IPv6 /48), or `null` when the collector keeps none. */
  ipPrefix: string | null;
};

/** A stored shown event, as the export returns it. */
export type StoredShownEvent = ShownEvent & {
  id: string;
  receivedAt: string;
  origin: string | null;
  userAgent: { family: string | null; device: string | null };
};

/** `type:key`, the identity the idempotency check is on. */
export const identity = (item: Receipt | ShownEvent) => `${item.type}:${item.key}`;

// Columns as jsonb_to_recordset reads them from the one JSON parameter of the insert.
const DECISION_COLUMNS = `received_at timestamptz, key text, consent_id text, seq integer, client_ts timestamptz,
  policy_version text, policy_url text, notice_hash text, locale text, choices jsonb, action text, via text,
  api_method text, guardian boolean, gpc boolean, region text, model text, dropped integer, sdk_version text,
  page text, origin text, ua_family text, ua_device text, ip_prefix cidr`;
const SHOWN_COLUMNS = `received_at timestamptz, key text, client_ts timestamptz, layer text, policy_version text,
  locale text, region text, model text, sdk_version text, page text, origin text, ua_family text, ua_device text`;
const names = (columns: string) =>
  columns
    .split(',')
    .map((c) => c.trim().split(/\s+/)[0])
    .join(', ');

// One statement, so one implicit transaction: the keys go in first (ON CONFLICT DO NOTHING), and
// only the rows whose key was new go into the partitioned tables. Concurrent statements with the
// same key wait on the key's index entry, so a key is stored once whatever the timing. Three
// shapes (decisions, shown events, both), each prepared once per connection.
const DECISIONS = `
  d AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(${DECISION_COLUMNS})),
  dk AS (INSERT INTO receipt_keys (type, key, received_at) SELECT 'decision', key, received_at FROM d
         ON CONFLICT DO NOTHING RETURNING key),
  di AS (INSERT INTO receipts (${names(DECISION_COLUMNS)}) SELECT ${names(DECISION_COLUMNS)} FROM d JOIN dk USING (key)
         RETURNING key)`;
const SHOWN = (param: string) => `
  s AS (SELECT * FROM jsonb_to_recordset(${param}::jsonb) AS r(${SHOWN_COLUMNS})),
  sk AS (INSERT INTO receipt_keys (type, key, received_at) SELECT 'shown', key, received_at FROM s
         ON CONFLICT DO NOTHING RETURNING key),
  si AS (INSERT INTO shown_events (${names(SHOWN_COLUMNS)}) SELECT ${names(SHOWN_COLUMNS)} FROM s JOIN sk USING (key)
         RETURNING key)`;
const INSERT = {
  decisions: `WITH ${DECISIONS} SELECT 'decision:' || key AS id FROM di`,
  shown: `WITH ${SHOWN('$1')} SELECT 'shown:' || key AS id FROM si`,
  both: `WITH ${DECISIONS}, ${SHOWN('$2')}
    SELECT 'decision:' || key AS id FROM di UNION ALL SELECT 'shown:' || key FROM si`,
};

/**
 * Stores the items whose `type:key` is not stored yet, in one statement (committed when it
 * resolves). Items must have distinct identities. Resolves with the identities stored now.
 */
export async function insertItems(db: Db, items: readonly Incoming[]): Promise<Set<string>> {
  const decisions: Record<string, unknown>[] = [];
  const shown: Record<string, unknown>[] = [];
  for (const { item, client } of items) {
    const base = {
      received_at: client.receivedAt.toISOString(),
      key: item.key,
      client_ts: item.timestamp,
      policy_version: item.policyVersion,
      locale: item.locale,
      region: item.jurisdiction?.region ?? null,
      model: item.jurisdiction?.model ?? null,
      sdk_version: item.sdkVersion,
      page: item.page,
      origin: client.origin,
      ua_family: client.uaFamily,
      ua_device: client.uaDevice,
    };
    if (item.type === 'shown') shown.push({ ...base, layer: item.layer });
    else
      decisions.push({
        ...base,
        consent_id: item.consentId,
        seq: item.seq,
        policy_url: item.policyUrl,
        notice_hash: item.noticeHash,
        choices: item.choices,
        action: item.action,
        via: item.via,
        api_method: item.apiMethod ?? null,
        guardian: item.guardian,
        gpc: item.gpc,
        dropped: item.dropped ?? null,
        ip_prefix: client.ipPrefix,
      });
  }
  const [shape, params] = !shown.length
    ? (['decisions', [decisions]] as const)
    : !decisions.length
      ? (['shown', [shown]] as const)
      : (['both', [decisions, shown]] as const);
  const { rows } = await db.query<{ id: string }>(
    INSERT[shape],
    params.map((rows) => JSON.stringify(rows)),
    `consentgate_insert_${shape}`,
  );
  return new Set(rows.map((r) => r.id));
}

const iso = (value: unknown) => new Date(value as string | Date).toISOString();

const RECEIPT_SELECT = `SELECT id::text AS id, received_at, key, consent_id, seq, client_ts, policy_version,
  policy_url, notice_hash, locale, choices, action, via, api_method, guardian, gpc, region, model, dropped,
  sdk_version, page, origin, ua_family, ua_device, ip_prefix::text AS ip_prefix FROM receipts AS t`;
const SHOWN_SELECT = `SELECT id::text AS id, received_at, key, client_ts, layer, policy_version, locale, region,
  model, sdk_version, page, origin, ua_family, ua_device FROM shown_events AS t`;

type Row = Record<string, unknown>;

const jurisdictionOf = (row: Row) =>
  row.model === null ? null : { region: row.region as string | null, model: row.model as 'opt-in' };

function toReceipt(row: Row): StoredReceipt {
  return {
    type: 'decision',
    v: 2,
    key: row.key as string,
    consentId: row.consent_id as string,
    seq: Number(row.seq),
    timestamp: iso(row.client_ts),
    policyVersion: row.policy_version as string,
    policyUrl: row.policy_url as string | null,
    noticeHash: row.notice_hash as string | null,
    locale: row.locale as string,
    choices: row.choices as Record<string, boolean>,
    action: row.action as Receipt['action'],
    via: row.via as Receipt['via'],
    ...(row.api_method === null ? {} : { apiMethod: row.api_method as Receipt['apiMethod'] }),
    guardian: row.guardian as boolean,
    gpc: row.gpc as boolean,
    jurisdiction: jurisdictionOf(row),
    ...(row.dropped === null ? {} : { dropped: Number(row.dropped) }),
    sdkVersion: row.sdk_version as string,
    page: row.page as string,
    id: row.id as string,
    receivedAt: iso(row.received_at),
    origin: row.origin as string | null,
    userAgent: { family: row.ua_family as string | null, device: row.ua_device as string | null },
    ipPrefix: row.ip_prefix as string | null,
  };
}

function toShown(row: Row): StoredShownEvent {
  return {
    type: 'shown',
    v: 2,
    key: row.key as string,
    timestamp: iso(row.client_ts),
    layer: row.layer as ShownEvent['layer'],
    policyVersion: row.policy_version as string,
    locale: row.locale as string,
    jurisdiction: jurisdictionOf(row),
    sdkVersion: row.sdk_version as string,
    page: row.page as string,
    id: row.id as string,
    receivedAt: iso(row.received_at),
    origin: row.origin as string | null,
    userAgent: { family: row.ua_family as string | null, device: row.ua_device as string | null },
  };
}

/** Every receipt of one consent id, in `seq` order (then arrival, should a seq repeat). */
export async function consentReceipts(db: Db, consentId: string): Promise<StoredReceipt[]> {
  const { rows } = await db.query<Row>(
    `${RECEIPT_SELECT} WHERE consent_id = $1 ORDER BY t.seq, t.received_at, t.id`,
    [consentId],
  );
  return rows.map(toReceipt);
}

/** A half-open range of arrival times, `[from, to)`. */
export interface TimeRange {
  from: Date;
  to: Date;
}

// The selects name the table `t`: a bare `id` in ORDER BY would be the output column, the text
// `id::text AS id`, which sorts "1000" before "999" and broke the keyset at page boundaries.
const PAGE = 1000;

/**
 * The decisions (or shown events) received in `range`, in arrival order, fetched a page at a
 * time by keyset (`received_at`, `id`): memory stays flat however long the range.
 */
export async function* exportItems(
  db: Db,
  range: TimeRange,
  type: 'decision' | 'shown' = 'decision',
  pageSize = PAGE,
): AsyncGenerator<StoredReceipt | StoredShownEvent> {
  const [select, convert] = type === 'decision' ? [RECEIPT_SELECT, toReceipt] : [SHOWN_SELECT, toShown];
  // Ids start at 1, so (from, 0) is just before the first row of the range.
  let after: [string, string] = [range.from.toISOString(), '0'];
  for (;;) {
    const { rows } = await db.query<Row>(
      `${select} WHERE (t.received_at, t.id) > ($1::timestamptz, $3::bigint) AND t.received_at < $2
        ORDER BY t.received_at, t.id LIMIT ${pageSize}`,
      [after[0], range.to.toISOString(), after[1]],
    );
    for (const row of rows) yield convert(row);
    if (rows.length < pageSize) return;
    const last = rows[rows.length - 1]!;
    after = [iso(last.received_at), last.id as string];
  }
}

/** One row of the statistics: a UTC day and a category. */
export interface StatsRow {
  day: string;
  category: string;
  /** Banners, notices and preference dialogs shown that day (the same for every category of the day). */
  shown: number;
  /** Decisions that day that left the category granted (resets excluded). */
  accepted: number;
  /** Decisions that day that left it denied (resets excluded). */
  rejected: number;
  /** Decisions that day with action `custom` (the visitor chose category by category). */
  customised: number;
  /** Decisions that day that denied it while the same consent id's previous receipt had granted it. */
  withdrawn: number;
}

// lag() needs each consent's receipt before the range too: the window runs over the full history
// (up to the range's end) of every consent id seen in the range, then keeps the range's rows.
const STATS = `
WITH ids AS (SELECT DISTINCT consent_id FROM receipts WHERE received_at >= $1 AND received_at < $2),
history AS (
  SELECT r.received_at, r.action, r.choices,
         lag(r.choices) OVER (PARTITION BY r.consent_id ORDER BY r.seq, r.received_at, r.id) AS previous
    FROM receipts r JOIN ids USING (consent_id)
   WHERE r.received_at < $2
)
SELECT to_char(date_trunc('day', h.received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, c.key AS category,
       count(*) FILTER (WHERE c.value = 'true'::jsonb AND h.action <> 'reset')::int AS accepted,
       count(*) FILTER (WHERE c.value = 'false'::jsonb AND h.action <> 'reset')::int AS rejected,
       count(*) FILTER (WHERE h.action = 'custom')::int AS customised,
       count(*) FILTER (WHERE c.value = 'false'::jsonb AND h.previous -> c.key = 'true'::jsonb)::int AS withdrawn
  FROM history h CROSS JOIN LATERAL jsonb_each(h.choices) AS c
 WHERE h.received_at >= $1
 GROUP BY 1, 2
 ORDER BY 1, 2`;

const SHOWN_PER_DAY = `
SELECT to_char(date_trunc('day', received_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::int AS shown
  FROM shown_events WHERE received_at >= $1 AND received_at < $2 GROUP BY 1`;

/** Per UTC day and category: shown, accepted, rejected, customised, withdrawn. */
export async function dailyStats(
  db: Db,
  range: TimeRange,
  categories: readonly string[],
): Promise<StatsRow[]> {
  const params = [range.from.toISOString(), range.to.toISOString()];
  const [decisions, shown] = await Promise.all([
    db.query<Omit<StatsRow, 'shown'>>(STATS, params),
    db.query<{ day: string; shown: number }>(SHOWN_PER_DAY, params),
  ]);
  const shownOn = new Map(shown.rows.map((r) => [r.day, r.shown]));
  const rows = new Map(
    decisions.rows.map((r) => [`${r.day} ${r.category}`, { ...r, shown: shownOn.get(r.day) ?? 0 }]),
  );
  // A day with banners shown but no decision still gets its rows, one per category.
  for (const [day, count] of shownOn)
    for (const category of categories)
      if (!rows.has(`${day} ${category}`))
        rows.set(`${day} ${category}`, {
          day,
          category,
          shown: count,
          accepted: 0,
          rejected: 0,
          customised: 0,
          withdrawn: 0,
        });
  return [...rows.values()]
    .map(({ day, category, shown, accepted, rejected, customised, withdrawn }) => ({
      day,
      category,
      shown,
      accepted,
      rejected,
      customised,
      withdrawn,
    }))
    .sort((a, b) => (a.day === b.day ? a.category.localeCompare(b.category) : a.day < b.day ? -1 : 1));
}
