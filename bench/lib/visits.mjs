// Returning visitors for the cost sections: what a browser keeps after one visit on which the
// visitor chose, replayed into a fresh context for every measured load.
import { isShown, sleep } from './browser.mjs';

/**
 * The storage (cookies, localStorage, IndexedDB) of a visitor who loaded `url` once and chose
 * `choice` ('accept' or 'reject') with `product`'s own API; for `browser.newContext({ storageState })`.
 * Throws when the product does not report a valid consent afterwards.
 */
export async function returningVisitor(browser, url, product, choice) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    if (product.ready) await page.evaluate(product.ready);
    await page.evaluate(product[choice]);
    // Storage writes (IndexedDB) may finish after the API's promise.
    await sleep(500);
    if (!(await page.evaluate(product.consented)))
      throw new Error(`${product.id}: no valid consent after ${choice}`);
    return await context.storageState({ indexedDB: true });
  } finally {
    await context.close();
  }
}

/** Throws unless `page` (loaded with a returning visitor's storage) has a valid consent and no banner. */
export async function checkReturning(page, product) {
  if (!(await page.evaluate(product.consented))) throw new Error('returning visitor: no valid consent');
  if (product.banner && (await page.evaluate(isShown(product.banner))))
    throw new Error('returning visitor: the banner is shown');
}
