import { type ChangeEvent, createConsentManager, type RecordStore, type TabChannel } from '@consentgate/core';
import { createStore, del, get, set } from 'idb-keyval';
import { afterEach, expect, test, vi } from 'vitest';

// Two "tabs" in real Chromium: tab A lives in this window, tab B in a same-origin iframe with its
// own window, document.cookie and BroadcastChannel. Both share the origin's cookies and IndexedDB.
const name = 'cg_tabs';
const db = createStore('consentgate', 'consent');
const cleanups: Array<() => void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  // biome-ignore lint/suspicious/noDocumentCookie: the test resets the real cookie jar.
  document.cookie = `${name}=; Path=/; Max-Age=0`;
  await del(name, db);
});

function openTab(view: Window & typeof globalThis) {
  const writes = { cookie: 0, store: 0, posted: 0 };
  const store: RecordStore = {
    get: (key) => get(key, db),
    set: (key, value) => {
      writes.store++;
      return set(key, value, db);
    },
    del: (key) => {
      writes.store++;
      return del(key, db);
    },
  };
  const manager = createConsentManager(
    { cookie: { name } },
    {
      cookies: {
        get: () => view.document.cookie,
        set: (cookie) => {
          writes.cookie++;
          view.document.cookie = cookie;
        },
      },
      store,
      channel: (channelName) => {
        const channel = new view.BroadcastChannel(channelName);
        const post = channel.postMessage.bind(channel);
        channel.postMessage = (message: unknown) => {
          writes.posted++;
          post(message);
        };
        return channel as TabChannel;
      },
    },
  );
  const changes: ChangeEvent[] = [];
  manager.on('change', (event) => changes.push(event));
  cleanups.push(() => manager.destroy());
  return { manager, writes, changes };
}

function frameWindow(): Window & typeof globalThis {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  cleanups.push(() => iframe.remove());
  return iframe.contentWindow as Window & typeof globalThis;
}

test('a decision in one tab applies in the other without reload, remote and without echo', async () => {
  const a = openTab(window);
  const b = openTab(frameWindow());
  await Promise.all([a.manager.ready, b.manager.ready]);

  const { record } = await a.manager.update({ analytics: true });
  await vi.waitFor(() => expect(b.changes).toHaveLength(1));
  expect(b.changes[0]).toMatchObject({ changed: ['analytics'], remote: true });
  expect(b.manager.getConsent().record).toEqual(record);
  expect(b.manager.source.get('analytics')).toBe(true);
  expect(b.writes).toEqual({ cookie: 0, store: 0, posted: 0 });

  await b.manager.rejectAll();
  await vi.waitFor(() => expect(a.changes).toHaveLength(2));
  expect(a.changes[1]).toMatchObject({ changed: ['analytics'], remote: true });
  expect(a.manager.source.get('analytics')).toBe(false);

  await b.manager.reset();
  await vi.waitFor(() => expect(a.manager.getConsent().status).toBe('none'));
  expect(a.changes[2]).toMatchObject({ remote: true });
  expect(a.writes).toEqual({ cookie: 1, store: 1, posted: 1 });
});

test('the channel is a doorbell: a message from any script only makes tabs re-read storage', async () => {
  const a = openTab(window);
  const b = openTab(frameWindow());
  await Promise.all([a.manager.ready, b.manager.ready]);
  const other = new BroadcastChannel(`consentgate:${name}`);
  cleanups.push(() => other.close());
  const received: unknown[] = [];
  other.onmessage = (event) => received.push(event.data);
  const { record } = await b.manager.acceptAll();
  await vi.waitFor(() => expect(received).toHaveLength(1));
  // The ring carries nothing to apply.
  expect(received[0]).toBe('');
  await vi.waitFor(() => expect(a.manager.getConsent().record).toEqual(record));
  // Forged messages: a reset, a record granting everything, garbage. Nothing is stored by them,
  // so the tabs keep what storage holds.
  const forged = { ...record!, id: 'forged', updated: record!.updated + 1000, choices: { analytics: true } };
  for (const message of ['', JSON.stringify(forged), `1|forged|1|0|zz|zz|a|en|+analytics+advertising`, 42])
    other.postMessage(message);
  // A real decision after them: once tab A follows it, it has seen the forged rings too (and
  // whenever it handles one, it re-reads storage, which only the real decisions wrote).
  const latest = await b.manager.update({ pixels: true });
  await vi.waitFor(() => expect(a.manager.getConsent().record).toEqual(latest.record));
  expect(b.manager.getConsent().record).toEqual(latest.record);
  for (const change of a.changes) {
    expect(change.state.status).toBe('given');
    expect(change.state.record!.id).toBe(record!.id);
  }
});
