// The marketing-site example (examples/marketing-site): the script tag, annotated and
// unannotated third-party tags, an iframe embed, a privacy policy in English and Chinese.
import { readdirSync, readFileSync } from 'node:fs';
import {
  categoriesOf,
  expect,
  gateReady,
  hitsAfterPageRequests,
  saveChoices,
  test,
} from './fixtures/examples/tracker';

const SITE = '/examples/marketing-site/';

// Every page carries its config inline (as a static site would, see examples/README.md): the copies
// must not drift apart, or the banner would differ from page to page.
test('every page of the site carries the same inline config, before the gate', () => {
  const dir = new URL('../examples/marketing-site/', import.meta.url);
  const pages = readdirSync(dir).filter((name) => name.endsWith('.html'));
  expect(pages.length).toBeGreaterThanOrEqual(6);
  const heads = pages.map((name) => {
    const html = readFileSync(new URL(name, dir), 'utf8');
    const config = /<script>\s*window\.consentgateConfig = [\s\S]*?<\/script>/.exec(html)?.[0];
    expect(config, name).toBeDefined();
    expect(html.indexOf('consentgate.js'), name).toBeGreaterThan(html.indexOf(config!));
    return config;
  });
  expect(new Set(heads).size).toBe(1);
});
const cookieNames = async (page: import('@playwright/test').Page) =>
  (await page.context().cookies()).map((cookie) => cookie.name);

test('first visit: the banner shows and no tracker receives anything', async ({ page, tracker }) => {
  await page.goto(`${SITE}index.html`);
  await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toBeVisible();
  await page.waitForLoadState('load');
  expect(await hitsAfterPageRequests(page, tracker)).toEqual([]);
  expect(await page.evaluate(() => ({ a: 'simAnalytics' in window, ads: 'simAds' in window }))).toEqual({
    a: false,
    ads: false,
  });
  expect(await cookieNames(page)).not.toContain('_sim_a');

  await page.getByRole('link', { name: 'Video' }).click();
  await expect(page.getByRole('button', { name: 'Allow Advertising' })).toBeVisible();
  expect(await hitsAfterPageRequests(page, tracker)).toEqual([]);
});

test('Reject all: still nothing across page navigation', async ({ page, tracker }) => {
  await page.goto(`${SITE}index.html`);
  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toBeHidden();
  for (const link of ['Pricing', 'Video', 'Privacy', 'Home']) {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await gateReady(page);
    await page.waitForLoadState('load');
    await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toHaveCount(0);
  }
  expect(await hitsAfterPageRequests(page, tracker)).toEqual([]);
  expect(await cookieNames(page)).toEqual(['cg_consent']);
});

test('analytics only: only analytics hits, on every page', async ({ page, tracker }) => {
  await page.goto(`${SITE}index.html`);
  await saveChoices(page, { Analytics: true });
  // Released in place: the annotated loader, its second script and its fetch, pixel and beacon.
  await expect
    .poll(() => tracker.hits.map((hit) => hit.path.split('?')[0]).sort())
    .toEqual(['/a/beacon', '/a/collect', '/a/collect.js', '/a/loader.js', '/a/pv.gif']);
  expect(await cookieNames(page)).toEqual(expect.arrayContaining(['_sim_a', '_sim_a_session']));

  await page.getByRole('navigation').getByRole('link', { name: 'Pricing' }).click();
  await expect.poll(() => tracker.hits.filter((hit) => hit.path.includes('site=pricing')).length).toBe(5);
  await page.getByRole('button', { name: 'Start a free trial' }).click();
  await expect.poll(() => tracker.hits.some((hit) => hit.path.startsWith('/a/event?'))).toBe(true);

  const hits = await hitsAfterPageRequests(page, tracker);
  expect(categoriesOf(hits)).toEqual(['analytics']);
  // The same visitor id on both pages (all but the loader requests carry it): the tag's own cookie.
  const ids = hits.filter((hit) => !hit.path.startsWith('/a/loader.js')).map((hit) => hit.cookies);
  expect(ids).toHaveLength(9);
  expect(new Set(ids)).toEqual(new Set([expect.stringMatching(/^cid=\w+$/)]));
  expect(await cookieNames(page)).not.toContain('_sim_ads');
});

test('advertising only: the ad loads, but its own conversion pixel stays held (pixels is denied)', async ({
  page,
  tracker,
}) => {
  await page.goto(`${SITE}index.html`);
  await saveChoices(page, { Advertising: true });
  await expect(page.frameLocator('iframe[title="Advertisement"]').getByText('Simulated ad')).toBeVisible();
  expect(await page.evaluate(() => 'simAds' in window)).toBe(true);
  const hits = await hitsAfterPageRequests(page, tracker);
  expect(categoriesOf(hits)).toEqual(['advertising']);
  expect(hits.map((hit) => hit.path.split('?')[0]).sort()).toEqual(['/ads/ads.js', '/ads/frame.html']);
});

test('revoking from the privacy page link stops the hits and clears the cookies', async ({
  page,
  tracker,
}) => {
  await page.goto(`${SITE}privacy.html`);
  await page.getByRole('button', { name: 'Accept all' }).click();
  await expect.poll(() => tracker.hits.some((hit) => hit.path.startsWith('/a/collect?'))).toBe(true);
  await expect.poll(() => categoriesOf(tracker.hits)).toEqual(['advertising', 'analytics', 'pixels']);
  await expect.poll(() => cookieNames(page)).toEqual(expect.arrayContaining(['_sim_a', '_sim_ads']));

  await saveChoices(page, { Analytics: false }, () =>
    page.getByRole('link', { name: 'change or withdraw my consent' }).click(),
  );
  await expect.poll(() => cookieNames(page)).not.toContain('_sim_a');
  expect(await cookieNames(page)).not.toContain('_sim_a_session');
  expect(await cookieNames(page)).toContain('_sim_ads');

  // The analytics code already ran; its next event is gated (the fetch settles, nothing arrives).
  const analytics = () => tracker.hits.filter((hit) => hit.category === 'analytics').length;
  const before = analytics();
  await page.evaluate(() =>
    (window as unknown as { simAnalytics: { event(n: string): Promise<void> } }).simAnalytics.event(
      'after-revoke',
    ),
  );
  expect(
    (await hitsAfterPageRequests(page, tracker)).filter((hit) => hit.category === 'analytics'),
  ).toHaveLength(before);

  // On the next page advertising still loads (the control) while analytics stays silent.
  await page.getByRole('navigation').getByRole('link', { name: 'Home' }).click();
  await expect
    .poll(() => tracker.hits.some((hit) => hit.path === '/ads/ads.js' && hit.n > before))
    .toBe(true);
  await gateReady(page);
  await page.waitForLoadState('load');
  expect(
    (await hitsAfterPageRequests(page, tracker)).filter((hit) => hit.category === 'analytics'),
  ).toHaveLength(before);
  expect(await page.evaluate(() => 'simAnalytics' in window)).toBe(false);
});

test('the video embed waits behind a placeholder and loads on its own consent button', async ({
  page,
  tracker,
}) => {
  await page.goto(`${SITE}video.html`);
  await page.getByRole('button', { name: 'Reject all' }).click();
  await page.getByRole('button', { name: 'Allow Advertising' }).click();
  const frame = page.frameLocator('iframe[title="Lumen Notes intro video"]');
  await expect(frame.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect.poll(() => tracker.hits.some((hit) => hit.path.startsWith('/embed/video.html'))).toBe(true);
  expect(categoriesOf(await hitsAfterPageRequests(page, tracker))).not.toContain('analytics');
});

test('the Chinese policy page shows the Chinese banner', async ({ page, tracker }) => {
  await page.goto(`${SITE}privacy-zh.html`);
  const banner = page.getByRole('dialog', { name: '我们重视您的隐私' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button', { name: '全部拒绝' })).toBeVisible();
  await banner.getByRole('button', { name: '全部拒绝' }).click();
  await expect(banner).toBeHidden();
  await page.getByRole('link', { name: '更改或撤回我的同意' }).click();
  await expect(page.getByRole('dialog', { name: '隐私偏好设置' })).toBeVisible();
  expect(await hitsAfterPageRequests(page, tracker)).toEqual([]);
});
