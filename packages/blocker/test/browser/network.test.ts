import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { plain, setup, url } from './fake-source';

// Spies stand in for the browser's own request APIs, installed before the gate, so "the gate
// let it through" is exactly "the spy saw the call".
const seen: string[] = [];
const originals = {
  fetch: window.fetch,
  beacon: Navigator.prototype.sendBeacon,
  send: XMLHttpRequest.prototype.send,
};
let cleanup = () => {};

beforeEach(() => {
  seen.length = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(
      `fetch ${input instanceof Request ? input.url : String(input)}${init?.keepalive ? ' keepalive' : ''}`,
    );
    return Promise.resolve(new Response('ok'));
  };
  Navigator.prototype.sendBeacon = (target: string | URL) => {
    seen.push(`beacon ${String(target)}`);
    return true;
  };
  XMLHttpRequest.prototype.send = function (this: XMLHttpRequest) {
    seen.push('xhr');
  };
});

afterEach(() => {
  cleanup();
  window.fetch = originals.fetch;
  Navigator.prototype.sendBeacon = originals.beacon;
  XMLHttpRequest.prototype.send = originals.send;
});

describe('fetch', () => {
  test('a denied request rejects like a network error and never reaches fetch', async () => {
    cleanup = setup().cleanup;
    await expect(fetch(url('analytics', 'collect'))).rejects.toThrow(TypeError);
    await expect(fetch(url('pixels', 'hit'), { keepalive: true, method: 'POST' })).rejects.toThrow(/pixels/);
    await expect(fetch(new Request(url('analytics', 'request')))).rejects.toThrow();
    await expect(fetch(new URL(url('analytics', 'url-object')))).rejects.toThrow();
    expect(seen).toEqual([]);
  });

  test('an allowed or unmatched request passes with its arguments', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    await fetch(plain('api'));
    gate.source.set({ analytics: true });
    await fetch(url('analytics', 'collect'), { keepalive: true });
    expect(seen).toEqual([`fetch ${plain('api')}`, `fetch ${url('analytics', 'collect')} keepalive`]);
  });

  test('held requests are dropped on grant by default', async () => {
    const gate = setup();
    cleanup = gate.cleanup;
    await fetch(url('analytics', 'dropped')).catch(() => {});
    gate.source.set({ analytics: true });
    expect(seen).toEqual([]);
  });

  test('replayHeldRequests sends held fetches and beacons once, on grant of their category', async () => {
    const gate = setup({ replayHeldRequests: true });
    cleanup = gate.cleanup;
    await fetch(url('analytics', 'replay'), { keepalive: true }).catch(() => {});
    navigator.sendBeacon(url('pixels', 'beacon'));
    gate.source.set({ pixels: true });
    expect(seen).toEqual([`beacon ${url('pixels', 'beacon')}`]);
    gate.source.set({ analytics: true });
    gate.source.set({ analytics: true });
    expect(seen).toEqual([
      `beacon ${url('pixels', 'beacon')}`,
      `fetch ${url('analytics', 'replay')} keepalive`,
    ]);
  });

  test('revoking stops the traffic at once', async () => {
    const gate = setup({ consent: { analytics: true } });
    cleanup = gate.cleanup;
    await fetch(url('analytics', 'before'));
    gate.source.set({ analytics: false });
    await expect(fetch(url('analytics', 'after'))).rejects.toThrow();
    expect(seen).toEqual([`fetch ${url('analytics', 'before')}`]);
  });
});

describe('navigator.sendBeacon', () => {
  test('a denied beacon returns false and is not sent; an allowed one is', () => {
    const gate = setup();
    cleanup = gate.cleanup;
    expect(navigator.sendBeacon(url('pixels', 'b'), 'x')).toBe(false);
    gate.source.set({ pixels: true });
    expect(navigator.sendBeacon(url('pixels', 'b'), 'x')).toBe(true);
    expect(seen).toEqual([`beacon ${url('pixels', 'b')}`]);
  });
});

describe('XMLHttpRequest', () => {
  test('a denied request is not sent and reports an error event', async () => {
    cleanup = setup().cleanup;
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url('analytics', 'xhr'));
    const failed = new Promise((done) => {
      xhr.onerror = done;
    });
    xhr.send('data');
    await failed;
    expect(seen).toEqual([]);
  });

  test('consent is read at send time', () => {
    const gate = setup();
    cleanup = gate.cleanup;
    const xhr = new XMLHttpRequest();
    xhr.open('GET', url('analytics', 'xhr-later'));
    gate.source.set({ analytics: true });
    xhr.send();
    expect(seen).toEqual(['xhr']);
  });
});

describe('workers', () => {
  test('a worker whose script is a tracker never starts; others do', () => {
    cleanup = setup().cleanup;
    const held = new Worker(url('analytics', 'worker.js'));
    expect(() => held.postMessage('x')).not.toThrow();
    held.terminate();
    const blob = URL.createObjectURL(new Blob(['postMessage(1)'], { type: 'text/javascript' }));
    const real = new Worker(blob);
    expect(real).toBeInstanceOf(Worker);
    return new Promise<void>((done) => {
      real.onmessage = () => {
        real.terminate();
        done();
      };
    });
  });

  test('the held worker never reaches the Worker constructor', () => {
    const Original = window.Worker;
    window.Worker = function (this: unknown, script: string | URL) {
      seen.push(`worker ${String(script)}`);
      return { terminate() {} };
    } as unknown as typeof Worker;
    try {
      cleanup = setup().cleanup;
      new Worker(url('analytics', 'never-worker.js'));
      new SharedWorker(url('analytics', 'never-shared.js')).port.start();
      new Worker(plain('ok-worker.js'));
      expect(seen).toEqual([`worker ${plain('ok-worker.js')}`]);
    } finally {
      cleanup();
      window.Worker = Original;
    }
  });
});
