// The promises a site's policy makes, shown by the built banner (loaded by the built gate) in real
// Chromium: the age question, the Global Privacy Control notice, the "policy updated" banner and a
// separate-consent category. Each state is checked with axe in English and Chinese.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { gateReady, record } from './support/pages';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

function uiPage(config: unknown, lang = 'en'): string {
  const query = new URLSearchParams({ lang, config: JSON.stringify(config) });
  return `/e2e/fixtures/ui/page.html?${query}`;
}

async function axe(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const banner = (page: Page) => page.locator('.b[role="dialog"]');
const preferences = (page: Page) => page.locator('.d[role="dialog"]');
const consent = (page: Page) => page.evaluate(() => window.consentgate?.getConsent());

const LOCALES = [
  {
    lang: 'en',
    accept: 'Accept all',
    manage: 'Manage preferences',
    question: 'Before anything is switched on, please confirm your age.',
    guardian: 'I am under 14 and my parent or guardian consents',
    under: 'I am under 14',
    updated: 'Our privacy policy has changed',
    gpc: 'Global Privacy Control',
  },
  {
    lang: 'zh-CN',
    accept: '全部接受',
    manage: '管理偏好设置',
    question: '在开启任何选项之前，请确认您的年龄。',
    guardian: '我未满 14 周岁，且我的父母或其他监护人同意',
    under: '我未满 14 周岁',
    updated: '我们的隐私政策已更新',
    gpc: '全球隐私控制',
  },
];

test.beforeEach(async ({ page }) => {
  // The fixture's placeholder iframe points at a fake third party: never the network.
  await page.route('https://ads.example/**', (route) =>
    route.fulfill({ body: '<p>ad</p>', contentType: 'text/html' }),
  );
});

for (const l of LOCALES) {
  test(`minors: the age question is accessible and a guardian's consent is recorded as such (${l.lang})`, async ({
    page,
  }) => {
    const log = record(page);
    await page.goto(uiPage({ minimumAge: 14 }, l.lang));
    await gateReady(page);
    await page.getByRole('button', { name: l.accept, exact: true }).click();
    const question = page.getByRole('group', { name: l.question });
    await expect(question.getByRole('button')).toHaveCount(4);
    await expect(question.getByRole('button', { name: l.guardian })).toBeVisible();
    expect((await consent(page))?.status).toBe('none');
    await axe(page);

    await question.getByRole('button', { name: l.guardian }).click();
    await expect(banner(page)).toHaveCount(0);
    expect(await consent(page)).toMatchObject({
      status: 'given',
      choices: { analytics: true, advertising: true },
      record: { method: 'guardian' },
    });
    // The ad embed was released: the fake third party was asked for it.
    await expect.poll(() => log.requests.some((url) => url.startsWith('https://ads.example/'))).toBe(true);
    expect(log.pageErrors).toEqual([]);
  });

  test(`minors: under age without a guardian grants necessary only, nothing reaches the ad host (${l.lang})`, async ({
    page,
  }) => {
    const log = record(page);
    await page.goto(uiPage({ minimumAge: 14 }, l.lang));
    await gateReady(page);
    await page.getByRole('button', { name: l.accept, exact: true }).click();
    await page
      .getByRole('group', { name: l.question })
      .getByRole('button', { name: l.under, exact: true })
      .click();
    await expect(banner(page)).toHaveCount(0);
    expect(await consent(page)).toMatchObject({
      status: 'given',
      choices: { necessary: true, analytics: false, advertising: false, pixels: false },
      record: { method: 'reject-all' },
    });
    expect(log.requests.filter((url) => url.startsWith('https://ads.example/'))).toEqual([]);
  });

  test(`GPC: the banner and the preferences say why advertising and pixels stay off (${l.lang})`, async ({
    page,
  }) => {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', {
        get: () => true,
        configurable: true,
      }),
    );
    await page.goto(uiPage({}, l.lang));
    await gateReady(page);
    await expect(banner(page).locator('.note')).toContainText(l.gpc);
    await axe(page);
    await page.getByRole('button', { name: l.manage }).click();
    await expect(preferences(page).locator('.note')).toContainText(l.gpc);
    await axe(page);

    // The switches stay operable: an explicit opt-in is kept.
    const ads = preferences(page).locator('#cg-c-advertising');
    await ads.check();
    await preferences(page).locator('.acts .btn').first().click();
    expect(await consent(page)).toMatchObject({
      gpc: true,
      choices: { advertising: true, pixels: false },
      record: { method: 'preferences' },
    });
  });

  test(`policy versions: an outdated consent gets the "policy updated" banner, pre-filled preferences (${l.lang})`, async ({
    page,
  }) => {
    await page.goto(uiPage({ policyVersion: '1' }, l.lang));
    await gateReady(page);
    await page.evaluate(() => window.consentgate?.update({ analytics: true }));
    await page.goto(
      uiPage(
        {
          policyVersion: '2',
          policyUrl: '/privacy/v2',
          policyArchive: { '1': '/privacy/v1' },
          policyChanges: { en: 'Analytics now runs in the EU.', 'zh-CN': '分析服务现在位于欧盟。' },
        },
        l.lang,
      ),
    );
    await gateReady(page);
    expect((await consent(page))?.status).toBe('outdated');
    await expect(banner(page).locator('h2')).toHaveText(l.updated);
    await expect(banner(page)).toContainText(
      l.lang === 'en' ? 'Analytics now runs in the EU.' : '分析服务现在位于欧盟。',
    );
    await expect(banner(page).locator('a')).toHaveAttribute('href', /\/privacy\/v2$/);
    await axe(page);

    await page.getByRole('button', { name: l.manage }).click();
    await expect(preferences(page).locator('#cg-c-analytics')).toBeChecked();
    await expect(preferences(page).locator('#cg-c-advertising')).not.toBeChecked();
    const footer = preferences(page).locator(':scope > p:last-child a');
    await expect(footer.first()).toHaveAttribute('href', /\/privacy\/v1$/);
    await expect(footer.last()).toHaveAttribute('href', /\/privacy\/v2$/);
    await axe(page);
  });
}

test('separate consent: its own switch and recipient, never switched on by Accept all', async ({ page }) => {
  await page.goto(
    uiPage({
      categories: {
        cross_border: {
          label: { en: 'Transfer abroad', 'zh-CN': '向境外提供' },
          separate: true,
          recipient: { name: 'Example Pte. Ltd.', contact: 'privacy@example.sg', dataTypes: 'e-mail' },
        },
      },
    }),
  );
  await gateReady(page);
  await expect(banner(page)).toContainText('does not include Transfer abroad');
  await page.getByRole('button', { name: 'Manage preferences' }).click();
  const item = preferences(page)
    .locator('.cat')
    .filter({ has: page.locator('#cg-c-cross_border') });
  await expect(item).toContainText('Recipient: Example Pte. Ltd.');
  await expect(item).toContainText('Contact: privacy@example.sg');
  await axe(page);
  await preferences(page).getByRole('button', { name: 'Accept all' }).click();
  expect((await consent(page))?.choices).toMatchObject({ analytics: true, cross_border: false });
});
