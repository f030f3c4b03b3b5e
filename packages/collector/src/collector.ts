// The collector: a Fastify app over one database. Public route: POST /v1/receipts (CORS for the
// site's origins, rate-limited per client). Admin routes behind a bearer token: the proof of one
// consent, the export and the statistics. See docs/collector.md.
import { STATUS_CODES } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Receipt, ShownEvent } from '@consentgate/core';
import bearerAuth from '@fastify/bearer-auth';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import { stringify } from 'csv-stringify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { type IpMode, truncateIp, userAgentFamily } from './client-info';
import { type Db, openDatabase } from './db';
import { createGroupCommit, type Outcome } from './group-commit';
import { migrate } from './migrations';
import { applyRetention, ensurePartitions, type RetentionResult } from './partitions';
import { bodySchema } from './receipt-schema';
import { DEFAULT_CATEGORY_IDS } from './site-categories';
import {
  consentReceipts,
  dailyStats,
  exportItems,
  type Incoming,
  identity,
  insertItems,
  type StoredReceipt,
  type StoredShownEvent,
  type TimeRange,
} from './store';
import { validationMessage } from './validation-message';

/** Options of {@link createCollector}. Every one has a default. */
export interface CollectorOptions {
  /** An open database to use (the collector does not close it). Else one is opened from the two below. */
  db?: Db;
  /** PostgreSQL URL. When absent, PGlite is used. */
  databaseUrl?: string;
  /** PGlite's data folder, or `'memory://'`. Default `.consentgate-collector`. */
  dataDir?: string;
  /** Browser origins allowed to post receipts and read the admin API (`'*'`: any). Default none. */
  origins?: readonly string[];
  /** Category ids a receipt may name. Default the built-in four. */
  categories?: readonly string[];
  /** Months of data kept. Default 24. */
  retentionMonths?: number;
  /** Store the client's network (`'truncate'`: IPv4 /24, IPv6 /48) or nothing (`'none'`). Default `'truncate'`. */
  ip?: IpMode;
  /** Bearer token of the admin routes. Default `process.env.CONSENTGATE_ADMIN_TOKEN`; `null`: admin routes off. */
  adminToken?: string | null;
  /** Requests per client per minute on each route; `false`: no limit. Default 600. */
  rateLimit?: number | false;
  /** Largest request body in bytes. Default 64 KiB (50 receipts take about 40 KiB). */
  bodyLimit?: number;
  /** Fastify's `trustProxy` (behind a load balancer, to read the client's address). Default false. */
  trustProxy?: boolean | string | string[];
  /**
   * Group commit: how long a request waits for others (ms, default 2), the most items in one
   * statement (500), and statements in flight at once (default: the pool size; 1 on PGlite).
   */
  groupCommit?: { windowMs?: number; maxItems?: number; parallel?: number };
  /** Fastify's `logger` (pino). Default false. */
  logger?: boolean | { level?: string };
  /** The clock `received_at` and the maintenance jobs read. Default `() => new Date()`. */
  now?: () => Date;
  /** Run partition upkeep and retention at start and then at this interval (ms); `0`: never. Default one day. */
  maintenanceIntervalMs?: number;
}

/** A running (or ready) collector. */
export interface Collector {
  /** The Fastify app: `app.inject()` in tests, or `start()` to listen. */
  app: FastifyInstance;
  db: Db;
  /** Listens on `host:port` (default 127.0.0.1, a free port) and resolves with the base URL. */
  start(options?: { port?: number; host?: string }): Promise<string>;
  /** Creates partitions ahead and applies retention now. */
  maintain(): Promise<{ createdPartitions: string[]; retention: RetentionResult }>;
  /** Stops listening, waits for receipts in flight to commit, closes the database it opened. */
  close(): Promise<void>;
}

type Item = Receipt | ShownEvent;

const json = (reply: FastifyReply, status: number, message: string) =>
  reply.code(status).send({ error: STATUS_CODES[status], message });

// ajv: no type coercion (a "true" string is not a boolean), no silent removal of unknown fields.
const AJV = {
  customOptions: {
    coerceTypes: false,
    removeAdditional: false,
    useDefaults: false,
    allErrors: false,
    allowUnionTypes: true,
    discriminator: true,
  },
};

/**
 * Opens (or takes) the database, migrates it, creates the month partitions, and builds the app.
 * Nothing listens until `start()`.
 */
export async function createCollector(options: CollectorOptions = {}): Promise<Collector> {
  const now = options.now ?? (() => new Date());
  const categories = new Set(options.categories ?? DEFAULT_CATEGORY_IDS);
  const origins = options.origins ?? [];
  const anyOrigin = origins.includes('*');
  const ipMode = options.ip ?? 'truncate';
  const retentionMonths = options.retentionMonths ?? 24;
  const adminToken =
    options.adminToken === undefined ? process.env.CONSENTGATE_ADMIN_TOKEN || null : options.adminToken;
  const limit = options.rateLimit ?? 600;
  const ownDb = !options.db;
  const db =
    options.db ??
    (await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir ?? '.consentgate-collector' }));

  try {
    await migrate(db);
    await ensurePartitions(db, { now: now() });
  } catch (error) {
    if (ownDb) await db.close().catch(() => {});
    throw error;
  }

  const groupCommit = createGroupCommit<Incoming>({
    commit: (items) => insertItems(db, items),
    id: (incoming) => identity(incoming.item),
    windowMs: options.groupCommit?.windowMs,
    maxItems: options.groupCommit?.maxItems,
    parallel: Math.min(options.groupCommit?.parallel ?? db.parallelism, db.parallelism),
  });

  const app = Fastify({
    bodyLimit: options.bodyLimit ?? 64 * 1024,
    trustProxy: options.trustProxy ?? false,
    ajv: AJV,
    logger:
      options.logger === undefined || options.logger === false
        ? false
        : {
            ...(options.logger === true ? {} : options.logger),
            // The raw IP address is not written to logs either (docs/collector.md, "Privacy").
            serializers: { req: (req: FastifyRequest) => ({ method: req.method, url: req.url }) },
          },
  });

  // Refuse, with a reason, what a browser on another origin sends (CORS alone only hides the answer).
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin && !anyOrigin && !origins.includes(origin))
      return json(
        reply,
        403,
        `origin ${origin} is not allowed: start the collector with --origins ${origin} (now: ${origins.join(', ') || 'none'})`,
      );
  });
  await app.register(cors, {
    origin: anyOrigin ? true : [...origins],
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
  await app.register(rateLimit, { global: false });
  const perClient = limit === false ? {} : { rateLimit: { max: limit, timeWindow: 60_000 } };

  app.setErrorHandler(
    (error: Error & { statusCode?: number; code?: string; validation?: unknown[] }, request, reply) => {
      if (error.validation) {
        const message = validationMessage(
          (error as { validationContext?: string }).validationContext ?? 'body',
          error.validation as never,
        );
        return json(reply, 400, looksLikeV1(request.body) ? `${message} (${V1_HINT})` : message);
      }
      const status = error.statusCode ?? 500;
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        return json(
          reply,
          413,
          `request body over ${app.initialConfig.bodyLimit} bytes: send fewer receipts per request`,
        );
      if (status >= 500) {
        request.log.error({ err: error }, 'request failed');
        // Never the error itself: it may hold SQL or a stack.
        return json(reply, 503, 'not stored: the collector could not write to its database; send it again');
      }
      return json(reply, status, error.message);
    },
  );
  app.setNotFoundHandler((request, reply) =>
    json(reply, 404, `no route ${request.method} ${request.url.split('?')[0]}`),
  );

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.query('SELECT 1');
      return { ok: true, database: db.kind };
    } catch {
      return json(reply, 503, 'the database does not answer');
    }
  });

  app.post<{ Body: Item | Item[] }>(
    '/v1/receipts',
    { schema: { body: bodySchema }, config: perClient },
    async (request, reply) => {
      const many = Array.isArray(request.body);
      const items = many ? (request.body as Item[]) : [request.body as Item];
      for (const [index, item] of items.entries()) {
        const problem = checkItem(item, categories);
        if (problem) return json(reply, 400, `${many ? `body[${index}]` : 'body'}${problem}`);
      }
      const ua = userAgentFamily(request.headers['user-agent']);
      const client = {
        receivedAt: now(),
        origin: request.headers.origin ?? null,
        uaFamily: ua.family,
        uaDevice: ua.device,
        ipPrefix: truncateIp(request.ip, ipMode),
      };
      // Answered only once the statement holding these receipts has committed.
      const outcomes: Outcome[] = await groupCommit.submit(items.map((item) => ({ item, client })));
      const stored = outcomes.filter((o) => o === 'stored').length;
      return reply.code(stored ? 201 : 200).send({ stored, duplicates: outcomes.length - stored });
    },
  );

  await app.register(async (admin) => {
    if (adminToken)
      await admin.register(bearerAuth, {
        keys: [adminToken],
        verifyErrorLogLevel: 'warn',
        errorResponse: (error) =>
          ({
            error: 'Unauthorized',
            message: `${error.message}: send "Authorization: Bearer <token>" with the collector's CONSENTGATE_ADMIN_TOKEN`,
          }) as { error: string },
      });
    else
      admin.addHook('onRequest', async (_request, reply) =>
        json(
          reply,
          503,
          'admin routes are off: set CONSENTGATE_ADMIN_TOKEN to a long random secret in the environment of the collector and restart it',
        ),
      );

    admin.get<{ Params: { id: string } }>(
      '/v1/consents/:id',
      {
        config: perClient,
        schema: {
          params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } } },
        },
      },
      async (request, reply) => {
        const receipts: StoredReceipt[] = await consentReceipts(db, request.params.id);
        if (!receipts.length) return json(reply, 404, `no receipt of consent id ${request.params.id}`);
        return { consentId: request.params.id, receipts };
      },
    );

    admin.get<{ Querystring: RangeQuery & { format?: 'ndjson' | 'csv'; type?: 'decision' | 'shown' } }>(
      '/v1/export',
      {
        config: perClient,
        schema: {
          querystring: {
            type: 'object',
            additionalProperties: false,
            properties: {
              ...RANGE_PROPERTIES,
              format: { enum: ['ndjson', 'csv'] },
              type: { enum: ['decision', 'shown'] },
            },
          },
        },
      },
      async (request, reply) => {
        const range = parseRange(request.query, now());
        if (typeof range === 'string') return json(reply, 400, range);
        const type = request.query.type ?? 'decision';
        const rows = exportItems(db, range, type);
        const name = `consentgate-${type}s-${request.query.from ?? 'start'}-${request.query.to ?? 'now'}`;
        if (request.query.format === 'csv') {
          const csv = stringify({
            header: true,
            columns: csvColumns(type, [...categories]),
            cast: { boolean: (value) => String(value) },
          });
          pipeline(Readable.from(csvRecords(rows, [...categories])), csv).catch((error) =>
            request.log.error({ err: error }, 'export failed'),
          );
          return reply
            .type('text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${name}.csv"`)
            .send(csv);
        }
        return reply
          .type('application/x-ndjson; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.ndjson"`)
          .send(Readable.from(ndjson(rows)));
      },
    );

    admin.get<{ Querystring: RangeQuery }>(
      '/v1/stats',
      {
        config: perClient,
        schema: {
          querystring: { type: 'object', additionalProperties: false, properties: RANGE_PROPERTIES },
        },
      },
      async (request, reply) => {
        const range = parseRange(request.query, now());
        if (typeof range === 'string') return json(reply, 400, range);
        const rows = await dailyStats(db, range, [...categories]);
        return {
          from: range.from.toISOString(),
          to: range.to.toISOString(),
          categories: [...categories],
          rows,
        };
      },
    );
  });

  const maintain = async () => {
    const createdPartitions = await ensurePartitions(db, { now: now() });
    const retention = await applyRetention(db, { months: retentionMonths, now: now() });
    return { createdPartitions, retention };
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const every = options.maintenanceIntervalMs ?? 24 * 60 * 60 * 1000;
  const upkeep = () =>
    maintain().then(
      (done) => app.log.info(done, 'maintenance'),
      (error) => app.log.error({ err: error }, 'maintenance failed'),
    );

  let closed = false;
  return {
    app,
    db,
    async start({ port = 0, host = '127.0.0.1' } = {}) {
      const url = await app.listen({ port, host });
      if (every > 0) {
        void upkeep();
        timer = setInterval(upkeep, every);
        timer.unref();
      }
      return url;
    },
    maintain,
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(timer);
      await app.close();
      await groupCommit.drain();
      if (ownDb) await db.close();
    },
  };
}

/** Checks what the schema cannot; returns `.field: problem`, or `undefined` when the item is fine. */
function checkItem(item: Item, categories: Set<string>): string | undefined {
  // PostgreSQL's jsonb and text cannot hold U+0000.
  for (const [field, value] of Object.entries(item))
    if (typeof value === 'string' && value.includes('\u0000')) return `.${field}: contains a NUL character`;
  if (Date.parse(item.timestamp) < Date.UTC(1970, 0, 1)) return '.timestamp: expected a date-time after 1970';
  if (item.type === 'shown') return undefined;
  if (item.key !== `${item.consentId}:${item.seq}`)
    return `.key: expected "${item.consentId}:${item.seq}" (consentId:seq), got ${JSON.stringify(item.key)}`;
  const unknown = Object.keys(item.choices).filter((id) => !categories.has(id));
  if (unknown.length)
    return `.choices: unknown categor${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((id) => `"${id}"`).join(', ')} (this collector knows ${[...categories].join(', ')})`;
  return undefined;
}

const V1_HINT =
  'this looks like a receipt of format v1; the collector accepts format v2 (type, v, key, consentId, seq, …), see docs/collector.md';

// The gate's first receipts had `receiptId` and `recordId` and no `type`.
function looksLikeV1(body: unknown): boolean {
  const first = Array.isArray(body) ? body[0] : body;
  return typeof first === 'object' && first !== null && 'receiptId' in first && !('type' in first);
}

interface RangeQuery {
  from?: string;
  to?: string;
}

const DATE = '^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2}))?$';
const RANGE_PROPERTIES = {
  from: { type: 'string', pattern: DATE },
  to: { type: 'string', pattern: DATE },
};

/**
 * `from` (inclusive) and `to` as ISO dates or date-times; a plain-date `to` includes that whole
 * UTC day. Defaults: the 30 days up to now.
 */
function parseRange(query: RangeQuery, now: Date): TimeRange | string {
  const day = 24 * 60 * 60 * 1000;
  const parse = (value: string, end: boolean) => {
    const plain = value.length === 10;
    const time = Date.parse(plain ? `${value}T00:00:00Z` : value);
    return plain && end ? time + day : time;
  };
  const to = query.to ? parse(query.to, true) : now.getTime();
  const from = query.from ? parse(query.from, false) : to - 30 * day;
  if (!Number.isFinite(from)) return `querystring.from: not a date (${query.from})`;
  if (!Number.isFinite(to)) return `querystring.to: not a date (${query.to})`;
  if (from > to) return 'querystring.from: after querystring.to';
  return { from: new Date(from), to: new Date(to) };
}

async function* ndjson(rows: AsyncIterable<unknown>) {
  for await (const row of rows) yield `${JSON.stringify(row)}\n`;
}

const DECISION_CSV = [
  'id',
  'receivedAt',
  'key',
  'consentId',
  'seq',
  'timestamp',
  'action',
  'via',
  'apiMethod',
  'policyVersion',
  'policyUrl',
  'noticeHash',
  'locale',
  'guardian',
  'gpc',
  'region',
  'model',
  'dropped',
  'sdkVersion',
  'page',
  'origin',
  'uaFamily',
  'uaDevice',
  'ipPrefix',
];
const SHOWN_CSV = [
  'id',
  'receivedAt',
  'key',
  'timestamp',
  'layer',
  'policyVersion',
  'locale',
  'region',
  'model',
  'sdkVersion',
  'page',
  'origin',
  'uaFamily',
  'uaDevice',
];

function csvColumns(type: 'decision' | 'shown', categories: string[]): string[] {
  return type === 'shown'
    ? SHOWN_CSV
    : [...DECISION_CSV, ...categories.map((id) => `choices.${id}`), 'choices'];
}

// Flat rows for a spreadsheet: one column per known category, and the full choices as JSON.
async function* csvRecords(rows: AsyncIterable<StoredReceipt | StoredShownEvent>, categories: string[]) {
  for await (const row of rows) {
    const { jurisdiction, userAgent, ...rest } = row;
    const record: Record<string, unknown> = {
      ...rest,
      region: jurisdiction?.region ?? null,
      model: jurisdiction?.model ?? null,
      uaFamily: userAgent.family,
      uaDevice: userAgent.device,
    };
    if (row.type === 'decision') {
      for (const id of categories) record[`choices.${id}`] = row.choices[id];
      record.choices = JSON.stringify(row.choices);
    }
    yield record;
  }
}
