// Section 1: bytes a visitor downloads. The files are the ones a real Chromium fetched for each
// product's page (so lazily loaded parts count: our UI chunk, tarteaucitron's services, language
// file and CSS), first visit and returning visit; each file is then compressed here with gzip -9
// and brotli -11, as a CDN would serve it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { bannerProbe, sleep, trackRequests, waitForBanner } from './browser.mjs';
import { page as pageOf } from './products.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

export function fileSizes(pathname) {
  const body = readFileSync(repoRoot + pathname.replace(/^\//, ''));
  return {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

function total(files) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) for (const k of Object.keys(sum)) sum[k] += f[k];
  return sum;
}

async function visit(page, url, product, origin, { banner }) {
  const seen = new Set();
  const onResponse = (res) => {
    const u = new URL(res.url());
    if (u.origin === origin && u.pathname.startsWith(product.prefix)) seen.add(u.pathname);
  };
  page.on('response', onResponse);
  const requests = trackRequests(page);
  await page.goto(url, { waitUntil: 'load' });
  if (banner) await waitForBanner(page);
  await requests.settle();
  page.off('response', onResponse);
  return [...seen].sort().map((pathname) => ({ file: pathname, ...fileSizes(pathname) }));
}

/** First and returning visit downloads of `product` (returning = after "accept all", reload). */
export async function measureBytes(browser, server, product) {
  const url = server.setPage(`bytes-${product.id}`, pageOf(product, { title: `bytes ${product.id}` }));
  const context = await browser.newContext();
  const page = await context.newPage();
  if (product.banner) await page.addInitScript(bannerProbe(product.banner));
  const first = await visit(page, url, product, server.origin, { banner: Boolean(product.banner) });
  let returning = null;
  if (product.accept) {
    await page.evaluate(product.accept).catch(() => {});
    await sleep(500);
    returning = await visit(page, url, product, server.origin, { banner: false });
  }
  await context.close();
  return {
    product: product.id,
    first: { files: first, total: total(first) },
    returning: returning && { files: returning, total: total(returning) },
  };
}
