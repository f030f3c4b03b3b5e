// Bad input never breaks the host page: one clear console error naming each bad field, the gate
// still closed (fail closed), the page's own scripts and buttons still working.
import { expect, test } from '@playwright/test';
import { basicPage, consentCookie, gateReady, record } from './support/pages';

test('a config with bad fields gives one console error naming every field, and the gate stays closed', async ({
  page,
}) => {
  const log = record(page);
  await page.goto(
    basicPage({ policyVersion: { v: 7 }, lifetimeDays: -3, categories: { analytics: { label: 42 } } }),
  );
  await gateReady(page);
  const reports = log.errors.filter((text) => text.includes('[consentgate]'));
  expect(reports).toHaveLength(1);
  expect(reports[0]).toContain('policyVersion');
  expect(reports[0]).toContain('lifetimeDays');
  expect(reports[0]).toContain('categories.analytics.label');
  expect(await page.evaluate(() => window.analyticsRan)).toBeUndefined();
  await page.locator('#page-button').click();
  await expect(page.locator('#page-button')).toHaveAttribute('data-clicked', 'yes');
  expect(log.pageErrors).toEqual([]);
});

test('a config that is not an object falls back to the defaults with an error', async ({ page }) => {
  const log = record(page);
  await page.goto(basicPage(42));
  await gateReady(page);
  expect(log.errors.filter((text) => text.includes('[consentgate]'))).toHaveLength(1);
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(log.pageErrors).toEqual([]);
});

test('the JSON config block is read when there is no window.consentgateConfig', async ({ page, context }) => {
  await page.goto('/e2e/fixtures/consentgate/json-config.html');
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.rejectAll());
  const cookie = await consentCookie(context, 'cg_json');
  expect(cookie?.value).toContain('json-7');
});

test('a corrupt consent cookie means "no consent": the banner shows again and nothing throws', async ({
  page,
  context,
  baseURL,
}) => {
  const log = record(page);
  await context.addCookies([{ name: 'cg_consent', value: '1|garbage|%E0%A4%A|zz', url: baseURL ?? '' }]);
  await page.goto(basicPage());
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await page.evaluate(() => window.consentgate?.getConsent().status)).toBe('none');
  expect(log.pageErrors).toEqual([]);
});
