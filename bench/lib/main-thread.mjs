// Section 3: main-thread cost. A DOM-heavy workload (10,000 element insertions one by one, then a
// Preact render of a 5,000-row table), waiting one task after each part so MutationObserver
// callbacks are counted. The headline figure is the renderer main thread's CPU time over the
// workload (CDP Performance.getMetrics ThreadTime, thread ticks), which other processes on a
// shared machine do not inflate; wall time from performance.now() is kept beside it. Run with no consent tool, with our
// gate (returning visitor who rejected all: interceptors on, no banner; and first visit with the
// banner open), and with yett. Also each script's own start-up: from the end of its download
// (Resource Timing responseEnd) to the next parser-blocking inline script.
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bannerProbe, sleep, waitForBanner } from './browser.mjs';
import { products } from './products.mjs';
import { shuffled, summary } from './stats.mjs';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const preactFile = realpathSync(
  createRequire(`${repoRoot}packages/ui/package.json`)
    .resolve('preact')
    .replace(/preact\.js$/, 'preact.min.umd.js'),
);
const preactUrl = `/${relative(repoRoot, preactFile)}`;

const workload = `
window.__workload = async function () {
  var nextTask = function () { return new Promise(function (r) { var c = new MessageChannel(); c.port1.onmessage = function () { r(); }; c.port2.postMessage(0); }); };
  var bulk = document.getElementById('bulk');
  var tags = ['div', 'span', 'p', 'a', 'li', 'section', 'img', 'button', 'em', 'strong'];
  var t0 = performance.now();
  for (var i = 0; i < 10000; i++) {
    var tag = tags[i % 10];
    var el = document.createElement(tag);
    if (tag === 'img') { el.alt = ''; el.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; }
    else if (tag === 'a') { el.href = '/page/' + i; el.textContent = 'link ' + i; }
    else el.textContent = 'item ' + i;
    (i % 100 === 0 ? document.body : bulk).appendChild(el);
  }
  await nextTask();
  var t1 = performance.now();
  var h = preact.h, rows = [];
  for (var j = 0; j < 5000; j++) rows.push(h('tr', { key: j }, h('td', null, String(j)), h('td', null, 'row ' + j), h('td', null, h('a', { href: '#' + j }, 'open'))));
  preact.render(h('table', null, h('tbody', null, rows)), document.getElementById('root'));
  await nextTask();
  var t2 = performance.now();
  return { insertions: t1 - t0, preact: t2 - t1, total: t2 - t0 };
};`;

function workloadPage(product) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>main thread</title>
<script>window.__t0=performance.now()</script>
${product.head({ mode: 'plain' })}
<script>window.__t1=performance.now()</script>
</head><body><main><h1>DOM-heavy page</h1></main><div id="bulk"></div><div id="root"></div>
<script src="${preactUrl}"></script>
<script>${workload}</script>
</body></html>`;
}

const startupOf = (scriptPrefix) => `(function(){
  var e = performance.getEntriesByType('resource').filter(function (r) { return r.name.indexOf(${JSON.stringify(scriptPrefix)}) >= 0 && r.initiatorType === 'script'; })[0];
  return e ? window.__t1 - Math.max(window.__t0, e.responseEnd) : null;
})()`;

const variants = [
  { id: 'none', product: 'none', label: 'no consent tool' },
  { id: 'ours-returning', product: 'ours', label: 'ConsentGate, returning visitor (rejected all)' },
  { id: 'ours-first', product: 'ours', label: 'ConsentGate, first visit (banner open)' },
  { id: 'yett', product: 'yett', label: 'yett (blacklist on)' },
];

const startupScripts = {
  ours: '/consentgate/dist/consentgate.js',
  yett: '/yett/dist/yett.min.js',
};

export async function measureMainThread(browser, server, runs, log) {
  const urls = {};
  for (const v of variants)
    urls[v.id] = server.setPage(`work-${v.product}`, workloadPage(products[v.product]));
  const results = Object.fromEntries(
    variants.map((v) => [v.id, { insertions: [], preact: [], total: [], cpu: [], startup: [] }]),
  );
  for (let round = 0; round < runs; round++) {
    for (const v of shuffled(variants)) {
      const p = products[v.product];
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      const cpu = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'ThreadTime').value * 1000;
      try {
        await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
        if (v.id === 'ours-returning') {
          await page.goto(urls[v.id], { waitUntil: 'load' });
          await page.waitForFunction(() => window.consentgate !== undefined, null, { timeout: 5000 });
          await page.evaluate(p.reject);
          await sleep(300);
        }
        if (v.id === 'ours-first') await page.addInitScript(bannerProbe(p.banner));
        await page.goto(urls[v.id], { waitUntil: 'load' });
        if (v.id === 'ours-first') await waitForBanner(page, 5000);
        const cpuBefore = await cpu();
        const r = await page.evaluate(() => window.__workload());
        r.cpu = (await cpu()) - cpuBefore;
        const startup = startupScripts[v.product]
          ? await page.evaluate(startupOf(startupScripts[v.product]))
          : null;
        for (const k of ['insertions', 'preact', 'total', 'cpu']) results[v.id][k].push(r[k]);
        if (startup !== null) results[v.id].startup.push(startup);
      } catch (error) {
        results[v.id].failures = (results[v.id].failures ?? 0) + 1;
        log(`  main thread: ${v.id} failed: ${String(error.message).split('\n')[0]}`);
      }
      await context.close();
    }
    log(`  main thread: round ${round + 1}/${runs}`);
  }
  return variants.map((v) => ({
    variant: v.id,
    label: v.label,
    failures: results[v.id].failures ?? 0,
    insertions: summary(results[v.id].insertions),
    preact: summary(results[v.id].preact),
    total: summary(results[v.id].total),
    cpu: summary(results[v.id].cpu),
    startup: results[v.id].startup.length ? summary(results[v.id].startup) : null,
  }));
}
