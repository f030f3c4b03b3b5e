// The banner and the preferences in real Chromium, loaded by the built gate: axe in every state,
// keyboard and focus behaviour, both languages, both themes, narrow screens.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { gateReady, record } from './support/pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

function uiPage(options: { lang?: string; config?: unknown } = {}): string {
  const query = new URLSearchParams();
  if (options.lang) query.set('lang', options.lang);
  if (options.config) query.set('config', JSON.stringify(options.config));
  return `/e2e/fixtures/ui/page.html?${query}`;
}

async function axe(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const banner = (page: Page) => page.getByRole('dialog', { name: /privacy|隐私/i }).and(page.locator('.b'));
const preferences = (page: Page) => page.locator('.d[role="dialog"]');

test.beforeEach(async ({ page }) => {
  // The placeholder iframe points at a fake third party: never the network.
  await page.route('https://ads.example/**', (route) =>
    route.fulfill({ body: '<p>ad</p>', contentType: 'text/html' }),
  );
});

for (const { name, lang, scheme } of [
  { name: 'English, light', lang: 'en', scheme: 'light' as const },
  { name: 'English, dark', lang: 'en', scheme: 'dark' as const },
  { name: 'Chinese, light', lang: 'zh-CN', scheme: 'light' as const },
  { name: 'Chinese, dark', lang: 'zh-CN', scheme: 'dark' as const },
]) {
  test(`axe finds nothing in the banner, preferences, placeholder and floating button (${name})`, async ({
    page,
  }) => {
    const log = record(page);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(uiPage({ lang }));
    await expect(banner(page)).toBeVisible();
    // theme 'auto' follows prefers-color-scheme.
    expect(await banner(page).evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
      scheme === 'dark' ? 'rgb(31, 31, 31)' : 'rgb(255, 255, 255)',
    );
    await axe(page);

    await page.locator('.b .btn.o').click();
    await expect(preferences(page)).toBeVisible();
    await preferences(page).locator('summary').first().click();
    await axe(page);

    await preferences(page).locator('.btn').nth(2).click();
    await expect(preferences(page)).toHaveCount(0);
    // The gate's own floating button (the UI mounts with `triggers: false`).
    await expect(page.locator('[data-consentgate="floating"]').getByRole('button')).toBeVisible();
    await axe(page);
    expect(log.pageErrors).toEqual([]);
  });
}

test('axe finds nothing in the blocking (cookie wall) mode and the centred box', async ({ page }) => {
  await page.goto(uiPage({ config: { ui: { blocking: true, position: 'center' } } }));
  await expect(banner(page)).toBeVisible();
  await axe(page);
  // The opt-in wall covers the page: a click on the page lands on the backdrop.
  const box = (await page.locator('#page-button').boundingBox())!;
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, {
    x: box.x + box.width / 2,
    y: box.y + box.height / 2,
  });
  expect(hit).toBe('CONSENTGATE-UI');
});

test('the banner texts come in Chinese from <html lang>', async ({ page }) => {
  await page.goto(uiPage({ lang: 'zh-CN' }));
  await expect(page.getByRole('button', { name: '全部接受' })).toBeVisible();
  await expect(page.getByRole('button', { name: '全部拒绝' })).toBeVisible();
  await expect(page.getByRole('button', { name: '管理偏好设置' })).toBeVisible();
});

test('keyboard: the preferences trap focus, Space toggles, Escape closes and focus returns to the opener', async ({
  page,
}) => {
  await page.goto(uiPage());
  await gateReady(page);
  await expect(banner(page)).toBeVisible();
  await page.locator('#withdraw').focus();
  await page.keyboard.press('Enter');
  const dialog = preferences(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  await expect(page.getByRole('button', { name: 'Close' })).toBeFocused();

  // Tab all the way round: focus never leaves the dialog.
  const seen = new Set<string>();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const inside = await page.evaluate(() => {
      const host = document.activeElement;
      const el = host?.shadowRoot?.activeElement;
      return !!el?.closest('.d') && `${el.tagName}#${el.id}.${el.className}:${el.textContent}`;
    });
    expect(inside).toBeTruthy();
    seen.add(String(inside));
  }
  expect(seen.size).toBeGreaterThan(6);
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');

  const analytics = page.getByRole('switch', { name: 'Analytics' });
  await analytics.focus();
  await page.keyboard.press('Space');
  await expect(analytics).toBeChecked();
  await expect(page.getByRole('switch', { name: /Strictly necessary/ })).toBeChecked();
  await expect(page.getByRole('switch', { name: /Strictly necessary/ })).toBeDisabled();

  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(page.locator('#withdraw')).toBeFocused();
  expect(await page.evaluate(() => window.consentgate?.getConsent().status)).toBe('none');
  await expect(banner(page)).toBeVisible();
});

test('no horizontal scroll at 320 px, and the page stays usable under the banner', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const lang of ['en', 'zh-CN']) {
    await page.goto(uiPage({ lang }));
    await expect(banner(page)).toBeVisible();
    await page.locator('.b .btn.o').click();
    await expect(preferences(page)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.keyboard.press('Escape');
  }
  await page.locator('#page-button').click();
  await expect(page.locator('#page-button')).toHaveAttribute('data-clicked', 'yes');
});

test('reduced motion turns the entrance animation off', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(uiPage());
  await expect(banner(page)).toBeVisible();
  expect(await banner(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  expect(await banner(page).evaluate((el) => getComputedStyle(el).animationName)).toBe('cg-in');
});

test('the host page does not shift when the banner appears', async ({ page }) => {
  await page.goto(uiPage());
  await expect(banner(page)).toBeVisible();
  const withBanner = await page.locator('#page-button').boundingBox();
  await page.evaluate(() => document.querySelector('consentgate-ui')?.remove());
  const without = await page.locator('#page-button').boundingBox();
  expect(withBanner).toEqual(without);
});
