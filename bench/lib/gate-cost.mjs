// Section `cost`: the main-thread CPU a product's scripts take while a realistic page loads, CPU
// throttled 4× through CDP (Emulation.setCPUThrottlingRate), one trace per load (trace.mjs holds
// the attribution rule: top-level script evaluations and callbacks whose URL is one of the
// product's files, or its inline markup, never counting an event inside another counted one).
// Variants: no tool (the page's own baseline), ours for a returning visitor who accepted or
// rejected all (valid consent stored before the load: no banner, no UI file), yett with its
// blacklist, vanilla-cookieconsent for a returning visitor who accepted, and ours on a first visit
// with the banner (for information). A new context per load, variants in a new order each round.
import {
  bannerProbe,
  sleep,
  TRACE_CATEGORIES,
  throttledPage,
  trackRequests,
  waitForBanner,
} from './browser.mjs';
import { products, siteBlacklist } from './products.mjs';
import { shuffled, summary } from './stats.mjs';
import {
  mainThreadTime,
  pageMainThread,
  productTime,
  threadEvents,
  traceEvents,
  unattributedMicrotasks,
} from './trace.mjs';
import { checkReturning, returningVisitor } from './visits.mjs';

export const COST_RATE = 4;
// After the load event, the product's own readiness and the network going quiet: the same fixed
// wait for every variant, so late timers and storage callbacks fall inside the trace.
const SETTLE_MS = 500;

// An ordinary article page: navigation, text, first-party images, a form, and a small inline
// script of the site's own. Every product gets this same body.
const paragraphs = Array.from(
  { length: 12 },
  (_, i) =>
    `<p>Paragraph ${i + 1}. A consent tool must not make a page like this one slower to start: text, ` +
    `<a href="/articles/${i}">links</a>, <em>emphasis</em> and an image now and then.</p>` +
    (i % 3 === 0 ? `\n<img src="/bench/__ping?img=${i}" alt="" width="320" height="180">` : ''),
).join('\n');
const contentBody = `<header><nav>${['Home', 'News', 'Sport', 'Culture', 'Travel', 'Shop', 'About', 'Contact']
  .map((l) => `<a href="/${l.toLowerCase()}">${l}</a>`)
  .join(' ')}</nav></header>
<main><article><h1>An ordinary article</h1>
${paragraphs}
<table><tr><th>Plan</th><th>Price</th></tr><tr><td>Basic</td><td>4 €</td></tr><tr><td>Plus</td><td>9 €</td></tr></table>
<form action="/newsletter"><label>E-mail <input type="email" name="email"></label> <button>Subscribe</button></form>
</article></main>
<footer><p>© <span id="year"></span> Example News</p></footer>
<script>document.getElementById('year').textContent=String(new Date().getFullYear());document.querySelector('nav').addEventListener('click',function(){});</script>`;

/**
 * The page for `product`, and the 1-based lines on which its inline scripts start (trace.mjs
 * attributes an inline script by its line).
 */
export function costPage(product) {
  const parts = [
    ['<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An ordinary article</title>', false],
    [product.head({ mode: 'plain', blacklist: siteBlacklist }), true],
    ['</head><body>', false],
    [contentBody, false],
    [product.bodyEnd({ mode: 'plain' }), true],
    ['</body></html>', false],
  ];
  const lines = [];
  const inlineLines = [];
  for (const [text, mine] of parts)
    for (const line of text.split('\n')) {
      lines.push(line);
      if (mine && /<script(?![^>]*\ssrc=)[^>]*>/.test(line)) inlineLines.push(lines.length);
    }
  return { html: lines.join('\n'), inlineLines };
}

const variants = [
  { id: 'none', product: 'none', label: 'no consent tool' },
  {
    id: 'ours-accepted',
    product: 'ours',
    visitor: 'accept',
    label: 'ConsentGate, returning visitor (accepted all)',
  },
  {
    id: 'ours-rejected',
    product: 'ours',
    visitor: 'reject',
    label: 'ConsentGate, returning visitor (rejected all)',
  },
  { id: 'yett', product: 'yett', label: 'yett (blacklist on)' },
  {
    id: 'vanilla',
    product: 'vanilla',
    visitor: 'accept',
    label: 'vanilla-cookieconsent, returning visitor (accepted)',
  },
  {
    id: 'ours-first',
    product: 'ours',
    banner: true,
    label: 'ConsentGate, first visit (banner shown; information)',
  },
];

/** One load of `v`'s page in a fresh throttled context; the product's and the page's main-thread ms. */
async function measureLoad(browser, v, page, state) {
  const p = products[v.product];
  const { context, page: tab } = await throttledPage(browser, { rate: COST_RATE, storageState: state });
  const fetched = [];
  tab.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (p.prefix && path.startsWith(p.prefix)) fetched.push(path.slice(p.prefix.length));
  });
  const requests = trackRequests(tab);
  if (v.banner) await tab.addInitScript(bannerProbe(p.banner));
  let trace;
  try {
    await browser.startTracing(tab, { categories: TRACE_CATEGORIES });
    try {
      await tab.goto(page.url, { waitUntil: 'load', timeout: 60_000 });
      if (p.ready) await tab.evaluate(p.ready);
      if (v.banner) await waitForBanner(tab, 30_000);
      await requests.settle({ quietMs: 300, maxMs: 5000 });
      await sleep(SETTLE_MS);
    } finally {
      trace = await browser.stopTracing();
    }
    // Checked after the trace, so the checks' own calls into the product are not in it.
    if (v.visitor) await checkReturning(tab, p);
    if (v.visitor && fetched.includes('consentgate.ui.js'))
      throw new Error(`returning visitor: the UI was downloaded (${fetched.join(', ')})`);
  } finally {
    await context.close();
  }
  const events = traceEvents(trace);
  const thread = pageMainThread(events, page.url);
  if (!thread) throw new Error('no single renderer main thread parsed the page');
  const list = threadEvents(events, thread.pid, thread.tid);
  const mine = productTime(list, {
    prefix: p.prefix ? new URL(p.prefix, page.url).href : null,
    pageUrl: page.url,
    inlineLines: page.inlineLines,
  });
  return { ...mine, page: mainThreadTime(list), microtasks: unattributedMicrotasks(list), fetched };
}

export async function measureGateCost(browser, server, runs, log) {
  const pages = {};
  for (const id of new Set(variants.map((v) => v.product))) {
    const { html, inlineLines } = costPage(products[id]);
    pages[id] = { url: server.setPage(`cost-${id}`, html), inlineLines };
  }
  // Each returning visitor chooses once, unthrottled; every measured load starts from that storage.
  const states = {};
  for (const v of variants)
    if (v.visitor)
      states[`${v.product}-${v.visitor}`] ??= await returningVisitor(
        browser,
        pages[v.product].url,
        products[v.product],
        v.visitor,
      );

  const raw = Object.fromEntries(variants.map((v) => [v.id, { runs: [], failures: 0, errors: [] }]));
  for (let round = 0; round < runs; round++) {
    for (const v of shuffled(variants)) {
      try {
        const r = await measureLoad(browser, v, pages[v.product], states[`${v.product}-${v.visitor}`]);
        raw[v.id].runs.push({ round, ...r });
      } catch (error) {
        const message = String(error.message).split('\n')[0];
        raw[v.id].failures++;
        raw[v.id].errors.push(message);
        log(`  gate cost: ${v.id} failed: ${message}`);
      }
    }
    log(`  gate cost: round ${round + 1}/${runs}`);
  }

  const of = (id, pick) => raw[id].runs.map(pick);
  // Per-round ratios (both variants measured in that round): their spread is the ratio's spread.
  const paired = (a, b, pick) => {
    const out = [];
    for (const ra of raw[a].runs) {
      const rb = raw[b].runs.find((r) => r.round === ra.round);
      if (rb && pick(rb) > 0) out.push(pick(ra) / pick(rb));
    }
    return out.length ? summary(out) : null;
  };
  const cpu = (r) => r.cpu;
  const pageCpu = (r) => r.page.cpu;
  const files = (id) => {
    const out = {};
    for (const r of raw[id].runs)
      for (const [file, t] of Object.entries(r.byFile))
        for (const kind of ['evaluate', 'callbacks'])
          (out[file] ??= { evaluate: [], callbacks: [] })[kind].push(t[kind]);
    // A file absent from a run cost 0 ms in it.
    const n = raw[id].runs.length;
    return Object.fromEntries(
      Object.entries(out).map(([file, t]) => [
        file,
        Object.fromEntries(
          Object.entries(t).map(([k, vals]) => [k, summary([...vals, ...Array(n - vals.length).fill(0)])]),
        ),
      ]),
    );
  };
  const fetchedFiles = (id) => {
    const count = {};
    for (const r of raw[id].runs) for (const f of new Set(r.fetched)) count[f] = (count[f] ?? 0) + 1;
    return count;
  };
  const ours = (r) => {
    const gate = r.byFile['consentgate.js']?.evaluate ?? 0;
    return { blocking: gate, rest: r.cpu - gate };
  };

  return {
    rate: COST_RATE,
    runs,
    settleMs: SETTLE_MS,
    yettBlacklist: siteBlacklist,
    variants: variants.map((v) => ({
      variant: v.id,
      product: v.product,
      label: v.label,
      failures: raw[v.id].failures,
      errors: [...new Set(raw[v.id].errors)].slice(0, 3),
      cpu: summary(of(v.id, cpu)),
      wall: summary(of(v.id, (r) => r.wall)),
      pageCpu: summary(of(v.id, pageCpu)),
      microtasks: summary(of(v.id, (r) => r.microtasks)),
      byFile: files(v.id),
      fetched: fetchedFiles(v.id),
      ...(v.product === 'ours'
        ? {
            blocking: summary(of(v.id, (r) => ours(r).blocking)),
            rest: summary(of(v.id, (r) => ours(r).rest)),
          }
        : {}),
      raw: raw[v.id].runs.map((r) => ({
        round: r.round,
        cpu: r.cpu,
        wall: r.wall,
        pageCpu: r.page.cpu,
        pageWall: r.page.wall,
        microtasks: r.microtasks,
        byFile: r.byFile,
        fetched: r.fetched,
      })),
    })),
    ratios: {
      'ours-accepted/yett': paired('ours-accepted', 'yett', cpu),
      'ours-rejected/yett': paired('ours-rejected', 'yett', cpu),
      'ours-accepted/vanilla': paired('ours-accepted', 'vanilla', cpu),
      'ours-rejected/vanilla': paired('ours-rejected', 'vanilla', cpu),
      'page: ours-accepted/none': paired('ours-accepted', 'none', pageCpu),
      'page: ours-rejected/none': paired('ours-rejected', 'none', pageCpu),
      'page: yett/none': paired('yett', 'none', pageCpu),
      'page: vanilla/none': paired('vanilla', 'none', pageCpu),
    },
  };
}
