// Global Privacy Control in real Chromium, with `navigator.globalPrivacyControl` stubbed: "Accept
// all" leaves advertising and pixels denied and records the method `gpc`; the visitor can still
// opt in explicitly; `gpc: false` ignores the signal. Consent Mode reflects it too.
import { expect, type Page, test } from '@playwright/test';
import { consentCookie, gateReady, record } from './support/pages';

const promisesPage = (config: unknown) =>
  `/e2e/fixtures/promises/page.html?config=${encodeURIComponent(JSON.stringify(config))}`;
const consent = (page: Page) => page.evaluate(() => window.consentgate?.getConsent());
const ran = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { analyticsRan?: number; adsRan?: number };
    return { analytics: w.analyticsRan ?? 0, ads: w.adsRan ?? 0 };
  });

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }),
  );
});

test('with GPC, Accept all grants all but advertising and pixels, and says why', async ({
  page,
  context,
}) => {
  const log = record(page);
  await page.goto(promisesPage({ policyVersion: '1', googleConsentMode: true }));
  await gateReady(page);
  expect((await consent(page))?.gpc).toBe(true);

  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(async () => (await consent(page))?.status).toBe('given');
  const state = await consent(page);
  expect(state?.choices).toEqual({ necessary: true, analytics: true, advertising: false, pixels: false });
  expect(state?.record?.method).toBe('gpc');
  // The cookie a server reads says so too: method code `g`.
  expect((await consentCookie(context))?.value.split('|')[6]).toBe('g');
  expect(await ran(page)).toEqual({ analytics: 1, ads: 0 });
  const update = await page.evaluate(() => {
    const layer = (window as unknown as { dataLayer: ArrayLike<unknown>[] }).dataLayer;
    return Array.from(layer[layer.length - 1]);
  });
  expect(update).toEqual([
    'consent',
    'update',
    expect.objectContaining({ analytics_storage: 'granted', ad_storage: 'denied' }),
  ]);

  // An explicit opt-in still works, and outlives a reload.
  await page.evaluate(() => window.consentgate?.update({ advertising: true }, 'preferences'));
  expect(await ran(page)).toEqual({ analytics: 1, ads: 1 });
  await page.reload();
  await gateReady(page);
  expect((await consent(page))?.choices).toMatchObject({ advertising: true, pixels: false });
  expect((await consent(page))?.record?.method).toBe('preferences');
  expect(log.pageErrors).toEqual([]);
});

test('gpc: false ignores the signal', async ({ page }) => {
  await page.goto(promisesPage({ policyVersion: '1', gpc: false }));
  await gateReady(page);
  expect((await consent(page))?.gpc).toBe(false);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(async () => (await consent(page))?.record?.method).toBe('accept-all');
  expect((await consent(page))?.choices).toMatchObject({ advertising: true, pixels: true });
  expect(await ran(page)).toEqual({ analytics: 1, ads: 1 });
});

test('the GPC categories are configurable', async ({ page }) => {
  await page.goto(promisesPage({ policyVersion: '1', gpc: { categories: ['analytics'] } }));
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.acceptAll());
  expect((await consent(page))?.choices).toMatchObject({ analytics: false, advertising: true, pixels: true });
  expect(await ran(page)).toEqual({ analytics: 0, ads: 1 });
});
