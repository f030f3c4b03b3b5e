// What the record keeps, in real Chromium: a separate category is never part of "Accept all", a
// guardian's consent is recorded as such, and a policy update voids the consent while the history
// keeps which versions were consented.
import { expect, type Page, test } from '@playwright/test';
import { consentCookie, gateReady, record } from './support/pages';

const promisesPage = (config: unknown) =>
  `/e2e/fixtures/promises/page.html?config=${encodeURIComponent(JSON.stringify(config))}`;
const consent = (page: Page) => page.evaluate(() => window.consentgate?.getConsent());
const crossBorder = {
  cross_border: {
    separate: true,
    label: 'Transfer abroad',
    recipient: { name: 'Example Holdings Pte. Ltd.', contact: 'dpo@example.sg', dataTypes: 'orders' },
  },
};

test('a separate category is not part of Accept all; its own switch grants it', async ({ page }) => {
  const log = record(page);
  await page.goto(promisesPage({ policyVersion: '1', categories: crossBorder }));
  await gateReady(page);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(async () => (await consent(page))?.status).toBe('given');
  expect((await consent(page))?.choices).toEqual({
    necessary: true,
    analytics: true,
    advertising: true,
    pixels: true,
    cross_border: false,
  });
  await page.evaluate(() => window.consentgate?.update({ cross_border: true }, 'preferences'));
  expect((await consent(page))?.choices.cross_border).toBe(true);
  expect(log.pageErrors).toEqual([]);
});

test('a guardian consent is recorded as such, in the record and the cookie', async ({ page, context }) => {
  await page.goto(promisesPage({ policyVersion: '1', minimumAge: 14 }));
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.update({ analytics: true }, 'guardian'));
  expect((await consent(page))?.record?.method).toBe('guardian');
  expect((await consentCookie(context))?.value.split('|')[6]).toBe('u');
});

test('a new policy version voids the consent, pre-fills it, and the history keeps both versions', async ({
  page,
}) => {
  await page.goto(promisesPage({ policyVersion: '2025-06' }));
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.update({ analytics: true }, 'preferences'));

  await page.goto(promisesPage({ policyVersion: '2026-11', policyChanges: 'New analytics provider.' }));
  await gateReady(page);
  const outdated = await consent(page);
  expect(outdated?.status).toBe('outdated');
  expect(outdated?.choices.analytics).toBe(false);
  expect(outdated?.previous).toMatchObject({ policyVersion: '2025-06', choices: { analytics: true } });

  await page.evaluate(() => window.consentgate?.acceptAll());
  const history = await page.evaluate(() => window.consentgate?.history());
  expect(history?.map((entry) => [entry.policyVersion, entry.method])).toEqual([
    ['2025-06', 'preferences'],
    ['2026-11', 'accept-all'],
  ]);
});
