// Google Consent Mode v2 in real Chromium: the gate's `consent default` is the first dataLayer entry,
// before the page's own gtag snippet; every change pushes `consent update`; a returning visit's
// default carries the stored choice. Entries are Arguments objects, as gtag.js itself pushes.
import { expect, type Page, test } from '@playwright/test';
import { gateReady, record } from './support/pages';

function promisesPage(config: unknown): string {
  return `/e2e/fixtures/promises/page.html?config=${encodeURIComponent(JSON.stringify(config))}`;
}

// Each entry as `[kind, command, action-or-id, parameters]`; kind is 'Arguments' for a gtag call.
const entries = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { dataLayer: unknown[] }).dataLayer.map((entry) => {
      const kind = Object.prototype.toString.call(entry).slice(8, -1);
      const [command, second, third] = Array.from(entry as ArrayLike<unknown>);
      return [kind, command, typeof second === 'string' ? second : typeof second, third ?? null];
    }),
  );

const DENIED = {
  ad_storage: 'denied',
  ad_user_data: 'denied',
  ad_personalization: 'denied',
  analytics_storage: 'denied',
  functionality_storage: 'denied',
  personalization_storage: 'denied',
  security_storage: 'granted',
};
const GRANTED = {
  ...DENIED,
  ad_storage: 'granted',
  ad_user_data: 'granted',
  ad_personalization: 'granted',
  analytics_storage: 'granted',
};
const config = {
  policyVersion: '1',
  googleConsentMode: { regions: [{ region: ['US-CA'], granted: ['analytics'] }] },
};

test('first visit, accept, revoke, returning visit: the order of dataLayer entries', async ({ page }) => {
  const log = record(page);
  await page.goto(promisesPage(config));
  await gateReady(page);
  const first = [
    ['Arguments', 'consent', 'default', { ...DENIED, wait_for_update: 500 }],
    [
      'Arguments',
      'consent',
      'default',
      { ...DENIED, analytics_storage: 'granted', region: ['US-CA'], wait_for_update: 500 },
    ],
    ['Arguments', 'js', 'object', null],
    ['Arguments', 'config', 'G-TEST123', null],
  ];
  expect(await entries(page)).toEqual(first);

  // Accept in the banner, as a visitor does.
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => entries(page)).toHaveLength(5);
  expect((await entries(page))[4]).toEqual(['Arguments', 'consent', 'update', GRANTED]);

  // Revoke advertising from the API.
  await page.evaluate(() => window.consentgate?.update({ advertising: false }, 'preferences'));
  expect((await entries(page)).slice(4)).toEqual([
    ['Arguments', 'consent', 'update', GRANTED],
    [
      'Arguments',
      'consent',
      'update',
      { ...GRANTED, ad_storage: 'denied', ad_user_data: 'denied', ad_personalization: 'denied' },
    ],
  ]);

  // Returning visit: one default with the stored choice (no region default overriding it), first.
  await page.reload();
  await gateReady(page);
  expect(await entries(page)).toEqual([
    ['Arguments', 'consent', 'default', { ...DENIED, analytics_storage: 'granted', wait_for_update: 500 }],
    ['Arguments', 'js', 'object', null],
    ['Arguments', 'config', 'G-TEST123', null],
  ]);

  // Reject everything: an update with every signal denied.
  await page.evaluate(() => window.consentgate?.rejectAll());
  expect((await entries(page))[3]).toEqual(['Arguments', 'consent', 'update', DENIED]);
  expect(log.pageErrors).toEqual([]);
  expect(log.errors.filter((text) => text.includes('[consentgate]'))).toEqual([]);
});

test('the category → signal mapping is configurable', async ({ page }) => {
  await page.goto(
    promisesPage({
      categories: { functional: { label: 'Functional' } },
      googleConsentMode: { mapping: { ad_user_data: ['advertising', 'pixels'] }, waitForUpdate: 2000 },
    }),
  );
  await gateReady(page);
  expect((await entries(page))[0][3]).toEqual({ ...DENIED, wait_for_update: 2000 });
  await page.evaluate(() => window.consentgate?.update({ advertising: true, functional: true }));
  expect((await entries(page))[3]).toEqual([
    'Arguments',
    'consent',
    'update',
    {
      ...DENIED,
      ad_storage: 'granted',
      ad_personalization: 'granted',
      functionality_storage: 'granted',
      personalization_storage: 'granted',
    },
  ]);
});

test('without googleConsentMode the gate pushes nothing', async ({ page }) => {
  await page.goto(promisesPage({ policyVersion: '1' }));
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.acceptAll());
  expect((await entries(page)).map((entry) => entry[1])).toEqual(['js', 'config']);
});
