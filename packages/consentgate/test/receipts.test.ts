import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createConsentManager,
  createIdbStore,
  encodeConsentCookie,
  type KeyValueStore,
  type ManagerOptions,
} from '@consentgate/core';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { installReceipts, type Receipt, receiptTexts } from '../src/receipts';
import { SDK_VERSION } from '../src/version';

const T = Date.UTC(2026, 10, 23, 12);
const ENDPOINT = 'https://example.com/consent/receipts';
const config = {
  policyVersion: '2026-11',
  receipts: { endpoint: ENDPOINT },
  policyChanges: { en: 'New analytics provider.', 'zh-CN': '更换了分析服务商。' },
  translations: { en: { acceptAll: 'OK, all', rejectAll: 'No thanks' } },
  categories: {
    cross_border: {
      separate: true,
      label: 'Transfer abroad',
      recipient: { name: 'Example Cloud', contact: 'dpo@example.cn', dataTypes: 'orders' },
    },
  },
};

interface Post {
  url: string;
  init: RequestInit;
  body: Receipt;
}
let posts: Post[];
let answer: (post: Post) => Promise<Response>;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  posts = [];
  answer = () => Promise.resolve(new Response(null, { status: 204 }));
  vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
    const post = { url, init, body: JSON.parse(String(init.body)) };
    posts.push(post);
    return answer(post);
  });
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function load(options: ManagerOptions = {}, store?: KeyValueStore | null) {
  const manager = createConsentManager(config, {
    now: () => T,
    cookies: { get: () => '', set: () => {} },
    store: false,
    channel: false,
    locale: 'en-GB',
    gpc: false,
    ...options,
  });
  const cleanup = installReceipts(manager, {
    endpoint: ENDPOINT,
    locale: 'en',
    page: 'https://example.com/shop',
    store,
  });
  return { manager, cleanup };
}
const queue = () => createIdbStore('consentgate-receipts', 'queue')!;
// Lets IndexedDB, the digest and the fake fetch settle.
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('a decision', () => {
  test('is POSTed once, as the documented JSON, with keepalive, and leaves the queue empty', async () => {
    const { manager } = load();
    const record = (await manager.acceptAll()).record!;
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    const [{ url, init, body }] = posts;
    expect(url).toBe(ENDPOINT);
    expect(init).toMatchObject({
      method: 'POST',
      keepalive: true,
      headers: { 'content-type': 'application/json' },
    });
    expect(body).toEqual({
      receiptId: expect.stringMatching(/^[0-9a-f]{32}$/),
      recordId: record.id,
      timestamp: '2026-11-23T12:00:00.000Z',
      policyVersion: '2026-11',
      choices: { necessary: true, analytics: true, advertising: true, pixels: true, cross_border: false },
      method: 'accept-all',
      locale: 'en',
      textsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      sdkVersion: SDK_VERSION,
      page: 'https://example.com/shop',
    });
    await vi.waitFor(async () => expect(await queue().entries()).toEqual([]));
  });

  test('each decision gets its own receipt; the same consent id', async () => {
    const { manager } = load();
    await manager.acceptAll();
    await manager.update({ advertising: false }, 'preferences');
    await manager.rejectAll();
    await vi.waitFor(() => expect(posts).toHaveLength(3));
    const bodies = posts.map((post) => post.body);
    expect(new Set(bodies.map((body) => body.receiptId)).size).toBe(3);
    expect(new Set(bodies.map((body) => body.recordId)).size).toBe(1);
    expect(bodies.map((body) => body.method).sort()).toEqual(['accept-all', 'preferences', 'reject-all']);
  });

  test('the start-up announcement of a stored consent is no decision: no receipt', async () => {
    const cookie = `cg_consent=${encodeConsentCookie({
      v: 1,
      id: 'stored',
      policyVersion: '2026-11',
      choices: { necessary: true, analytics: true },
      created: T - 1000,
      updated: T - 1000,
      expires: T + 864e5,
      method: 'preferences',
      locale: 'en',
    })}`;
    const { manager } = load({ cookies: { get: () => cookie, set: () => {} } });
    await manager.ready;
    await settle();
    expect(manager.getConsent().status).toBe('given');
    expect(posts).toEqual([]);
  });
});

describe('failures', () => {
  test('an error status keeps the receipt queued; the next page load sends it once and empties the queue', async () => {
    answer = () => Promise.resolve(new Response('down', { status: 500 }));
    const first = load();
    await first.manager.rejectAll();
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    await settle();
    const [[id, queued]] = await queue().entries();
    expect(queued).toEqual(posts[0].body);
    expect(id).toBe(posts[0].body.receiptId);
    expect(console.error).toHaveBeenCalledWith(
      `[consentgate] receipts: ${ENDPOINT} answered 500; the receipt stays queued`,
    );
    first.cleanup();

    answer = () => Promise.resolve(new Response(null, { status: 200 }));
    load();
    await vi.waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1].body).toEqual(posts[0].body);
    await vi.waitFor(async () => expect(await queue().entries()).toEqual([]));
    // A third load finds nothing to send.
    load();
    await settle();
    expect(posts).toHaveLength(2);
  });

  test('a network error keeps it queued too, and never reaches the page', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'));
    const { manager } = load();
    await expect(manager.acceptAll()).resolves.toMatchObject({ status: 'given' });
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    await settle();
    expect(await queue().entries()).toHaveLength(1);
    expect(console.error).toHaveBeenCalledWith(
      `[consentgate] receipts: could not reach ${ENDPOINT} (TypeError: Failed to fetch); the receipt stays queued`,
    );
  });

  test('an endpoint the gate holds is reported with the fix', async () => {
    answer = () => Promise.reject(new TypeError('[consentgate] held a request of analytics'));
    load().manager.acceptAll();
    await vi.waitFor(() =>
      expect(console.error).toHaveBeenCalledWith(
        `[consentgate] receipts: ${ENDPOINT} is held by the gate: add it to a rule of category "necessary"`,
      ),
    );
  });

  test('without IndexedDB, a decision is still sent (once)', async () => {
    load({}, null).manager.acceptAll();
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    await settle();
    expect(posts).toHaveLength(1);
  });

  test('a receipt in flight is not sent again by the queue flush of the same page', async () => {
    // A queue whose listing answers only after the decision's receipt was queued and sent off.
    const data = new Map<string, unknown>();
    let list!: () => void;
    const listed = new Promise<void>((resolve) => {
      list = resolve;
    });
    const store: KeyValueStore = {
      get: async (key) => data.get(key),
      set: async (key, value) => {
        data.set(key, value);
      },
      del: async (key) => {
        data.delete(key);
      },
      entries: () => listed.then(() => [...data]),
    };
    let respond!: () => void;
    answer = () =>
      new Promise((resolve) => {
        respond = () => resolve(new Response(null, { status: 204 }));
      });
    load({}, store).manager.acceptAll();
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    list();
    await settle();
    respond();
    await settle();
    expect(posts).toHaveLength(1);
    expect(data.size).toBe(0);
  });

  test('without an endpoint nothing is installed', async () => {
    const manager = createConsentManager(
      {},
      { store: false, channel: false, cookies: { get: () => '', set() {} } },
    );
    installReceipts(manager, { endpoint: undefined, locale: 'en' });
    await manager.acceptAll();
    await settle();
    expect(posts).toEqual([]);
  });
});

describe('textsHash', () => {
  // The documented recipe, written out independently of the code.
  function documented(locale: string, cfg: typeof config): string {
    const text = JSON.stringify([
      SDK_VERSION,
      locale,
      [
        ['acceptAll', 'OK, all'],
        ['rejectAll', 'No thanks'],
      ],
      [
        [
          'necessary',
          'Strictly necessary',
          'Sign-in, security and remembering this choice. Always on.',
          null,
        ],
        ['analytics', 'Analytics', 'Measuring how the site is used.', null],
        ['advertising', 'Advertising', 'Ads and ad personalisation.', null],
        [
          'pixels',
          'Pixels and beacons',
          'Web beacons and pixel tags that track visits, email opens and clicks.',
          null,
        ],
        ['cross_border', 'Transfer abroad', '', ['Example Cloud', 'dpo@example.cn', '', 'orders']],
      ],
      (cfg.policyChanges as Record<string, string>)[locale],
    ]);
    return createHash('sha256').update(text).digest('hex');
  }

  test('is the SHA-256 of the documented canonical texts', async () => {
    load().manager.acceptAll();
    await vi.waitFor(() => expect(posts).toHaveLength(1));
    expect(posts[0].body.textsHash).toBe(documented('en', config));
  });

  test('changes when any shown text changes', () => {
    const manager = createConsentManager(config, {
      store: false,
      channel: false,
      cookies: { get: () => '', set() {} },
    });
    const base = receiptTexts(manager.config, 'en');
    const changed = createConsentManager(
      { ...config, policyChanges: 'Something else.' },
      { store: false, channel: false, cookies: { get: () => '', set() {} } },
    );
    expect(receiptTexts(changed.config, 'en')).not.toBe(base);
    expect(receiptTexts(manager.config, 'zh-CN')).not.toBe(base);
  });
});

test('SDK_VERSION is the package version', () => {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  expect(SDK_VERSION).toBe(manifest.version);
});
