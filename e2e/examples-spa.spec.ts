// The single-page app example (examples/spa, built by Vite): ConsentGate imported from npm,
// analytics started through whenGranted(), a map that follows on('change'), hash routes.
import {
  categoriesOf,
  expect,
  hitsAfterPageRequests,
  saveChoices,
  TRACKER,
  test,
} from './fixtures/examples/tracker';

const APP = '/examples/spa/dist/index.html';

test('first visit: the banner shows and nothing reaches a tracker, on any route', async ({
  page,
  tracker,
}) => {
  await page.goto(APP);
  await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toBeVisible();
  await page.getByRole('link', { name: 'Trails' }).click();
  await expect(page.getByRole('heading', { name: 'Trails' })).toBeVisible();
  await page.getByRole('link', { name: 'Visit us' }).click();
  await expect(page.getByRole('button', { name: 'Allow maps' })).toBeVisible();
  expect(await hitsAfterPageRequests(page, tracker)).toEqual([]);
  expect(await page.evaluate(() => 'simAnalytics' in window)).toBe(false);
});

test('Reject all: still nothing after route changes and a reload', async ({ page, tracker }) => {
  await page.goto(APP);
  await page.getByRole('button', { name: 'Reject all' }).click();
  await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toBeHidden();
  await page.getByRole('link', { name: 'Visit us' }).click();
  await expect(page.locator('#map iframe')).toHaveCount(0);
  await page.reload();
  await expect(page.locator('#consent-status')).not.toHaveAttribute('aria-busy', 'true');
  await page.getByRole('link', { name: 'Trails' }).click();
  await expect(page.getByRole('heading', { name: 'Trails' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'We value your privacy' })).toHaveCount(0);
  expect(await hitsAfterPageRequests(page, tracker)).toEqual([]);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).not.toContain('_sim_a');
});

test('analytics only: whenGranted loads it, route changes are page views, nothing else is sent', async ({
  page,
  tracker,
}) => {
  await page.goto(APP);
  await saveChoices(page, { Analytics: true });
  // The loader's second script ends with a fetch to /a/collect.
  await expect.poll(() => tracker.hits.some((hit) => hit.path.startsWith('/a/collect?'))).toBe(true);
  const views = () => tracker.hits.filter((hit) => hit.path.startsWith('/a/pv.gif')).length;
  expect(views()).toBe(1);

  await page.getByRole('link', { name: 'Trails' }).click();
  await expect.poll(views).toBe(2);
  expect(tracker.hits.at(-1)?.page).toContain('#/trails');

  await page.getByRole('link', { name: 'Visit us' }).click();
  await expect.poll(views).toBe(3);
  await expect(page.getByRole('button', { name: 'Allow maps' })).toBeVisible();
  expect(categoriesOf(await hitsAfterPageRequests(page, tracker))).toEqual(['analytics']);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toContain('_sim_a');
  await expect(page.locator('#consent-status [data-category="analytics"]')).toHaveAttribute(
    'data-granted',
    'true',
  );
});

test('the map follows on("change"); revoking from the menu stops page views and clears cookies', async ({
  page,
  tracker,
}) => {
  await page.goto(`${APP}#/visit`);
  await page.getByRole('button', { name: 'Accept all' }).click();
  const map = page.locator('#map iframe');
  await expect(map).toHaveAttribute('src', `${TRACKER}/embed/map.html`);
  await expect.poll(() => tracker.hits.some((hit) => hit.path === '/embed/map.html')).toBe(true);
  await expect.poll(() => tracker.hits.some((hit) => hit.path.startsWith('/a/collect?'))).toBe(true);
  expect((await page.context().cookies()).map((cookie) => cookie.name)).toContain('_sim_a');

  // The app's own "Privacy settings" menu entry opens the preferences.
  await saveChoices(page, { 'Maps and embeds': false, Analytics: false }, () =>
    page.getByRole('navigation').getByRole('button', { name: 'Privacy settings' }).click(),
  );
  await expect(map).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Allow maps' })).toBeVisible();
  await expect
    .poll(async () => (await page.context().cookies()).map((cookie) => cookie.name))
    .not.toContain('_sim_a');

  const before = tracker.hits.filter((hit) => hit.category === 'analytics').length;
  await page.getByRole('link', { name: 'Trails' }).click();
  await expect(page.getByRole('heading', { name: 'Trails' })).toBeVisible();
  // The analytics code already ran and still tries (a page view per route); the gate drops it.
  expect(await page.evaluate(() => 'simAnalytics' in window)).toBe(true);
  const after = await hitsAfterPageRequests(page, tracker);
  expect(after.filter((hit) => hit.category === 'analytics')).toHaveLength(before);

  // Granting the map again from its own button brings it back without a reload.
  await page.getByRole('link', { name: 'Visit us' }).click();
  await page.getByRole('button', { name: 'Allow maps' }).click();
  await expect(page.locator('#map iframe')).toBeVisible();
});
