// Real Chromium for every section, with no way out to the real network: every host but the
// local server is unresolvable, and tracker hosts are answered by routing (leaks.mjs).
import { chromium } from 'playwright';

export async function launchChromium({ extraArgs = [] } = {}) {
  const { chromiumLaunchOptions } = await import(
    new URL('../../e2e/support/chromium.mjs', import.meta.url).href
  );
  const base = chromiumLaunchOptions();
  return chromium.launch({
    ...base,
    headless: true,
    args: [...base.args, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', ...extraArgs],
  });
}

/** An init script that records `window.__bannerAt` (ms since navigation start) at the first
 * animation frame in which `expr` yields an element that is rendered and not transparent. */
export function bannerProbe(expr) {
  return `(function(){
  function find(){try{return (${expr})}catch(e){return null}}
  function tick(){
    var el=find();
    if(el&&el.checkVisibility({opacityProperty:true,visibilityProperty:true})){
      var r=el.getBoundingClientRect();
      if(r.width*r.height>0){window.__bannerAt=performance.now();return}
    }
    requestAnimationFrame(tick);
  }
  requestAnimationFrame(tick);
})();`;
}

export async function waitForBanner(page, timeout = 15000) {
  await page.waitForFunction(() => window.__bannerAt !== undefined, null, { timeout, polling: 50 });
  return page.evaluate(() => window.__bannerAt);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Counts the page's requests in flight (all frames); `settle()` resolves once none has been in
 * flight for `quietMs`, or after `maxMs` (a request that never ends must not stall the run). */
export function trackRequests(page) {
  const inflight = new Set();
  let lastChange = Date.now();
  const add = (r) => {
    inflight.add(r);
    lastChange = Date.now();
  };
  const done = (r) => {
    inflight.delete(r);
    lastChange = Date.now();
  };
  page.on('request', add);
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    async settle({ quietMs = 300, maxMs = 3000 } = {}) {
      const start = Date.now();
      while (Date.now() - start < maxMs) {
        if (inflight.size === 0 && Date.now() - lastChange >= quietMs) return;
        await sleep(50);
      }
    },
  };
}

/** The categories the cost section traces: script evaluation and callbacks (with URLs) and the
 * renderer's tasks and microtask checkpoints. */
export const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'v8',
  'disabled-by-default-devtools.timeline',
];

/**
 * A new context (with a stored visitor's cookies, localStorage and IndexedDB when `storageState`
 * is given) and a page whose renderer runs `rate`× slower (CDP `Emulation.setCPUThrottlingRate`),
 * set before the first navigation; DevTools keeps it when the navigation changes process.
 */
export async function throttledPage(browser, { rate, storageState }) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

/** An expression true when the element `expr` finds is rendered and not transparent. */
export const isShown = (expr) =>
  `(function(){var el=${expr};return !!(el&&el.checkVisibility({opacityProperty:true,visibilityProperty:true}))})()`;
