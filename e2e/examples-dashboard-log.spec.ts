// The dashboard's Consent log page (examples/dashboard/log.html) against a real receipts
// collector (PGlite in memory), seeded over its HTTP API with receipts on three days.
import { randomBytes } from 'node:crypto';
import { type Collector, createCollector } from '@consentgate/collector';
import { expect, type Page, test } from '@playwright/test';

const LOG = '/examples/dashboard/dist/log.html';
const site = `http://127.0.0.1:${process.env.E2E_PORT ?? 4391}`;
const token = randomBytes(16).toString('hex');
const consentId = 'e2e-consent-0001';
const DAY = 24 * 60 * 60 * 1000;
const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate(), 12);

let collector: Collector;
let url = '';
let clock = new Date(today);

const receipt = (id: string, seq: number, action: string, choices: Record<string, boolean>) => ({
  type: 'decision',
  v: 2,
  key: `${id}:${seq}`,
  consentId: id,
  seq,
  timestamp: clock.toISOString(),
  policyVersion: '2026-11',
  policyUrl: null,
  noticeHash: null,
  locale: 'en',
  choices: { necessary: true, ...choices },
  action,
  via: 'banner',
  guardian: false,
  gpc: false,
  jurisdiction: { region: 'DE', model: 'opt-in' },
  sdkVersion: '0.1.0',
  page: `${site}/examples/marketing-site/index.html`,
});
const all = { analytics: true, advertising: true, pixels: true };
const none = { analytics: false, advertising: false, pixels: false };

async function seed(body: unknown) {
  const response = await fetch(`${url}/v1/receipts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
}

test.beforeAll(async () => {
  // A new PGlite takes seconds on a loaded machine.
  test.setTimeout(120_000);
  collector = await createCollector({
    dataDir: 'memory://',
    origins: [site],
    adminToken: token,
    now: () => clock,
    maintenanceIntervalMs: 0,
  });
  url = await collector.start();
  // Two days ago: 3 of 4 grant analytics. Yesterday: 1 of 2. Today: one consent's three decisions.
  clock = new Date(today - 2 * DAY);
  await seed([
    receipt('a', 1, 'accept-all', all),
    receipt('b', 1, 'accept-all', all),
    receipt('c', 1, 'custom', { ...none, analytics: true }),
    receipt('d', 1, 'reject-all', none),
  ]);
  clock = new Date(today - DAY);
  await seed([receipt('e', 1, 'accept-all', all), receipt('f', 1, 'reject-all', none)]);
  clock = new Date(today);
  await seed(receipt(consentId, 1, 'accept-all', all));
  clock = new Date(today + 60_000);
  await seed(receipt(consentId, 2, 'custom', { ...all, advertising: false }));
  clock = new Date(today + 120_000);
  await seed(receipt(consentId, 3, 'reject-all', none));
});

test.afterAll(async () => {
  await collector?.close();
});

async function connect(page: Page) {
  await page.goto(`${LOG}?collector=${encodeURIComponent(url)}`);
  await expect(page.getByLabel('Collector URL')).toHaveValue(url);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('#status')).toHaveText(`Connected to ${url}`);
}

test('the chart of acceptance per category renders, with the totals beside it', async ({ page }) => {
  await connect(page);
  const canvas = page.locator('#chart canvas');
  await expect(canvas).toBeVisible();
  await expect(page.locator('#chart .u-legend')).toContainText('analytics');
  // The analytics line (#1d4ed8) is drawn: count its pixels on the canvas.
  await expect
    .poll(() =>
      canvas.evaluate((element: HTMLCanvasElement) => {
        const { data } = element.getContext('2d')!.getImageData(0, 0, element.width, element.height);
        let blue = 0;
        for (let i = 0; i < data.length; i += 4)
          if (data[i]! < 90 && data[i + 1]! < 130 && data[i + 2]! > 170) blue++;
        return blue;
      }),
    )
    .toBeGreaterThan(50);
  const analytics = page
    .getByRole('table', { name: 'Totals for the range' })
    .getByRole('row', { name: /^analytics/ });
  // 3 + 1 + 2 granted (a, b, c; e; this consent's first two), 1 + 1 + 1 denied (d; f; its last).
  await expect(analytics.getByRole('cell')).toHaveText(['6', '3', '67%', '2', '1']);
  await expect(page.locator('#shown')).toContainText('shown in the range: 0');
});

test('a lookup by consent id shows its timeline: time, action, via, choices, policy version', async ({
  page,
}) => {
  await connect(page);
  await page.getByLabel('Consent id').fill(consentId);
  await page.getByRole('button', { name: 'Look up' }).click();
  const items = page.getByRole('list', { name: 'Receipts of this consent, oldest first' }).locator('> li');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('Accepted all · via banner');
  await expect(items.nth(1)).toContainText('Chose per category · via banner');
  await expect(items.nth(1).getByRole('list', { name: 'Choices' })).toContainText('advertising: denied');
  await expect(items.nth(1).getByRole('list', { name: 'Choices' })).toContainText('analytics: granted');
  await expect(items.nth(2)).toContainText('Rejected all');
  await expect(items.nth(2)).toContainText('Policy version 2026-11');
  await expect(items.nth(0).locator('time')).toHaveAttribute('datetime', new Date(today).toISOString());

  await page.getByLabel('Consent id').fill('no-such-consent');
  await page.getByRole('button', { name: 'Look up' }).click();
  await expect(page.locator('#lookup-status')).toHaveText('No receipt for consent id no-such-consent.');
  await expect(items).toHaveCount(0);
});

test("a wrong token is refused with the collector's reason", async ({ page }) => {
  await page.goto(`${LOG}?collector=${encodeURIComponent(url)}`);
  await page.getByLabel('Admin token').fill('wrong');
  await page.getByRole('button', { name: 'Connect' }).click();
  await expect(page.locator('#status')).toHaveText(
    /^Could not read the collector: invalid authorization header/,
  );
});

test('works at phone width: no sideways scrolling, the chart fits', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  await connect(page);
  await expect(page.locator('#chart canvas')).toBeVisible();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const box = await page.locator('#chart').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(375);
});
