// The collector's behaviours, one suite run against PGlite (collector-pglite.test.ts) and against
// a real PostgreSQL server (collector-postgres.test.ts): every route, the bad-input corpus,
// idempotency, partitions and retention.
import {
  applyRetention,
  type Collector,
  createCollector,
  type Db,
  ensurePartitions,
  exportItems,
  partitionName,
} from '@consentgate/collector';
import type { Receipt } from '@consentgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_UA, decision, newConsentId, SITE, shown, TOKEN } from './fixtures';

const admin = { authorization: `Bearer ${TOKEN}` };

/** Registers the suite; `open` gives a fresh, empty database, `close` disposes of it. */
export function collectorBehaviours(open: () => Promise<Db>, close: (db: Db) => Promise<void>) {
  let db: Db;
  let collector: Collector;
  let clock: Date | undefined;
  const now = () => clock ?? new Date();

  beforeAll(async () => {
    db = await open();
    collector = await createCollector({ db, origins: [SITE], adminToken: TOKEN, rateLimit: false, now });
  }, 120_000);
  afterAll(async () => {
    await collector?.close();
    if (db) await close(db);
  }, 60_000);

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    collector.app.inject({
      method: 'POST',
      url: '/v1/receipts',
      headers: { 'content-type': 'application/json', ...headers },
      payload: typeof body === 'string' ? body : JSON.stringify(body),
      remoteAddress: '203.0.113.77',
    });
  const get = (url: string, headers: Record<string, string> = admin) =>
    collector.app.inject({ method: 'GET', url, headers });
  const count = async (sql: string, params: unknown[] = []) =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
  const stored = (consentId: string) => count('receipts WHERE consent_id = $1', [consentId]);

  // Generous: a loaded 2-core machine can take seconds per request on PGlite.
  describe('POST /v1/receipts', { timeout: 60_000 }, () => {
    it('stores a receipt with what the server adds: 201, then the proof lists it', async () => {
      const receipt = decision({ apiMethod: undefined, dropped: 2 });
      const response = await post(receipt, { origin: SITE, 'user-agent': CHROME_UA });
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ stored: 1, duplicates: 0 });
      expect(response.headers['access-control-allow-origin']).toBe(SITE);

      const proof = await get(`/v1/consents/${receipt.consentId}`);
      expect(proof.statusCode).toBe(200);
      const [row] = proof.json().receipts;
      const { apiMethod: _, ...sent } = receipt;
      expect(row).toMatchObject(sent);
      expect(row).toMatchObject({
        origin: SITE,
        userAgent: { family: 'Chrome', device: 'desktop' },
        ipPrefix: '203.0.113.0/24',
      });
      expect(row.id).toMatch(/^\d+$/);
      expect(Date.parse(row.receivedAt)).toBeGreaterThan(Date.now() - 600_000);
    });

    it('never stores the raw IP address or the User-Agent string', async () => {
      const receipt = decision();
      await post(receipt, { 'user-agent': CHROME_UA });
      const { rows } = await db.query<{ row: string }>(
        'SELECT r::text AS row FROM receipts r WHERE consent_id = $1',
        [receipt.consentId],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.row).not.toContain('203.0.113.77');
      expect(rows[0]!.row).not.toContain('AppleWebKit');
    });

    it('is idempotent on the key: a replay answers 200 and stores nothing twice', async () => {
      const receipt = decision();
      expect((await post(receipt)).statusCode).toBe(201);
      const replay = await post(receipt);
      expect(replay.statusCode).toBe(200);
      expect(replay.json()).toEqual({ stored: 0, duplicates: 1 });
      // The same key twice in one array, and ten concurrent replays: still one row, one key.
      const twice = await post([receipt, receipt]);
      expect(twice.json()).toEqual({ stored: 0, duplicates: 2 });
      const fresh = decision();
      const inOne = await post([fresh, fresh]);
      expect(inOne.json()).toEqual({ stored: 1, duplicates: 1 });
      const racer = decision();
      const answers = await Promise.all(Array.from({ length: 10 }, () => post(racer)));
      expect(answers.map((a) => a.statusCode).sort()).toEqual([
        200, 200, 200, 200, 200, 200, 200, 200, 200, 201,
      ]);
      for (const id of [receipt.consentId, fresh.consentId, racer.consentId])
        expect(await stored(id)).toBe(1);
      expect(await count("receipt_keys WHERE type = 'decision' AND key = $1", [racer.key])).toBe(1);
    });

    it('takes an array of up to 50 decisions and shown events', async () => {
      const consentId = newConsentId();
      const items = [
        ...Array.from({ length: 40 }, (_, i) => decision({ consentId, seq: i + 1 })),
        ...Array.from({ length: 10 }, () => shown({ page: `https://example.com/${consentId}` })),
      ];
      const response = await post(items);
      expect(response.statusCode).toBe(201);
      expect(response.json()).toEqual({ stored: 50, duplicates: 0 });
      expect(await stored(consentId)).toBe(40);
      expect(await count('shown_events WHERE page = $1', [`https://example.com/${consentId}`])).toBe(10);
    });

    // Each bad request: its status, a message that names the field, and nothing stored.
    const corpus: [string, (r: Receipt) => unknown, number, string | RegExp][] = [
      ['malformed JSON', () => '{"type": "decision",', 400, /not valid JSON/],
      [
        'a wrong type',
        (r) => ({ ...r, choices: { ...r.choices, analytics: 'yes' } }),
        400,
        'body.choices.analytics: expected boolean',
      ],
      ['a number as a string', (r) => ({ ...r, seq: '1' }), 400, 'body.seq: expected integer'],
      ['a missing field', ({ consentId: _, ...r }) => r, 400, 'body.consentId: required'],
      ['an unknown field', (r) => ({ ...r, ip: '1.2.3.4' }), 400, 'body.ip: unknown field'],
      ['a bad enum', (r) => ({ ...r, via: 'magic' }), 400, /^body\.via: expected one of "banner"/],
      ['another format version', (r) => ({ ...r, v: 1 }), 400, 'body.v: expected 2'],
      ['no type', ({ type: _, ...r }) => r, 400, 'body.type: required'],
      [
        'a v1 receipt',
        (r) => ({ receiptId: r.key, recordId: r.consentId, choices: r.choices }),
        400,
        /body\.type: required \(this looks like a receipt of format v1/,
      ],
      [
        'a bad date',
        (r) => ({ ...r, timestamp: 'yesterday' }),
        400,
        /^body\.timestamp: expected an ISO 8601 date-time/,
      ],
      [
        'a key that is not consentId:seq',
        (r) => ({ ...r, key: 'other' }),
        400,
        /^body\.key: expected "c-[^"]+:1"/,
      ],
      [
        'a NUL character',
        (r) => ({ ...r, locale: 'en\u0000' }),
        400,
        'body.locale: contains a NUL character',
      ],
      [
        'unknown categories',
        (r) => ({ ...r, choices: { ...r.choices, foo: true, bar: false } }),
        400,
        'body.choices: unknown categories "foo", "bar" (this collector knows necessary, analytics, advertising, pixels)',
      ],
      [
        'a bad item inside an array',
        (r) => [decision(), { ...r, seq: 0 }],
        400,
        'body[1].seq: expected a number >= 1',
      ],
      [
        'an unknown category inside an array',
        (r) => [decision(), { ...r, choices: { zzz: true } }],
        400,
        /^body\[1\]\.choices: unknown category "zzz"/,
      ],
      [
        'an array over 50',
        (r) => Array.from({ length: 51 }, (_, i) => ({ ...r, seq: i + 1, key: `${r.consentId}:${i + 1}` })),
        400,
        'body: expected at most 50 receipts in one request',
      ],
      ['an empty array', () => [], 400, 'body: expected at least 1 receipt'],
      ['a number for a body', () => 42, 400, 'body: expected a receipt object or an array of up to 50'],
      [
        'an oversize body',
        (r) => ({ ...r, page: `https://example.com/${'x'.repeat(70_000)}` }),
        413,
        /^request body over 65536 bytes/,
      ],
    ];
    it.each(corpus)(
      'refuses %s with a clear message, storing nothing',
      async (_name, make, status, message) => {
        const receipt = decision();
        const response = await post(make(receipt));
        expect(response.statusCode).toBe(status);
        expect(response.json().message).toMatch(
          typeof message === 'string' ? new RegExp(`^${escapeRegExp(message)}$`) : message,
        );
        expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
        expect(await stored(receipt.consentId)).toBe(0);
      },
    );

    it('refuses a body that is not JSON (415)', async () => {
      const response = await post('type=decision', { 'content-type': 'application/x-www-form-urlencoded' });
      expect(response.statusCode).toBe(415);
    });

    it('refuses a disallowed origin (403, naming it), and answers a preflight of an allowed one', async () => {
      const receipt = decision();
      const refused = await post(receipt, { origin: 'https://evil.example' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toMatch(/^origin https:\/\/evil\.example is not allowed/);
      expect(refused.headers['access-control-allow-origin']).toBeUndefined();
      expect(await stored(receipt.consentId)).toBe(0);

      const preflight = await collector.app.inject({
        method: 'OPTIONS',
        url: '/v1/receipts',
        headers: {
          origin: SITE,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-origin']).toBe(SITE);
    });

    it('limits requests per client (429)', async () => {
      const limited = await createCollector({ db, origins: [SITE], adminToken: TOKEN, rateLimit: 3 });
      try {
        const send = (ip: string) =>
          limited.app.inject({
            method: 'POST',
            url: '/v1/receipts',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(decision()),
            remoteAddress: ip,
          });
        for (let i = 0; i < 3; i++) expect((await send('198.51.100.1')).statusCode).toBe(201);
        const over = await send('198.51.100.1');
        expect(over.statusCode).toBe(429);
        expect(over.json().message).toMatch(/rate limit/i);
        // Another client is not held back by the first.
        expect((await send('198.51.100.2')).statusCode).toBe(201);
      } finally {
        await limited.close();
      }
    });
  });

  describe('admin routes', { timeout: 60_000 }, () => {
    it('answer 401 without the token or with a wrong one', async () => {
      const attempts: Record<string, string>[] = [
        {},
        { authorization: 'Bearer wrong' },
        { authorization: TOKEN },
      ];
      for (const headers of attempts) {
        const response = await get('/v1/stats', headers);
        expect(response.statusCode).toBe(401);
        expect(response.json().message).toMatch(/Authorization: Bearer/);
      }
      const ok = await get('/v1/stats');
      expect(ok.statusCode).toBe(200);
    });

    it('answer 503, saying how to turn them on, when no token is configured', async () => {
      const off = await createCollector({ db, adminToken: null });
      try {
        for (const url of ['/v1/consents/x', '/v1/export', '/v1/stats']) {
          const response = await off.app.inject({ method: 'GET', url, headers: admin });
          expect(response.statusCode).toBe(503);
          expect(response.json().message).toMatch(/set CONSENTGATE_ADMIN_TOKEN/);
        }
      } finally {
        await off.close();
      }
    });

    it('GET /v1/consents/:id: every receipt of one consent id in seq order; 404 for an unknown one', async () => {
      const consentId = newConsentId();
      await post([decision({ consentId, seq: 3, action: 'reject-all' }), decision({ consentId, seq: 1 })]);
      await post(decision({ consentId, seq: 2, action: 'accept-all' }));
      const proof = await get(`/v1/consents/${consentId}`);
      expect(proof.json().receipts.map((r: Receipt) => [r.seq, r.action])).toEqual([
        [1, 'custom'],
        [2, 'accept-all'],
        [3, 'reject-all'],
      ]);
      const unknown = await get(`/v1/consents/${newConsentId()}`);
      expect(unknown.statusCode).toBe(404);
    });

    it('GET /v1/export streams a date range as NDJSON or CSV', async () => {
      const consentId = newConsentId('export');
      clock = new Date('2026-03-10T12:00:00Z');
      await post([decision({ consentId, seq: 1 }), decision({ consentId, seq: 2 })]);
      clock = new Date('2026-03-12T12:00:00Z');
      await post(decision({ consentId, seq: 3, choices: { necessary: true, analytics: false } }));
      clock = undefined;

      const lines = async (query: string) => {
        const response = await get(`/v1/export?${query}`);
        expect(response.statusCode).toBe(200);
        return response.body.split('\n').filter((line) => line.includes(consentId));
      };
      const all = await lines('from=2026-03-10&to=2026-03-12');
      expect(all.map((line) => JSON.parse(line).seq)).toEqual([1, 2, 3]);
      expect(await lines('from=2026-03-11&to=2026-03-12')).toHaveLength(1);
      expect(await lines('from=2026-03-10&to=2026-03-10')).toHaveLength(2);

      const csv = await get('/v1/export?from=2026-03-12&to=2026-03-12&format=csv');
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      const [header, ...rows] = csv.body.trim().split('\n');
      expect(header).toMatch(/^id,receivedAt,key,consentId,seq,timestamp,action,via,/);
      expect(header).toContain('choices.analytics');
      const row = rows.find((r) => r.includes(consentId))!;
      expect(row).toContain(`${consentId}:3`);
      expect(row).toContain(',false,');

      const bad = await get('/v1/export?from=last-week');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().message).toMatch(/^querystring\.from: expected a string matching/);
    });

    it('exports every row once across pages, also when rows share an arrival time and ids change digit count', async () => {
      // Ids 99999995…100000006 arrive in the same millisecond: sorted as text, "100000000" < "99999995".
      await db.query("SELECT setval('receipts_id_seq', 99999994)");
      const consentId = newConsentId('pages');
      clock = new Date('2024-08-08T08:08:08.008Z');
      await post(Array.from({ length: 12 }, (_, i) => decision({ consentId, seq: i + 1 })));
      clock = undefined;
      const range = { from: new Date('2024-08-08T00:00:00Z'), to: new Date('2024-08-09T00:00:00Z') };
      const ids: string[] = [];
      for await (const row of exportItems(db, range, 'decision', 5))
        if (row.type === 'decision' && row.consentId === consentId) ids.push(row.id);
      expect(ids).toHaveLength(12);
      expect(new Set(ids).size).toBe(12);
      expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
    });

    it('GET /v1/stats: per day and category, shown / accepted / rejected / customised / withdrawn', async () => {
      const [a, b] = [newConsentId(), newConsentId()];
      // Day 1: a accepts all; b customises (analytics on). Day 2: a withdraws analytics; b rejects all.
      clock = new Date('2025-06-01T08:00:00Z');
      const all = { necessary: true, analytics: true, advertising: true, pixels: true };
      const none = { necessary: true, analytics: false, advertising: false, pixels: false };
      await post([shown(), shown(), shown()]);
      await post([
        decision({ consentId: a, seq: 1, action: 'accept-all', choices: all }),
        decision({ consentId: b, seq: 1, action: 'custom', choices: { ...none, analytics: true } }),
      ]);
      clock = new Date('2025-06-02T08:00:00Z');
      await post(shown());
      await post([
        decision({ consentId: a, seq: 2, action: 'custom', choices: { ...all, analytics: false } }),
        decision({ consentId: b, seq: 2, action: 'reject-all', choices: none }),
      ]);
      clock = undefined;

      // Asked for day 2 alone: the lag() still sees day 1's receipts.
      const day2 = (await get('/v1/stats?from=2025-06-02&to=2025-06-02')).json();
      const on = (rows: { day: string; category: string }[], day: string, category: string) =>
        rows.find((r) => r.day === day && r.category === category);
      expect(on(day2.rows, '2025-06-02', 'analytics')).toEqual({
        day: '2025-06-02',
        category: 'analytics',
        shown: 1,
        accepted: 0,
        rejected: 2,
        customised: 1,
        withdrawn: 2,
      });
      expect(on(day2.rows, '2025-06-02', 'advertising')).toMatchObject({
        accepted: 1,
        rejected: 1,
        withdrawn: 0,
      });
      const both = (await get('/v1/stats?from=2025-06-01&to=2025-06-02')).json();
      expect(on(both.rows, '2025-06-01', 'analytics')).toEqual({
        day: '2025-06-01',
        category: 'analytics',
        shown: 3,
        accepted: 2,
        rejected: 0,
        customised: 1,
        withdrawn: 0,
      });
      expect(both.rows.filter((r: { day: string }) => r.day === '2025-06-01')).toHaveLength(4);
    });

    it('GET /healthz answers 200 with the database kind', async () => {
      const response = await get('/healthz', {});
      expect(response.json()).toEqual({ ok: true, database: db.kind });
    });
  });

  describe('partitions and retention', { timeout: 60_000 }, () => {
    const partitionOf = async (consentId: string) =>
      (
        await db.query<{ part: string }>(
          'SELECT tableoid::regclass::text AS part FROM receipts WHERE consent_id = $1',
          [consentId],
        )
      ).rows.map((r) => r.part);

    it('puts each receipt in the partition of the month it arrived, and keeps this month and 3 ahead', async () => {
      const consentId = newConsentId();
      await post(decision({ consentId }));
      expect(await partitionOf(consentId)).toEqual([partitionName('receipts', monthStartUtc(new Date()))]);
      const ahead = monthStartUtc(new Date(), 3);
      expect(await count('pg_class WHERE relname = $1', [partitionName('receipts', ahead)])).toBe(1);
      expect(await count('pg_class WHERE relname = $1', [partitionName('shown_events', ahead)])).toBe(1);
    });

    it('keeps a receipt of a month with no partition in DEFAULT, then moves it to its month partition', async () => {
      const consentId = newConsentId();
      clock = new Date('2019-05-20T10:00:00Z');
      expect((await post(decision({ consentId }))).statusCode).toBe(201);
      clock = undefined;
      expect(await partitionOf(consentId)).toEqual(['receipts_default']);
      const created = await ensurePartitions(db, { now: new Date() });
      expect(created).toContain('receipts_p2019_05');
      expect(await partitionOf(consentId)).toEqual(['receipts_p2019_05']);
    });

    it('is append-only: UPDATE and DELETE are refused outside retention', async () => {
      const consentId = newConsentId();
      await post(decision({ consentId }));
      await expect(
        db.query('UPDATE receipts SET locale = $1 WHERE consent_id = $2', ['fr', consentId]),
      ).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM receipts WHERE consent_id = $1', [consentId])).rejects.toThrow(
        /append-only/,
      );
      await expect(
        db.query("UPDATE receipt_keys SET key = 'x' WHERE key = $1", [`${consentId}:1`]),
      ).rejects.toThrow(/append-only/);
      expect(await stored(consentId)).toBe(1);
    });

    it('retention drops whole old month partitions and old rows of DEFAULT; a replay after it is stored anew', async () => {
      const old = newConsentId();
      const recent = newConsentId();
      clock = new Date('2018-02-10T10:00:00Z');
      await post(decision({ consentId: old }));
      await ensurePartitions(db, { now: new Date() }); // moves it into receipts_p2018_02
      clock = new Date('2018-03-10T10:00:00Z');
      await post(decision({ consentId: old, seq: 2 })); // stays in DEFAULT
      clock = undefined;
      await post(decision({ consentId: recent }));
      expect(await partitionOf(old)).toEqual(['receipts_p2018_02', 'receipts_default']);

      const result = await applyRetention(db, { months: 24 });
      expect(result.droppedPartitions).toContain('receipts_p2018_02');
      expect(result.deletedRows).toBeGreaterThanOrEqual(1);
      expect(await count('pg_class WHERE relname = $1', ['receipts_p2018_02'])).toBe(0);
      expect(await stored(old)).toBe(0);
      expect(await stored(recent)).toBe(1);
      expect(await count('receipt_keys WHERE key LIKE $1', [`${old}:%`])).toBe(0);
      // Its key went with it: the same receipt sent again now is a new arrival.
      expect((await post(decision({ consentId: old }))).statusCode).toBe(201);
    });
  });
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const monthStartUtc = (d: Date, add = 0) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + add, 1));
