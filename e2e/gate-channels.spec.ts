// Gate behaviours beyond "no leak" (the leak suite covers every channel): release semantics
// under a nonce CSP, the iframe placeholder, reloadOnRevoke, debug logging, and the gate being
// a synchronous classic script.
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { fakeVendors } from './support/fake-vendors';

declare global {
  interface Window {
    __marks?: string[];
    __gateWasSync?: boolean;
  }
}

test.beforeEach(async ({ context }) => {
  await fakeVendors(context);
});

async function ready(page: Page): Promise<void> {
  await page.waitForFunction(() => window.consentgate !== undefined);
  await page.evaluate(() => window.consentgate?.ready);
}

const marks = (page: Page) => page.evaluate(() => window.__marks ?? []);

test.describe('release', () => {
  test.beforeEach(async ({ context }) => {
    // Served with a header CSP, so the nonce attribute is hidden and only the property keeps it.
    await context.route('**/e2e/fixtures/gate/release.html', async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: { ...response.headers(), 'content-security-policy': "script-src 'nonce-abc'" },
      });
    });
  });

  test('held tags run on grant in document order, once, keeping async/defer/module/nomodule, onload and the nonce', async ({
    page,
  }) => {
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await page.goto('/e2e/fixtures/gate/release.html');
    await ready(page);
    expect(await page.evaluate(() => window.__gateWasSync)).toBe(true);
    expect(await marks(page)).toEqual(['fallback-while-denied']);

    await page.evaluate(() => window.consentgate?.update({ analytics: true }));
    await expect.poll(() => marks(page)).toContain('5-onload');
    await expect.poll(() => marks(page)).toContain('module:object');
    const ran = await marks(page);
    // The ordered classic tags keep their order; async/module ones may run when ready.
    const ordered = ran.filter((mark) => ['2-external', '3-inline', '4-external-defer'].includes(mark));
    expect(ordered).toEqual(['2-external', '3-inline', '4-external-defer']);
    expect([...ran].sort()).toEqual(
      [
        '1-external-async',
        '2-external',
        '3-inline',
        '4-external-defer',
        '5-code',
        '5-onload',
        'fallback-while-denied',
        'module:object',
      ].sort(),
    );
    const released = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLScriptElement>('script[src*="cdn.segment.com"]')).map((s) => ({
        src: s.src,
        async: s.async,
        defer: s.defer,
        type: s.type,
        nonce: s.nonce,
      })),
    );
    expect(released.find((s) => s.src.includes('a.js'))).toMatchObject({
      async: true,
      type: '',
      nonce: 'abc',
    });
    expect(released.find((s) => s.src.includes('c.js'))).toMatchObject({ defer: true, nonce: 'abc' });
    expect(violations).toEqual([]);

    // A second grant releases nothing again.
    await page.evaluate(() => window.consentgate?.update({ analytics: true, pixels: true }));
    await expect
      .poll(() => page.evaluate(() => document.querySelector('img')?.getAttribute('src')))
      .toContain('bat.bing.com');
    expect((await marks(page)).length).toBe(ran.length);

    // Returning visit: everything runs during the page load, once; the fallback does not.
    await page.reload();
    await ready(page);
    await expect.poll(() => marks(page)).toContain('5-onload');
    await expect.poll(() => marks(page)).toContain('module:object');
    expect((await marks(page)).filter((mark) => mark === '3-inline')).toHaveLength(1);
    expect(await marks(page)).not.toContain('fallback-while-denied');
    expect(await marks(page)).not.toContain('nomodule-must-not-run');
  });
});

test('an iframe waits behind a labelled placeholder whose button grants its category', async ({
  page,
  context,
}) => {
  const hits: string[] = [];
  context.on('request', (request) => hits.push(request.url()));
  await page.goto('/e2e/fixtures/gate/placeholder.html');
  await ready(page);
  const box = page.getByRole('group', { name: /Video and ads/ });
  await expect(box).toBeVisible();
  await expect(box).toContainText('www.youtube.com');
  expect(hits.filter((url) => url.includes('youtube.com'))).toEqual([]);
  await box.getByRole('button', { name: /Video and ads/ }).click();
  await expect(page.locator('iframe[src*="youtube.com/embed/abc"]')).toBeVisible();
  await expect(box).toHaveCount(0);
  expect(await page.evaluate(() => window.consentgate?.getConsent().choices.advertising)).toBe(true);
  // The element gets its src before the frame's navigation request is reported: wait for it.
  await expect.poll(() => hits.filter((url) => url.includes('youtube.com/embed/abc'))).toHaveLength(1);

  // Revoking unloads the embed and shows the placeholder again.
  await page.evaluate(() => window.consentgate?.update({ advertising: false }));
  await expect(page.getByRole('group', { name: /Video and ads/ })).toBeVisible();
  await expect
    .poll(() => page.frames().map((frame) => frame.url()))
    .not.toContain('https://www.youtube.com/embed/abc');
});

test('reloadOnRevoke reloads the page after a category is revoked', async ({ page }) => {
  await page.goto(
    `/e2e/fixtures/gate/options.html?config=${encodeURIComponent(JSON.stringify({ reloadOnRevoke: true }))}`,
  );
  await ready(page);
  await page.evaluate(() => window.consentgate?.update({ analytics: true }));
  await page.evaluate(() => {
    (window as unknown as { __before: boolean }).__before = true;
  });
  await Promise.all([
    page.waitForEvent('load'),
    page.evaluate(() => window.consentgate?.update({ analytics: false })),
  ]);
  expect(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before)).toBeUndefined();
});

test('debug logs what was held and why as a console table', async ({ page }) => {
  const tables: string[] = [];
  page.on('console', async (message) => {
    if (message.type() !== 'table') return;
    const args = await Promise.all(message.args().map((arg) => arg.jsonValue()));
    tables.push(JSON.stringify(args));
  });
  await page.goto(
    `/e2e/fixtures/gate/options.html?config=${encodeURIComponent(JSON.stringify({ debug: true }))}`,
  );
  await ready(page);
  await expect.poll(() => tables.join('\n')).toContain('googletagmanager.com/gtag/js');
  expect(tables.join('\n')).toMatch(/held/);
  expect(tables.join('\n')).toMatch(/analytics not granted/);
});

test('the gate is one synchronous classic script (no module syntax)', () => {
  const file = new URL('../packages/consentgate/dist/consentgate.js', import.meta.url);
  const source = readFileSync(file, 'utf8');
  expect(source).not.toMatch(/^\s*(import|export)\b/m);
  expect(source).not.toMatch(/\bimport\(/);
});
