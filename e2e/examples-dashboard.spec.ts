// The dashboard example (examples/dashboard, built by Vite): a form around the UI's preview().
import { expect, type Page, test } from '@playwright/test';

const DASHBOARD = '/examples/dashboard/dist/index.html';

const preview = (page: Page) => page.locator('#preview');
const previewTitle = (page: Page) => preview(page).getByRole('heading', { level: 2 }).first();
const previewAccept = (page: Page) =>
  preview(page)
    .getByRole('button', { name: /Accept all|全部接受/ })
    .first();
const background = (locator: ReturnType<Page['locator']>) =>
  locator.evaluate((element) => getComputedStyle(element).backgroundColor);

test.beforeEach(async ({ page }) => {
  await page.goto(DASHBOARD);
  await expect(previewTitle(page)).toHaveText('We value your privacy');
});

test('changing a colour and a text updates the live preview', async ({ page }) => {
  await page.getByLabel('Accent colour', { exact: true }).fill('#b00020');
  await page.getByLabel('Banner title').fill('Cookies at Acme');
  await expect(previewTitle(page)).toHaveText('Cookies at Acme');
  expect(await background(previewAccept(page))).toBe('rgb(176, 0, 32)');

  await page.getByLabel('Position').selectOption('box');
  await expect(preview(page).locator('consentgate-ui')).toHaveCount(1);
  await expect(page.locator('.error')).toHaveCount(0);
});

test('a broken field is named next to it and the preview keeps the last valid state', async ({ page }) => {
  const accent = page.getByLabel('Accent colour', { exact: true });
  await accent.fill('#b00020');
  await expect.poll(() => background(previewAccept(page))).toBe('rgb(176, 0, 32)');

  await accent.fill('not-a-colour');
  await expect(page.locator('[data-error-for="ui.colors.accent"]')).toContainText('ui.colors.accent');
  await expect(accent).toHaveAttribute('aria-invalid', 'true');
  await expect(accent).toHaveAccessibleDescription(/ui\.colors\.accent: expected a CSS colour/);
  expect(await background(previewAccept(page))).toBe('rgb(176, 0, 32)');

  // A second broken field while the first is still broken: both named, preview unchanged.
  await page.getByLabel('Policy version').fill('');
  await expect(page.locator('[data-error-for="policyVersion"]')).toContainText('policyVersion');
  await page.getByLabel('Banner title').fill('Not shown while the config is invalid');
  await expect(previewTitle(page)).toHaveText('We value your privacy');

  await accent.fill('#0b57d0');
  await page.getByLabel('Policy version').fill('2');
  await expect(page.locator('.error')).toHaveCount(0);
  await expect(previewTitle(page)).toHaveText('Not shown while the config is invalid');
});

test('a custom category with services appears in the preferences preview', async ({ page }) => {
  await page.getByLabel('New category id').fill('functional');
  await page.getByRole('button', { name: 'Add category' }).click();
  const card = page.locator('[data-category="functional"]');
  await card.getByLabel('Label (English)').fill('Maps and videos');
  await card.getByLabel('Services').fill('Sim Maps | Tracker simulator | _sim_map');
  await expect(preview(page).getByRole('switch', { name: 'Maps and videos' })).toBeVisible();
  await expect(preview(page).getByText('Sim Maps')).toHaveCount(1);

  await card.getByLabel('Category id').fill('Bad Id');
  await expect(page.locator('[data-error-for="categories.Bad Id"]')).toBeVisible();
  await expect(preview(page).getByRole('switch', { name: 'Maps and videos' })).toBeVisible();
});

test('"Other options" are validated too, and merged into the exported config', async ({ page }) => {
  const other = page.getByLabel('Other options as JSON');
  await other.fill('{ "lifetimeDays": ');
  await expect(page.locator('[data-error-for="other"]')).toContainText('other: invalid JSON');
  await other.fill(JSON.stringify({ lifetimeDays: -1 }));
  await expect(page.locator('[data-error-for="lifetimeDays"]')).toContainText(
    'lifetimeDays: expected a positive',
  );
  await expect(other).toHaveAttribute('aria-invalid', 'true');

  await other.fill(
    JSON.stringify({ lifetimeDays: 90, translations: { de: { acceptAll: 'Alle akzeptieren' } } }),
  );
  await page.getByLabel('Banner title').fill('Hello');
  await expect(page.locator('.error')).toHaveCount(0);
  const exported = JSON.parse(await page.locator('#export-json').inputValue());
  expect(exported).toMatchObject({
    lifetimeDays: 90,
    translations: { de: { acceptAll: 'Alle akzeptieren' }, en: { bannerTitle: 'Hello' } },
  });
});

test('the language and theme switches change the preview', async ({ page }) => {
  await page.getByLabel('Preview language').selectOption('zh-CN');
  await expect(previewTitle(page)).toHaveText('我们重视您的隐私');
  await page.getByRole('button', { name: 'Dark' }).click();
  await expect(preview(page).locator('consentgate-ui').locator('.cg')).toHaveClass(/\bdark\b/);
  const dark = await preview(page)
    .locator('consentgate-ui')
    .locator('.p')
    .first()
    .evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(dark).toBe('rgb(31, 31, 31)');
});

test('the visitor switch previews the policy-updated banner and the age question, and is remembered', async ({
  page,
}) => {
  await page.getByLabel('Visitor').selectOption('updated');
  await expect(previewTitle(page)).toHaveText('Our privacy policy has changed');
  await page.getByLabel('Policy version').fill('5');
  await expect(preview(page).locator('consentgate-ui').locator('#cg-bd')).toContainText('now version 5');
  await expect(preview(page).locator('consentgate-ui').locator('#cg-c-analytics')).toBeChecked();

  await page.getByLabel('Other options as JSON').fill(JSON.stringify({ minimumAge: 14 }));
  await page.getByLabel('Visitor').selectOption('age');
  await expect(preview(page).getByRole('button', { name: 'I am 14 or older' }).first()).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Visitor')).toHaveValue('age');
  await expect(preview(page).getByRole('button', { name: 'I am 14 or older' }).first()).toBeVisible();
});

test('the state survives a reload, and importing a JSON config fills the form', async ({ page }) => {
  await page.getByLabel('Banner title').fill('Saved title');
  await page.getByLabel('Accent colour', { exact: true }).fill('#116611');
  await page.reload();
  await expect(page.getByLabel('Banner title')).toHaveValue('Saved title');
  await expect(page.getByLabel('Accent colour', { exact: true })).toHaveValue('#116611');
  await expect(previewTitle(page)).toHaveText('Saved title');

  const imported = {
    policyVersion: '7',
    policyUrl: 'https://example.com/privacy',
    translations: { en: { bannerTitle: 'Imported title' } },
    ui: { position: 'center', colors: { accent: '#6d28d9' } },
    categories: {
      functional: { label: { en: 'Functional' }, services: [{ name: 'Chat widget', cookies: ['_chat'] }] },
    },
    lifetimeDays: 90,
  };
  await page.getByLabel('Import a config (JSON)').fill(JSON.stringify(imported));
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByLabel('Banner title')).toHaveValue('Imported title');
  await expect(page.getByLabel('Policy version')).toHaveValue('7');
  await expect(page.getByLabel('Position')).toHaveValue('center');
  await expect(page.locator('[data-category="functional"]').getByLabel('Services')).toHaveValue(
    'Chat widget |  | _chat',
  );
  await expect(page.getByLabel('Other options as JSON')).toHaveValue(/"lifetimeDays": 90/);
  await expect(previewTitle(page)).toHaveText('Imported title');
  expect(JSON.parse(await page.locator('#export-json').inputValue())).toMatchObject(imported);

  await page.getByLabel('Import a config (JSON)').fill('{ not json');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.locator('[data-error-for="import"]')).toBeVisible();
  await expect(page.getByLabel('Banner title')).toHaveValue('Imported title');
});

test('the exported snippet, pasted into a blank page, shows the same banner', async ({ page, context }) => {
  await page.getByLabel('Banner title').fill('Exported banner');
  await page.getByLabel('Accent colour', { exact: true }).fill('#b00020');
  const snippet = page.locator('#export-snippet');
  await expect(snippet).toHaveValue(/integrity="sha384-[A-Za-z0-9+/]+=*"/);
  await expect(snippet).toHaveValue(/Exported banner/);
  const text = await snippet.inputValue();

  const blank = new URL('/blank-page-for-the-snippet.html', page.url()).href;
  await context.route(blank, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8">${text}</head><body><p>Blank page</p></body></html>`,
    }),
  );
  const site = await context.newPage();
  const errors: string[] = [];
  site.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  await site.goto(blank);
  const banner = site.getByRole('dialog', { name: 'Exported banner' });
  await expect(banner).toBeVisible();
  expect(await background(banner.getByRole('button', { name: 'Accept all' }))).toBe('rgb(176, 0, 32)');
  expect(errors).toEqual([]);

  // A tampered gate file would fail its integrity check: the hash is of the real file.
  const hash = /integrity="(sha384-[^"]+)"/.exec(text)![1];
  const actual = await site.evaluate(async () => {
    const script = document.querySelector<HTMLScriptElement>('script[integrity]')!;
    const body = await (await fetch(script.src)).arrayBuffer();
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', body));
    return `sha384-${btoa(String.fromCharCode(...digest))}`;
  });
  expect(actual).toBe(hash);
});
