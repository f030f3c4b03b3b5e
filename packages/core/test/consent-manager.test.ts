import {
  type ChangeEvent,
  type ConsentRecord,
  type ConsentState,
  createConsentManager,
  encodeConsentCookie,
  type ManagerOptions,
  readConsentCookie,
  type TabChannel,
} from '@consentgate/core';
import { describe, expect, test, vi } from 'vitest';
import { createMemoryJar, createMemoryStore, DAY, type MemoryJar, recordOf, T } from './fakes';

function setup(config: unknown = {}, options: ManagerOptions & { jar?: MemoryJar } = {}) {
  const jar = options.jar || createMemoryJar();
  const store = createMemoryStore();
  const onError = vi.fn<(message: string) => void>();
  let time = T;
  const manager = createConsentManager(config, {
    now: () => time,
    cookies: jar,
    store,
    channel: false,
    onError,
    locale: 'en',
    ...options,
  });
  return { manager, jar, store, onError, tick: (ms: number) => (time += ms) };
}

const stored = (jar: MemoryJar) => readConsentCookie(jar.get());

const jarWith = (record: ConsentRecord) => createMemoryJar({ cg_consent: encodeConsentCookie(record) });

describe('start-up', () => {
  test('without a cookie: status none, everything but necessary denied', () => {
    const { manager } = setup();
    expect(manager.getConsent()).toEqual({
      status: 'none',
      choices: { necessary: true, analytics: false, advertising: false, pixels: false },
      record: null,
      previous: null,
      gpc: false,
    });
    expect(manager.source.get('necessary')).toBe(true);
    expect(manager.source.get('analytics')).toBe(false);
  });

  test('reads a valid cookie synchronously, before ready', () => {
    const record = recordOf();
    const { manager } = setup({}, { jar: jarWith(record) });
    expect(manager.getConsent()).toEqual({
      status: 'given',
      choices: { necessary: true, analytics: true, advertising: false, pixels: true },
      record,
      previous: null,
      gpc: false,
    });
    expect(manager.source.get('pixels')).toBe(true);
    expect(manager.source.get('advertising')).toBe(false);
    expect(manager.source.get('unknown')).toBe(false);
    expect(manager.source.get('constructor')).toBe(false);
  });

  test('an expired record: all denied, kept as previous for pre-filling', () => {
    const record = recordOf({ expires: T - 1 });
    const { manager } = setup({}, { jar: jarWith(record) });
    expect(manager.getConsent()).toMatchObject({
      status: 'expired',
      choices: { necessary: true, analytics: false, pixels: false },
      record: null,
      previous: record,
    });
  });

  test('a record for another policy version is outdated: all denied, previous kept', () => {
    const record = recordOf();
    const { manager } = setup({ policyVersion: '2' }, { jar: jarWith(record) });
    expect(manager.getConsent()).toMatchObject({ status: 'outdated', previous: record, record: null });
    expect(manager.source.get('analytics')).toBe(false);
  });

  test('categories added since the record start denied', () => {
    const { manager } = setup({ categories: { functional: {} } }, { jar: jarWith(recordOf()) });
    expect(manager.getConsent().status).toBe('given');
    expect(manager.getConsent().choices).toEqual({
      necessary: true,
      analytics: true,
      advertising: false,
      pixels: true,
      functional: false,
    });
  });

  test('announces a stored consent once, before ready, to listeners added in the same tick', async () => {
    const { manager } = setup({}, { jar: jarWith(recordOf()) });
    const consent = vi.fn();
    const decision = vi.fn();
    manager.on('consent', consent);
    manager.on('decision', decision);
    expect(consent).not.toHaveBeenCalled();
    await manager.ready;
    expect(consent).toHaveBeenCalledTimes(1);
    expect(consent).toHaveBeenCalledWith(manager.getConsent());
    // The start-up announcement is no decision.
    expect(decision).not.toHaveBeenCalled();
  });

  test('announces nothing at start-up without a valid consent', async () => {
    const { manager } = setup({}, { jar: jarWith(recordOf({ expires: T })) });
    const consent = vi.fn();
    manager.on('consent', consent);
    await manager.ready;
    expect(consent).not.toHaveBeenCalled();
  });

  test('a decision before ready replaces the start-up announcement', async () => {
    const { manager } = setup({}, { jar: jarWith(recordOf()) });
    const consent = vi.fn();
    manager.on('consent', consent);
    await manager.rejectAll();
    await manager.ready;
    expect(consent).toHaveBeenCalledTimes(1);
    expect(consent.mock.calls[0][0].choices.analytics).toBe(false);
  });

  test('collects config problems in issues for the caller to report (once, with formatIssues)', () => {
    const { manager, onError } = setup({ lifetimeDays: 'x', policyVerison: '2' });
    expect(manager.issues.map((issue) => issue.path)).toEqual(['lifetimeDays', 'policyVerison']);
    expect(manager.config.lifetimeDays).toBe(182);
    expect(onError).not.toHaveBeenCalled();
  });

  test('the default onError logs with a [consentgate] prefix', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      createConsentManager({}, { cookies: createMemoryJar(), store: false, channel: false }).update({
        ads: true,
      });
      expect(error).toHaveBeenCalledWith('[consentgate] update: unknown category "ads"');
    } finally {
      error.mockRestore();
    }
  });
});

describe('decisions', () => {
  test('acceptAll grants everything but separate categories and records it', async () => {
    const { manager, jar } = setup({ categories: { abroad: { separate: true } } }, { secure: true });
    const state = await manager.acceptAll();
    expect(state.status).toBe('given');
    expect(state.choices).toEqual({
      necessary: true,
      analytics: true,
      advertising: true,
      pixels: true,
      abroad: false,
    });
    const record = state.record!;
    expect(record).toEqual({
      v: 1,
      id: expect.stringMatching(/^[\w-]{22}$/),
      policyVersion: '1',
      choices: state.choices,
      created: T,
      updated: T,
      expires: T + 182 * DAY,
      method: 'accept-all',
      locale: 'en',
    });
    expect(jar.writes).toEqual([expect.stringMatching(/^cg_consent=1\|.*; SameSite=Lax; Secure$/)]);
    expect(stored(jar)).toEqual(record);
    expect(manager.getConsent()).toBe(state);
  });

  test('acceptAll keeps a separate category that was already granted', async () => {
    const { manager } = setup({ categories: { abroad: { separate: true } } });
    await manager.update({ abroad: true });
    expect((await manager.acceptAll()).choices.abroad).toBe(true);
  });

  test('record ids are random', async () => {
    const states = await Promise.all(Array.from({ length: 20 }, () => setup().manager.acceptAll()));
    const ids = new Set(states.map((state) => state.record!.id));
    expect(ids.size).toBe(20);
  });

  test('rejectAll denies everything but necessary, separate ones too', async () => {
    const { manager } = setup({ categories: { abroad: { separate: true } } });
    await manager.update({ abroad: true, analytics: true });
    const state = await manager.rejectAll();
    expect(state.choices).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
      pixels: false,
      abroad: false,
    });
    expect(state.record!.method).toBe('reject-all');
  });

  test('update changes the named categories, keeps the others, and keeps the record id', async () => {
    const { manager, tick } = setup();
    const first = (await manager.update({ analytics: true }, 'preferences')).record!;
    expect(first.choices).toEqual({ necessary: true, analytics: true, advertising: false, pixels: false });
    tick(1000);
    const second = (await manager.update({ pixels: true })).record!;
    expect(second.choices).toEqual({ necessary: true, analytics: true, advertising: false, pixels: true });
    expect(second).toMatchObject({ id: first.id, created: T, updated: T + 1000, method: 'api' });
  });

  test('update reports and ignores unknown categories, non-booleans and denying necessary', async () => {
    const { manager, onError } = setup();
    const state = await manager.update({
      analytics: true,
      ads: true,
      pixels: 'yes' as never,
      necessary: false,
    });
    expect(state.choices).toEqual({ necessary: true, analytics: true, advertising: false, pixels: false });
    expect(onError.mock.calls.map((call) => call[0])).toEqual([
      'update: unknown category "ads"',
      'update: pixels: expected true or false',
      'update: necessary cannot be denied',
    ]);
    expect(await manager.update(null as never)).toBe(state);
    expect(onError).toHaveBeenCalledTimes(4);
  });

  test('after an outdated record, a new decision keeps its id and starts from denied', async () => {
    const previous = recordOf();
    const { manager } = setup({ policyVersion: '2' }, { jar: jarWith(previous) });
    const state = await manager.update({ advertising: true });
    expect(state.choices).toEqual({ necessary: true, analytics: false, advertising: true, pixels: false });
    expect(state.record).toMatchObject({ id: previous.id, created: previous.created, policyVersion: '2' });
    expect(state.previous).toBeNull();
  });

  test('an unknown method is reported and recorded as api', async () => {
    const { manager, onError } = setup();
    expect((await manager.acceptAll('banner' as never)).record!.method).toBe('api');
    expect(onError).toHaveBeenCalledWith('unknown method "banner"');
  });

  test('fractional lifetimes still give whole-millisecond, readable records', async () => {
    const { manager, jar } = setup({ lifetimeDays: 1 / 3 });
    const record = (await manager.acceptAll()).record!;
    expect(Number.isInteger(record.expires)).toBe(true);
    expect(stored(jar)).toEqual(record);
  });
});

describe('events', () => {
  test('change lists the categories whose effective value changed; consent follows each decision', async () => {
    const { manager } = setup();
    const events: Array<['change', ChangeEvent] | ['consent', ConsentState]> = [];
    manager.on('change', (event) => events.push(['change', event]));
    manager.on('consent', (state) => events.push(['consent', state]));
    await manager.update({ analytics: true });
    await manager.update({ analytics: true, pixels: true });
    await manager.update({ pixels: true });
    expect(events.map(([name, arg]) => (name === 'change' ? (arg as ChangeEvent).changed : name))).toEqual([
      ['analytics'],
      'consent',
      ['pixels'],
      'consent',
      'consent',
    ]);
    expect((events[0][1] as ChangeEvent).remote).toBe(false);
  });

  test('decision fires after change and consent for every local decision, even an unchanged one', async () => {
    const { manager } = setup();
    const events: string[] = [];
    for (const name of ['change', 'consent', 'decision'] as const) manager.on(name, () => events.push(name));
    await manager.rejectAll();
    await manager.rejectAll('preferences');
    expect(events).toEqual(['change', 'consent', 'decision', 'consent', 'decision']);
  });

  test('a listener that throws is reported and the others still run', async () => {
    const { manager, onError } = setup();
    const after = vi.fn();
    manager.on('change', () => {
      throw new Error('boom');
    });
    manager.on('change', after);
    manager.on('consent', () => {
      throw new Error('bang');
    });
    await expect(manager.acceptAll()).resolves.toMatchObject({ status: 'given' });
    expect(after).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls.map((call) => call[0])).toEqual([
      'a listener failed: Error: boom',
      'a listener failed: Error: bang',
    ]);
  });

  test('on returns an unsubscribe; an unknown event is reported', async () => {
    const { manager, onError } = setup();
    const listener = vi.fn();
    const off = manager.on('change', listener);
    off();
    await manager.acceptAll();
    expect(listener).not.toHaveBeenCalled();
    expect(manager.on('nope' as never, vi.fn() as never)).toBeTypeOf('function');
    expect(onError).toHaveBeenCalledWith('on: expected "change", "consent" or "decision" and a function');
  });

  test('source subscribers run when an answer changes, not otherwise', async () => {
    const { manager } = setup();
    const seen: boolean[] = [];
    const off = manager.source.subscribe(() => seen.push(manager.source.get('analytics')));
    await manager.rejectAll();
    await manager.update({ analytics: true });
    await manager.update({ analytics: true });
    off();
    await manager.rejectAll();
    expect(seen).toEqual([true]);
  });

  test('whenGranted resolves at once, or on the grant', async () => {
    const { manager, onError } = setup();
    const analytics = vi.fn();
    manager.whenGranted('analytics').then(analytics);
    await manager.rejectAll();
    await Promise.resolve();
    expect(analytics).not.toHaveBeenCalled();
    await manager.update({ analytics: true });
    await Promise.resolve();
    expect(analytics).toHaveBeenCalledTimes(1);
    await expect(manager.whenGranted('necessary')).resolves.toBeUndefined();
    manager.whenGranted('ads');
    expect(onError).toHaveBeenCalledWith('whenGranted: unknown category "ads"');
  });

  test('destroy drops every listener', async () => {
    const { manager } = setup();
    const listener = vi.fn();
    manager.on('change', listener);
    manager.source.subscribe(listener);
    manager.destroy();
    await manager.acceptAll();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('expiry while the page stays open', () => {
  test('the consent is void at the moment it expires: change fires, everything is denied, pre-filled', async () => {
    vi.useFakeTimers({ now: T });
    try {
      // 30 days is longer than one timer can wait (24.8 days): the watch goes in two steps.
      const { manager } = setup({ lifetimeDays: 30 }, { now: () => Date.now() });
      const changes: ChangeEvent[] = [];
      manager.on('change', (event) => changes.push(event));
      const given = await manager.acceptAll();
      changes.length = 0;

      vi.advanceTimersByTime(30 * DAY - 1);
      expect(manager.getConsent().status).toBe('given');
      expect(changes).toEqual([]);

      vi.advanceTimersByTime(1);
      expect(manager.getConsent()).toMatchObject({ status: 'expired', record: null, previous: given.record });
      expect(manager.source.get('analytics')).toBe(false);
      expect(changes).toHaveLength(1);
      expect(changes[0]).toMatchObject({ remote: false, changed: ['analytics', 'advertising', 'pixels'] });
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a new decision moves the moment; destroy stops watching', async () => {
    vi.useFakeTimers({ now: T });
    try {
      const { manager } = setup({ lifetimeDays: 2 }, { now: () => Date.now() });
      await manager.acceptAll();
      vi.advanceTimersByTime(DAY);
      await manager.rejectAll();
      vi.advanceTimersByTime(DAY + 1);
      expect(manager.getConsent().status).toBe('given');
      vi.advanceTimersByTime(DAY);
      expect(manager.getConsent().status).toBe('expired');

      await manager.acceptAll();
      expect(vi.getTimerCount()).toBe(1);
      manager.destroy();
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('reset', () => {
  test('forgets the consent in the cookie and the store, and announces the change', async () => {
    const { manager, jar, store } = setup();
    await manager.acceptAll();
    await manager.ready;
    const change = vi.fn();
    manager.on('change', change);
    await manager.reset();
    expect(manager.getConsent()).toMatchObject({ status: 'none', record: null, previous: null });
    expect(change.mock.calls[0][0].changed).toEqual(['analytics', 'advertising', 'pixels']);
    expect(jar.get()).toBe('');
    expect(jar.writes.at(-1)).toMatch(
      /^cg_consent=; Path=\/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT/,
    );
    expect(store.data.size).toBe(0);
    expect((await manager.acceptAll()).record!.id).not.toBe(jar.writes[0].split('|')[1]);
  });

  test('with a shared domain also deletes a host-only cookie', async () => {
    const { manager, jar } = setup({ cookie: { domain: '.example.com' } }, { host: 'www.example.com' });
    await manager.reset();
    expect(jar.writes).toEqual([
      expect.stringContaining('; Domain=.example.com; Max-Age=0'),
      expect.stringMatching(/^cg_consent=; Path=\/; Max-Age=0/),
    ]);
  });
});

describe('cookie domain', () => {
  test('a parent domain of the page is used for the cookie', async () => {
    const { manager, jar, onError } = setup(
      { cookie: { domain: '.example.com' } },
      { host: 'shop.example.com' },
    );
    await manager.acceptAll();
    expect(jar.writes[0]).toContain('; Domain=.example.com;');
    expect(onError).not.toHaveBeenCalled();
  });

  test('a domain that is not a parent of the page is an issue and is dropped', async () => {
    const { manager, jar } = setup({ cookie: { domain: 'other.com' } }, { host: 'www.example.com' });
    expect(manager.issues).toEqual([
      { path: 'cookie.domain', message: 'expected www.example.com or a parent domain of it' },
    ]);
    await manager.acceptAll();
    expect(jar.writes[0]).not.toContain('Domain=');
  });
});

describe('never throws into the page', () => {
  test('a cookie jar that throws (sandboxed iframe) is reported; memory stays right', async () => {
    const onError = vi.fn();
    const manager = createConsentManager(
      {},
      {
        cookies: {
          get: () => {
            throw new DOMException('denied', 'SecurityError');
          },
          set: () => {
            throw new DOMException('denied', 'SecurityError');
          },
        },
        store: false,
        channel: false,
        onError,
      },
    );
    expect(manager.getConsent().status).toBe('none');
    expect((await manager.acceptAll()).status).toBe('given');
    expect(manager.source.get('analytics')).toBe(true);
    expect(onError.mock.calls.map((call) => call[0])).toEqual([
      'cookie read failed: SecurityError: denied',
      'cookie write failed: SecurityError: denied',
    ]);
  });

  test('update with an object whose getters throw is reported, not thrown', async () => {
    const { manager, onError } = setup();
    const choices = {
      get analytics(): boolean {
        throw new Error('getter');
      },
    };
    expect((await manager.update(choices)).status).toBe('none');
    expect(onError).toHaveBeenCalledWith('update failed: Error: getter');
  });

  test('the state cannot be edited by the page', () => {
    const { manager } = setup();
    const state = manager.getConsent();
    expect(() => {
      (state.choices as Record<string, boolean>).analytics = true;
    }).toThrow(TypeError);
    expect(manager.source.get('analytics')).toBe(false);
  });

  test('an onError that throws is swallowed', async () => {
    const manager = createConsentManager(
      { debug: 1 },
      {
        cookies: createMemoryJar(),
        store: false,
        channel: false,
        onError: () => {
          throw new Error('x');
        },
      },
    );
    await expect(manager.update({ nope: true })).resolves.toMatchObject({ choices: { necessary: true } });
  });
});

describe('other tabs', () => {
  // A pair of in-memory channels, like two tabs' BroadcastChannels (delivery is async, as there).
  function channelPair(): [(name: string) => TabChannel, (name: string) => TabChannel, string[]] {
    const names: string[] = [];
    const ends: TabChannel[] = [];
    const open = (index: number) => (name: string) => {
      names.push(name);
      const end: TabChannel = {
        onmessage: null,
        postMessage: (data) => queueMicrotask(() => ends[1 - index].onmessage?.({ data } as MessageEvent)),
        close: () => {},
      };
      ends[index] = end;
      return end;
    };
    return [open(0), open(1), names];
  }

  // Two tabs of one site share the cookie jar and IndexedDB; each writes through its own handle.
  function tabs() {
    const jar = createMemoryJar();
    const data = new Map<string, unknown>();
    const [first, second, names] = channelPair();
    const tab = (channel: (name: string) => TabChannel) => {
      const writes: string[] = [];
      const store = createMemoryStore(data);
      const own = { get: jar.get, set: (cookie: string) => (writes.push(cookie), jar.set(cookie)) };
      return { ...setup({}, { channel, cookies: own, store }), writes, store };
    };
    return { a: tab(first), b: tab(second), names, jar };
  }

  test('a decision in one tab applies in the other, with remote: true and no storage writes', async () => {
    const { a, b, names } = tabs();
    expect(names).toEqual(['consentgate:cg_consent', 'consentgate:cg_consent']);
    await Promise.all([a.manager.ready, b.manager.ready]);
    const change = vi.fn();
    const consent = vi.fn();
    const decision = vi.fn();
    b.manager.on('change', change);
    b.manager.on('consent', consent);
    b.manager.on('decision', decision);
    const { record } = await a.manager.update({ pixels: true });
    await vi.waitFor(() => expect(change).toHaveBeenCalledTimes(1));
    expect(decision).not.toHaveBeenCalled();
    expect(change.mock.calls[0][0]).toMatchObject({ changed: ['pixels'], remote: true });
    expect(b.manager.getConsent().record).toEqual(record);
    expect(consent).toHaveBeenCalledTimes(1);
    expect(b.writes).toEqual([]);
    expect(b.store.calls.set).toBe(0);

    await a.manager.reset();
    await vi.waitFor(() => expect(b.manager.getConsent().status).toBe('none'));
    expect(change.mock.calls[1][0]).toMatchObject({ changed: ['pixels'], remote: true });
    expect(b.writes).toEqual([]);
  });

  test('a message is only a doorbell: whatever it says, the tab follows what storage holds', async () => {
    let end: TabChannel | undefined;
    const jar = createMemoryJar();
    const { manager } = setup(
      {},
      { jar, cookies: jar, channel: () => (end = { onmessage: null, postMessage() {}, close() {} }) },
    );
    const record = (await manager.acceptAll()).record!;
    await manager.ready;
    const change = vi.fn();
    manager.on('change', change);
    const deliver = async (data: unknown) => {
      end!.onmessage!({ data } as MessageEvent);
      // The tab re-reads storage (IndexedDB is queued); history() runs after that read.
      await manager.history();
    };
    for (const data of [
      undefined,
      42,
      {},
      'junk',
      '',
      encodeConsentCookie({ ...record, updated: T + 5, choices: {} }),
    ])
      await deliver(data);
    expect(change).not.toHaveBeenCalled();
    expect(manager.getConsent().record).toBe(record);
    // Another tab stored a newer decision: the next ring makes this one follow it.
    const newer = { ...record, updated: T + 1, choices: { necessary: true } };
    jar.set(`cg_consent=${encodeConsentCookie(newer)}; Max-Age=100`);
    await deliver('');
    expect(change).toHaveBeenCalledTimes(1);
    expect(manager.getConsent().choices.analytics).toBe(false);
    manager.destroy();
    jar.set('cg_consent=; Max-Age=0');
    await deliver('');
    expect(manager.getConsent().status).toBe('given');
  });
});
