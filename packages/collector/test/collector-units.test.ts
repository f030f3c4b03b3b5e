// The collector's pure parts, and what needs a database double: group commit, client info, site
// categories, the schema against the TypeScript contract, and errors that must not leak.
import {
  categoriesOfSiteConfig,
  createCollector,
  createGroupCommit,
  type Db,
  DEFAULT_CATEGORY_IDS,
  decisionSchema,
  openDatabase,
  shownSchema,
  truncateIp,
  userAgentFamily,
} from '@consentgate/collector';
import { DEFAULT_CATEGORY_IDS as BUILT_IN, type Receipt, type ShownEvent } from '@consentgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROME_UA, decision } from './fixtures';

describe('group commit', () => {
  it('sends the items of concurrent requests in one commit and answers each after it', async () => {
    const commits: string[][] = [];
    const group = createGroupCommit<string>({
      id: (item) => item,
      commit: async (items) => {
        commits.push(items);
        return new Set(items.filter((item) => !item.startsWith('old')));
      },
    });
    const answers = await Promise.all([
      group.submit(['a', 'b']),
      group.submit(['old-1']),
      group.submit(['c', 'a']),
    ]);
    expect(commits).toEqual([['a', 'b', 'old-1', 'c']]);
    expect(answers).toEqual([['stored', 'stored'], ['duplicate'], ['stored', 'duplicate']]);
  });

  it('keeps at most maxItems in one statement, and answers nothing before its commit resolves', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const commits: number[] = [];
    const group = createGroupCommit<number>({
      id: String,
      maxItems: 3,
      parallel: 1,
      commit: async (items) => {
        commits.push(items.length);
        await held;
        return new Set(items.map(String));
      },
    });
    let answered = 0;
    const all = [1, 2, 3, 4, 5].map((n) => group.submit([n]).then(() => answered++));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(answered).toBe(0);
    release();
    await Promise.all(all);
    expect(commits).toEqual([3, 2]);
  });

  it('a failing group is retried request by request: one bad request fails alone', async () => {
    const group = createGroupCommit<string>({
      id: (item) => item,
      commit: async (items) => {
        if (items.includes('bad')) throw new Error('constraint');
        return new Set(items);
      },
    });
    const [good, bad] = await Promise.allSettled([group.submit(['x']), group.submit(['bad'])]);
    expect(good).toEqual({ status: 'fulfilled', value: ['stored'] });
    expect(bad.status).toBe('rejected');
  });
});

describe('what is kept of the client', () => {
  it('truncates IPv4 to /24 and IPv6 to /48, IPv4-mapped as IPv4; nothing with mode none', () => {
    expect(truncateIp('203.0.113.77', 'truncate')).toBe('203.0.113.0/24');
    expect(truncateIp('::ffff:198.51.100.9', 'truncate')).toBe('198.51.100.0/24');
    expect(truncateIp('2001:db8:abcd:12:3456::1', 'truncate')).toBe('2001:db8:abcd::/48');
    expect(truncateIp('203.0.113.77', 'none')).toBeNull();
    expect(truncateIp('not an address', 'truncate')).toBeNull();
  });

  it('reduces a User-Agent to its family and kind of device', () => {
    expect(userAgentFamily(CHROME_UA)).toEqual({ family: 'Chrome', device: 'desktop' });
    expect(
      userAgentFamily(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toEqual({ family: 'Safari', device: 'mobile' });
    expect(userAgentFamily(undefined)).toEqual({ family: null, device: null });
    expect(userAgentFamily('curl/8.5.0')).toEqual({ family: null, device: null });
  });
});

describe('categories', () => {
  it('defaults to core’s built-in categories', () => {
    expect(DEFAULT_CATEGORY_IDS).toEqual(BUILT_IN);
  });

  it('reads a site config’s categories with core’s validator, and refuses a broken config naming the field', () => {
    expect(categoriesOfSiteConfig({ categories: { functional: { label: { en: 'Functional' } } } })).toEqual([
      ...BUILT_IN,
      'functional',
    ]);
    expect(() => categoriesOfSiteConfig({ categories: { 'Bad Id': {} } })).toThrow(
      /categories\.Bad Id: expected an id/,
    );
  });
});

describe('the schema is the contract of packages/core/src/receipt.ts', () => {
  // Typed with every optional field present: the compiler checks these are exactly the contract.
  const receipt: Required<Receipt> = { ...decision(), apiMethod: 'update', dropped: 0 };
  const event: Required<ShownEvent> = {
    type: 'shown',
    v: 2,
    key: 'k',
    timestamp: '2026-12-02T10:00:00.000Z',
    layer: 'banner',
    policyVersion: '1',
    locale: 'en',
    jurisdiction: null,
    sdkVersion: '0.1.0',
    page: 'https://example.com/',
  };
  it('names every field of Receipt and ShownEvent, and requires exactly the non-optional ones', () => {
    expect(Object.keys(decisionSchema.properties).sort()).toEqual(Object.keys(receipt).sort());
    expect(Object.keys(shownSchema.properties).sort()).toEqual(Object.keys(event).sort());
    expect([...decisionSchema.required].sort()).toEqual(
      Object.keys(receipt)
        .filter((key) => !['apiMethod', 'dropped'].includes(key))
        .sort(),
    );
    expect([...shownSchema.required].sort()).toEqual(Object.keys(event).sort());
  });
});

describe('errors never leak', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: 'memory://' });
  }, 120_000);
  afterAll(() => db?.close());

  it('a database failure answers 503 "send it again", without SQL, message or stack', async () => {
    // The same database, except that storing fails the way a lost connection would.
    const failing: Db = {
      ...db,
      query: (sql, params, name) =>
        sql.includes('jsonb_to_recordset')
          ? Promise.reject(new Error('connection lost while running INSERT INTO receipt_keys secret-detail'))
          : db.query(sql, params, name),
    };
    const collector = await createCollector({ db: failing, adminToken: null, maintenanceIntervalMs: 0 });
    try {
      const response = await collector.app.inject({
        method: 'POST',
        url: '/v1/receipts',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(decision()),
      });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual({
        error: 'Service Unavailable',
        message: 'not stored: the collector could not write to its database; send it again',
      });
      expect(response.body).not.toMatch(/secret-detail|INSERT|receipt_keys|\.ts:\d|\.js:\d/);
    } finally {
      await collector.close();
    }
  }, 60_000);

  it('groups concurrent requests into one statement on a real database', async () => {
    let statements = 0;
    const counting: Db = {
      ...db,
      query: (sql, params, name) => {
        if (sql.includes('jsonb_to_recordset')) statements++;
        return db.query(sql, params, name);
      },
    };
    const collector = await createCollector({ db: counting, adminToken: null, rateLimit: false });
    try {
      const answers = await Promise.all(
        Array.from({ length: 20 }, () =>
          collector.app.inject({
            method: 'POST',
            url: '/v1/receipts',
            headers: { 'content-type': 'application/json' },
            payload: JSON.stringify(decision()),
          }),
        ),
      );
      expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(201));
      expect(statements).toBeLessThanOrEqual(3);
    } finally {
      await collector.close();
    }
  }, 60_000);
});
