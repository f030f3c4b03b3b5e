// Section `dom`: what a product costs a page's own script. The page's script does the issue's
// workload: 2,500 appendChild of new elements (mixed tags, data-URI images, links), 50 innerHTML
// assignments of HTML strings (a few elements each, some with first-party image and link URLs),
// 500 first-party fetch() calls to /bench/__ping; each part then waits one task (MessageChannel)
// so MutationObserver work counts. CPU throttled 4× through CDP. Measured per part: the renderer's
// script time (CDP Performance.getMetrics ScriptDuration delta) and main-thread CPU (ThreadTime
// delta), both in thread ticks, and the part's performance.now() time. Variants: no tool; ours for
// a returning visitor who granted everything, and one who denied everything; yett with its
// blacklist; vanilla-cookieconsent for a returning visitor who accepted.
import { sleep, throttledPage, trackRequests } from './browser.mjs';
import { products, siteBlacklist } from './products.mjs';
import { PING } from './server.mjs';
import { shuffled, summary } from './stats.mjs';
import { checkReturning, returningVisitor } from './visits.mjs';

export const DOM_RATE = 4;
export const PARTS = ['appendChild', 'innerHTML', 'fetch'];

const workload = `
(function () {
  var nextTask = function () { return new Promise(function (r) { var c = new MessageChannel(); c.port1.onmessage = function () { r(); }; c.port2.postMessage(0); }); };
  var tags = ['div', 'span', 'p', 'a', 'li', 'section', 'img', 'button', 'em', 'strong'];
  var parts = {
    appendChild: function () {
      var bulk = document.getElementById('bulk');
      for (var i = 0; i < 2500; i++) {
        var tag = tags[i % 10];
        var el = document.createElement(tag);
        if (tag === 'img') { el.alt = ''; el.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw='; }
        else if (tag === 'a') { el.href = '/page/' + i; el.textContent = 'link ' + i; }
        else el.textContent = 'item ' + i;
        (i % 100 === 0 ? document.body : bulk).appendChild(el);
      }
      return {};
    },
    innerHTML: function () {
      var cards = document.querySelectorAll('.card');
      for (var i = 0; i < 50; i++)
        cards[i].innerHTML = '<article><h3>Card ' + i + '</h3><p>Text with <a href="/articles/' + i + '">a link</a> and <em>emphasis</em>.</p>' +
          (i % 2 === 0 ? '<img src="${PING}?card=' + i + '" alt="" width="40" height="40">' : '<span class="tag">tag</span>') +
          '<ul><li>one</li><li>two</li></ul></article>';
      return {};
    },
    fetch: function () {
      var pending = [];
      for (var i = 0; i < 500; i++) pending.push(fetch('${PING}?fetch=' + i).then(function (r) { return r.ok; }, function () { return false; }));
      return Promise.all(pending).then(function (ok) { return { failed: ok.filter(function (x) { return !x; }).length }; });
    },
  };
  // Each part runs in a task of the page's own (a timer), as a page's script would: CDP's
  // Runtime.evaluate is not counted as script time by Performance.getMetrics.
  window.__part = function (name) {
    return new Promise(function (done) {
      setTimeout(function () {
        var t = performance.now();
        var result = parts[name]();
        var loop = performance.now() - t;
        Promise.resolve(result).then(function (r) {
          return nextTask().then(function () { r.loop = loop; r.wall = performance.now() - t; done(r); });
        });
      }, 0);
    });
  };
})();`;

function domPage(product) {
  const cards = Array.from({ length: 50 }, () => '<div class="card"></div>').join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>DOM-heavy page</title>
${product.head({ mode: 'plain', blacklist: siteBlacklist })}
</head><body><main><h1>DOM-heavy page</h1><div id="bulk"></div><div id="cards">${cards}</div></main>
<script>${workload}</script>
${product.bodyEnd({ mode: 'plain' })}
</body></html>`;
}

const variants = [
  { id: 'none', product: 'none', label: 'no consent tool' },
  {
    id: 'ours-granted',
    product: 'ours',
    visitor: 'accept',
    label: 'ConsentGate, returning visitor (all granted)',
  },
  {
    id: 'ours-denied',
    product: 'ours',
    visitor: 'reject',
    label: 'ConsentGate, returning visitor (all denied)',
  },
  { id: 'yett', product: 'yett', label: 'yett (blacklist on)' },
  {
    id: 'vanilla',
    product: 'vanilla',
    visitor: 'accept',
    label: 'vanilla-cookieconsent, returning visitor (accepted)',
  },
];

const metric = (metrics, name) => metrics.find((m) => m.name === name).value * 1000;

async function measureLoad(browser, v, url, state) {
  const p = products[v.product];
  const { context, page, cdp } = await throttledPage(browser, { rate: DOM_RATE, storageState: state });
  try {
    // Thread ticks: the renderer main thread's own time (the throttler spins on that thread, so
    // the throttled time counts), not the time other processes of a busy machine took.
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const requests = trackRequests(page);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (p.ready) await page.evaluate(p.ready);
    if (v.visitor) await checkReturning(page, p);
    await requests.settle({ quietMs: 300, maxMs: 5000 });
    // The same quiet moment for every variant, so the product's late start-up work is not in a part.
    await sleep(300);
    const out = {};
    const metrics = async () => (await cdp.send('Performance.getMetrics')).metrics;
    const start = await metrics();
    for (const part of PARTS) {
      const before = await metrics();
      const r = await page.evaluate((name) => window.__part(name), part);
      const after = await metrics();
      out[part] = {
        script: metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration'),
        cpu: metric(after, 'ThreadTime') - metric(before, 'ThreadTime'),
        ...r,
      };
    }
    if (out.fetch.failed) throw new Error(`${out.fetch.failed} of the 500 first-party fetches failed`);
    // The whole workload, from before the first part to after the last: the parts plus the
    // rendering that ran between them.
    const end = await metrics();
    out.total = {
      script: metric(end, 'ScriptDuration') - metric(start, 'ScriptDuration'),
      cpu: metric(end, 'ThreadTime') - metric(start, 'ThreadTime'),
    };
    return out;
  } finally {
    await context.close();
  }
}

export async function measureDomHeavy(browser, server, runs, log) {
  const urls = {};
  for (const id of new Set(variants.map((v) => v.product)))
    urls[id] = server.setPage(`dom-${id}`, domPage(products[id]));
  const states = {};
  for (const v of variants)
    if (v.visitor)
      states[`${v.product}-${v.visitor}`] ??= await returningVisitor(
        browser,
        urls[v.product],
        products[v.product],
        v.visitor,
      );

  const raw = Object.fromEntries(variants.map((v) => [v.id, { runs: [], failures: 0, errors: [] }]));
  for (let round = 0; round < runs; round++) {
    for (const v of shuffled(variants)) {
      try {
        raw[v.id].runs.push({
          round,
          ...(await measureLoad(browser, v, urls[v.product], states[`${v.product}-${v.visitor}`])),
        });
      } catch (error) {
        const message = String(error.message).split('\n')[0];
        raw[v.id].failures++;
        raw[v.id].errors.push(message);
        log(`  DOM-heavy: ${v.id} failed: ${message}`);
      }
      // Let the previous renderer's exit not land in the next load.
      await sleep(100);
    }
    log(`  DOM-heavy: round ${round + 1}/${runs}`);
  }

  const pickers = {
    script: (r) => r.total.script,
    cpu: (r) => r.total.cpu,
    wall: (r) => PARTS.reduce((s, part) => s + r[part].wall, 0),
    appendScript: (r) => r.appendChild.script,
    appendCpu: (r) => r.appendChild.cpu,
    appendLoop: (r) => r.appendChild.loop,
  };
  // Per-round ratios against no tool (both measured in that round): the ratio's spread.
  const paired = (id, pick) => {
    const out = [];
    for (const r of raw[id].runs) {
      const base = raw.none.runs.find((b) => b.round === r.round);
      if (base && pick(base) > 0) out.push(pick(r) / pick(base));
    }
    return out.length ? summary(out) : null;
  };
  return {
    rate: DOM_RATE,
    runs,
    workload: { appendChild: 2500, innerHTML: 50, fetch: 500 },
    variants: variants.map((v) => {
      const runsOf = raw[v.id].runs;
      const s = (pick) => summary(runsOf.map(pick));
      return {
        variant: v.id,
        product: v.product,
        label: v.label,
        failures: raw[v.id].failures,
        errors: [...new Set(raw[v.id].errors)].slice(0, 3),
        script: s(pickers.script),
        cpu: s(pickers.cpu),
        wall: s(pickers.wall),
        parts: Object.fromEntries(
          PARTS.map((part) => [
            part,
            {
              script: s((r) => r[part].script),
              cpu: s((r) => r[part].cpu),
              wall: s((r) => r[part].wall),
              loop: s((r) => r[part].loop),
            },
          ]),
        ),
        ratios:
          v.id === 'none'
            ? null
            : {
                script: paired(v.id, pickers.script),
                cpu: paired(v.id, pickers.cpu),
                appendChildScript: paired(v.id, pickers.appendScript),
                appendChildCpu: paired(v.id, pickers.appendCpu),
                appendChildLoop: paired(v.id, pickers.appendLoop),
              },
        raw: runsOf,
      };
    }),
  };
}
