// Under a strict CSP (nonces only, Trusted Types required) the gate loads its UI, styles it, and
// releases held tags without a single policy violation.
import { expect, test } from '@playwright/test';
import { gateReady, record } from './support/pages';

test('a strict nonce CSP with Trusted Types: banner, styles and released tags, no violation', async ({
  page,
}) => {
  const log = record(page);
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.goto('/e2e/fixtures/consentgate/csp.html');
  await gateReady(page);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // Styled: a visible banner has a non-transparent background (the stylesheet applied).
  const background = await dialog.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toBe('rgba(0, 0, 0, 0)');

  await page.evaluate(() => window.consentgate?.acceptAll());
  await expect.poll(() => page.evaluate(() => window.analyticsRan)).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});
