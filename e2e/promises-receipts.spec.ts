// Proof of consent in real Chromium: each decision's receipt is queued in IndexedDB and POSTed to
// the routed endpoint; when the endpoint fails (500) or is unreachable (aborted), the receipt stays
// queued and is sent on the next page load — exactly one successful POST per decision.
import { type BrowserContext, expect, type Page, test } from '@playwright/test';
import { gateReady, record } from './support/pages';

interface Receipt {
  receiptId: string;
  recordId: string;
  method: string;
  choices: Record<string, boolean>;
  textsHash: string | null;
  page: string;
}

const config = { policyVersion: '2026-11', receipts: { endpoint: '/consent/receipts' } };
const promisesPage = `/e2e/fixtures/promises/page.html?config=${encodeURIComponent(JSON.stringify(config))}`;

/** Routes the endpoint; `mode` decides each answer. Records every POST and whether it succeeded. */
async function endpoint(context: BrowserContext) {
  const state = {
    mode: 'ok' as 'ok' | 'fail' | 'abort',
    posts: [] as Array<{ receipt: Receipt; ok: boolean; contentType: string | null; method: string }>,
  };
  await context.route('**/consent/receipts', async (route) => {
    const request = route.request();
    const ok = state.mode === 'ok';
    state.posts.push({
      receipt: request.postDataJSON(),
      ok,
      contentType: await request.headerValue('content-type'),
      method: request.method(),
    });
    if (state.mode === 'abort') return route.abort('internetdisconnected');
    return route.fulfill({ status: ok ? 204 : 500, body: ok ? '' : 'down' });
  });
  return state;
}

const queued = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('consentgate-receipts');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('queue')) return resolve([]);
          const all = db.transaction('queue').objectStore('queue').getAll();
          all.onsuccess = () => {
            db.close();
            resolve(all.result);
          };
        };
      }),
  );

test('a receipt per decision, sent once; the queue empties', async ({ page, context }) => {
  const server = await endpoint(context);
  const log = record(page);
  await page.goto(promisesPage);
  await gateReady(page);
  expect(server.posts).toEqual([]);

  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => server.posts.length).toBe(1);
  await page.evaluate(() => window.consentgate?.update({ advertising: false }, 'preferences'));
  await expect.poll(() => server.posts.length).toBe(2);
  await expect.poll(() => queued(page)).toEqual([]);

  const [accept, revoke] = server.posts;
  expect(accept).toMatchObject({ ok: true, method: 'POST', contentType: 'application/json' });
  const recordId = await page.evaluate(() => window.consentgate?.getConsent().record?.id);
  expect(accept.receipt).toMatchObject({
    recordId,
    method: 'accept-all',
    policyVersion: '2026-11',
    locale: 'en',
    choices: { necessary: true, analytics: true, advertising: true, pixels: true },
    textsHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    sdkVersion: expect.any(String),
    page: `${new URL(page.url()).origin}/e2e/fixtures/promises/page.html`,
  });
  expect(revoke.receipt).toMatchObject({ recordId, method: 'preferences', choices: { advertising: false } });
  expect(revoke.receipt.receiptId).not.toBe(accept.receipt.receiptId);
  expect(revoke.receipt.textsHash).toBe(accept.receipt.textsHash);

  // A returning visit announces the stored consent: that is no decision, so no receipt.
  await page.reload();
  await gateReady(page);
  await expect.poll(() => queued(page)).toEqual([]);
  expect(server.posts).toHaveLength(2);
  expect(log.pageErrors).toEqual([]);
});

for (const failure of ['fail', 'abort'] as const) {
  test(`an endpoint that ${failure === 'fail' ? 'answers 500' : 'cannot be reached'}: queued, then sent on the next load`, async ({
    page,
    context,
  }) => {
    const server = await endpoint(context);
    const log = record(page);
    server.mode = failure;
    await page.goto(promisesPage);
    await gateReady(page);
    await page.getByRole('button', { name: 'Reject all' }).click();
    await expect.poll(() => server.posts.length).toBe(1);
    // The page goes on: the banner closed and nothing was thrown into it.
    await expect(page.getByRole('button', { name: 'Reject all' })).toHaveCount(0);
    await expect.poll(() => queued(page)).toHaveLength(1);
    const [pending] = (await queued(page)) as Receipt[];
    expect(pending).toEqual(server.posts[0].receipt);
    expect(pending.method).toBe('reject-all');
    await expect.poll(() => log.errors.some((text) => text.includes('[consentgate] receipts:'))).toBe(true);

    server.mode = 'ok';
    await page.reload();
    await gateReady(page);
    await expect.poll(() => server.posts.length).toBe(2);
    await expect.poll(() => queued(page)).toEqual([]);
    expect(server.posts[1]).toMatchObject({ ok: true, receipt: pending });

    // Another load: nothing left to send; exactly one successful POST for the one decision.
    await page.reload();
    await gateReady(page);
    await expect.poll(() => queued(page)).toEqual([]);
    expect(server.posts.filter((post) => post.ok)).toHaveLength(1);
    expect(server.posts.filter((post) => post.receipt.receiptId === pending.receiptId)).toHaveLength(2);
    expect(log.pageErrors).toEqual([]);
  });
}

test('a decision made offline is sent when the browser is back online, without another page load', async ({
  page,
  context,
}) => {
  const server = await endpoint(context);
  const log = record(page);
  await page.goto(promisesPage);
  await gateReady(page);
  // Offline: Playwright's routes answer even then, so the endpoint fails the way offline does too.
  await context.setOffline(true);
  server.mode = 'abort';
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => queued(page)).toHaveLength(1);
  await expect.poll(() => log.errors.some((text) => text.includes('[consentgate] receipts:'))).toBe(true);
  expect(server.posts.filter((post) => post.ok)).toEqual([]);

  server.mode = 'ok';
  await context.setOffline(false);
  await expect.poll(() => server.posts.filter((post) => post.ok)).toHaveLength(1);
  await expect.poll(() => queued(page)).toEqual([]);
  expect(server.posts.find((post) => post.ok)?.receipt.method).toBe('accept-all');
  expect(log.pageErrors).toEqual([]);
});

test('two tabs loading with a queued receipt send it once', async ({ context }) => {
  const server = await endpoint(context);
  server.mode = 'fail';
  const first = await context.newPage();
  await first.goto(promisesPage);
  await gateReady(first);
  await first.evaluate(() => window.consentgate?.acceptAll());
  await expect.poll(() => queued(first)).toHaveLength(1);
  await first.close();

  server.mode = 'ok';
  const [a, b] = [await context.newPage(), await context.newPage()];
  await Promise.all([a.goto(promisesPage), b.goto(promisesPage)]);
  await Promise.all([gateReady(a), gateReady(b)]);
  await expect.poll(() => queued(a)).toEqual([]);
  expect(server.posts.filter((post) => post.ok)).toHaveLength(1);
});
