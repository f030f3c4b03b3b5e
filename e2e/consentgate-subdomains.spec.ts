// One consent shared by www.example.test and shop.example.test through `cookie.domain`. Chromium
// resolves both names to the local server (--host-resolver-rules), so the cookie is real.
import { expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.mjs';
import { basicPage, gateReady } from './support/pages';

const port = Number(process.env.E2E_PORT ?? 4391);
const options = chromiumLaunchOptions();
test.use({
  launchOptions: {
    ...options,
    args: [...options.args, '--host-resolver-rules=MAP *.example.test 127.0.0.1'],
  },
});

test('a choice made on www is in force on shop when cookie.domain is the parent domain', async ({ page }) => {
  const config = { policyVersion: '1', cookie: { domain: '.example.test' } };
  await page.goto(`http://www.example.test:${port}${basicPage(config)}`);
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.update({ analytics: true }));

  await page.goto(`http://shop.example.test:${port}${basicPage(config)}`);
  await gateReady(page);
  expect(await page.evaluate(() => window.consentgate?.getConsent().status)).toBe('given');
  expect(await page.evaluate(() => window.analyticsRan)).toBe(1);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('without cookie.domain each sub-domain asks on its own', async ({ page }) => {
  const config = { policyVersion: '1' };
  await page.goto(`http://www.example.test:${port}${basicPage(config)}`);
  await gateReady(page);
  await page.evaluate(() => window.consentgate?.acceptAll());

  await page.goto(`http://shop.example.test:${port}${basicPage(config)}`);
  await gateReady(page);
  expect(await page.evaluate(() => window.consentgate?.getConsent().status)).toBe('none');
});
