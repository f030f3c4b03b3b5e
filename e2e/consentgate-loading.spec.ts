// The gate loads the UI only when it is needed: a first visit gets the banner, a returning
// visitor with a valid consent downloads no UI at all until they open the preferences.
import { expect, test } from '@playwright/test';
import { basicPage, gateReady, record } from './support/pages';

const isUI = (url: string) => url.endsWith('/consentgate.ui.js');

test('a first visit loads the UI and shows the banner; nothing of analytics runs', async ({ page }) => {
  const log = record(page);
  await page.goto(basicPage());
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(log.requests.filter(isUI)).toHaveLength(1);
  expect(await page.evaluate(() => window.analyticsRan)).toBeUndefined();
  expect(log.pageErrors).toEqual([]);
});

test('a returning visitor with valid consent downloads no UI; the preferences link loads it on demand', async ({
  page,
}) => {
  await page.goto(basicPage());
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.acceptAll());
  expect(await page.evaluate(() => window.analyticsRan)).toBe(1);

  const log = record(page);
  await page.reload();
  await gateReady(page);
  expect(await page.evaluate(() => window.analyticsRan)).toBe(1);
  await expect(page.getByRole('button', { name: 'Privacy settings' }).first()).toBeVisible();
  expect(log.requests.filter(isUI)).toEqual([]);
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.locator('#withdraw').click();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(log.requests.filter(isUI)).toHaveLength(1);
  expect(log.pageErrors).toEqual([]);
});

test('a consent that expires while the page stays open: analytics is held again and the banner asks, pre-filled', async ({
  page,
}) => {
  // Six seconds of lifetime: long enough to reload as a returning visitor, short enough to wait.
  await page.goto(basicPage({ policyVersion: '1', lifetimeDays: 6 / 86_400 }));
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.acceptAll());
  const log = record(page);
  await page.reload();
  await gateReady(page);
  expect(await page.evaluate(() => window.consentgate?.getConsent().status)).toBe('given');
  expect(log.requests.filter(isUI)).toEqual([]);

  await expect(page.getByRole('button', { name: 'Accept all' })).toBeVisible({ timeout: 10_000 });
  expect(log.requests.filter(isUI)).toHaveLength(1);
  expect(await page.evaluate(() => window.consentgate?.getConsent())).toMatchObject({
    status: 'expired',
    choices: { analytics: false },
    previous: { choices: { analytics: true } },
  });
  // Held again from that moment: a new analytics tag waits.
  await page.evaluate(() => {
    const tag = document.createElement('script');
    tag.type = 'text/plain';
    tag.dataset.category = 'analytics';
    tag.text = 'window.analyticsRan = (window.analyticsRan || 0) + 1';
    document.body.append(tag);
  });
  expect(await page.evaluate(() => window.analyticsRan)).toBe(1);
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  await expect(
    page.getByRole('switch', { name: 'Analytics' }).or(page.getByRole('checkbox', { name: 'Analytics' })),
  ).toBeChecked();
  expect(log.pageErrors).toEqual([]);
});

test('a UI that fails to load leaves the page working, the gate closed and the API usable', async ({
  page,
}) => {
  const log = record(page);
  await page.route('**/consentgate.ui.js', (route) => route.abort());
  await page.goto(basicPage());
  await gateReady(page);
  await expect
    .poll(() => log.errors.some((text) => text.includes('could not load the consent UI')))
    .toBe(true);
  await page.locator('#page-button').click();
  await expect(page.locator('#page-button')).toHaveAttribute('data-clicked', 'yes');
  expect(await page.evaluate(() => window.analyticsRan)).toBeUndefined();
  await page.evaluate(() => window.consentgate?.update({ analytics: true }));
  expect(await page.evaluate(() => window.analyticsRan)).toBe(1);
  expect(log.pageErrors).toEqual([]);
});
