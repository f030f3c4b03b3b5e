// Section 4: leaks. The leak suite's corpus (e2e/fixtures/gate/cases.ts: one case per tag
// embedding and per way a page reaches a tracker) with its fake vendor hosts, against each
// product in two modes: "drop-in" — the vendor markup unchanged, the product installed with its
// config; and "annotated" — the markup rewritten as the product's docs say (products.mjs). A leak
// is a request to a case's tracker URLs seen before consent. Then "accept all" is given and the
// cases that reach their trackers afterwards are counted: a product whose annotated tags never
// come back after consent is broken, not safe, and that column shows it.
//
// To keep the run short, cases share a page when they cannot be confused: no two cases on a page
// reach overlapping URL prefixes, element ids get a per-case suffix (quoted ids only: `id="slot"`
// and `getElementById('slot')` alike), and document.write gets a page of its own (released after
// load it would replace the page). The "no consent tool" row checks that every case still
// reaches its trackers this way.
import { sleep, trackRequests } from './browser.mjs';

const idsOf = (k) =>
  new Set([...`${k.head ?? ''}${k.body ?? ''}`.matchAll(/\sid=["']([\w-]+)["']/g)].map((m) => m[1]));
const prefixesOf = (k) => Object.keys(k.reaches);

function conflict(a, b) {
  if (a.id === 'document-write' || b.id === 'document-write') return true;
  const pa = prefixesOf(a);
  const pb = prefixesOf(b);
  if (pa.some((x) => pb.some((y) => x.startsWith(y) || y.startsWith(x)))) return true;
  const ib = idsOf(b);
  return [...idsOf(a)].some((id) => ib.has(id));
}

function withOwnIds(k) {
  const out = { ...k };
  for (const id of idsOf(k)) {
    const quoted = new RegExp(`(['"])${id.replace(/[^\w-]/g, '\\$&')}\\1`, 'g');
    for (const part of ['head', 'body'])
      if (out[part]) out[part] = out[part].replace(quoted, `$1${id}--${k.id}$1`);
  }
  return out;
}

/** Greedy grouping of the cases that reach something into pages of non-conflicting cases. */
export function groupCases(cases) {
  const groups = [];
  for (const k of cases.filter((c) => prefixesOf(c).length > 0).map(withOwnIds)) {
    const g = groups.find((list) => list.every((other) => !conflict(k, other)));
    if (g) g.push(k);
    else groups.push([k]);
  }
  return groups;
}

function groupPage(product, mode, group, suite) {
  const form = (html, k) => (mode === 'annotated' ? product.annotate(html, k.category, suite) : (html ?? ''));
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>leaks ${product.id} ${mode}</title>
${product.head({ mode, cases: group, config: suite.caseConfig })}
${group.map((k) => form(k.head, k)).join('\n')}
</head><body><h1>Leak corpus</h1>
${group.map((k) => form(k.body, k)).join('\n')}
${product.bodyEnd({ mode })}
</body></html>`;
}

/** The case of `group` whose tracker URL prefixes match `url`, else null. */
function caseOf(group, url, origin) {
  const u = new URL(url);
  const key = u.origin === origin ? u.pathname + u.search : url;
  return group.find((k) => prefixesOf(k).some((p) => key.startsWith(p))) ?? null;
}

const isTracker = (url, origin, allPrefixes) => {
  const u = new URL(url);
  if (u.origin !== origin) return true;
  return allPrefixes.some((p) => p.startsWith('/') && (u.pathname + u.search).startsWith(p));
};

async function runGroup(browser, server, suite, product, mode, group, index, allPrefixes) {
  const url = server.setPage(`leaks-${product.id}-${mode}-${index}`, groupPage(product, mode, group, suite));
  const context = await browser.newContext();
  const hits = await suite.fakeVendors(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message).split('\n')[0]));
  const requests = trackRequests(page);
  const trackerHits = () => hits.filter((h) => isTracker(h.url, server.origin, allPrefixes));
  const casesHit = (list) =>
    new Set(list.map((h) => caseOf(group, h.url, server.origin)?.id).filter(Boolean));
  await page.goto(url, { waitUntil: 'load' });
  // Some fake tags upload every 300 ms (Clarity-like): "settled" caps at 2 s.
  await requests.settle({ quietMs: 250, maxMs: 2000 });
  const consentAt = hits.length;
  let accepted = false;
  if (product.accept) {
    accepted = await page
      .evaluate(product.accept)
      .then(() => true)
      .catch((e) => {
        errors.push(`accept: ${String(e.message).split('\n')[0]}`);
        return false;
      });
    // Released tags load in chains (a script that loads a script that sends a hit), and some
    // tools release one script at a time: wait for quiet, then for as long as new cases keep
    // reaching their trackers (up to 5 s more).
    await requests.settle({ quietMs: 600, maxMs: 3000 });
    const released = () => casesHit(trackerHits().filter((h) => h.at >= consentAt)).size;
    for (let n = released(), until = Date.now() + 5000; Date.now() < until; ) {
      await sleep(1000);
      if (released() === n) break;
      n = released();
    }
  }
  await context.close();
  const before = trackerHits().filter((h) => h.at < consentAt);
  const after = trackerHits().filter((h) => h.at >= consentAt);
  return {
    before: casesHit(before),
    after: accepted ? casesHit(after) : null,
    requestsBefore: before.length,
    unattributed: before.filter((h) => !caseOf(group, h.url, server.origin)).map((h) => h.url),
    errors,
  };
}

/** Every product × mode in `plan` (`[{ product, modes }]`) over the whole corpus. */
export async function measureLeaks(browser, server, suite, plan, log) {
  const groups = groupCases(suite.cases);
  const counted = groups.flat();
  const allPrefixes = counted.flatMap(prefixesOf);
  log(`  leaks: ${counted.length} cases on ${groups.length} pages per product and mode`);
  const rows = [];
  for (const { product, modes } of plan) {
    for (const mode of modes) {
      const before = new Set();
      const after = new Set();
      let acceptFailures = 0;
      let requestsBefore = 0;
      const unattributed = [];
      const errors = [];
      // Three pages at a time: the runs wait on the network far more than they compute, and a
      // leak is a request, not a timing.
      const results = [];
      for (let i = 0; i < groups.length; i += 3)
        results.push(
          ...(await Promise.all(
            groups
              .slice(i, i + 3)
              .map((group, j) => runGroup(browser, server, suite, product, mode, group, i + j, allPrefixes)),
          )),
        );
      for (const r of results) {
        for (const id of r.before) before.add(id);
        if (r.after) for (const id of r.after) after.add(id);
        else acceptFailures++;
        requestsBefore += r.requestsBefore;
        unattributed.push(...r.unattributed);
        errors.push(...r.errors);
      }
      const order = counted.map((k) => k.id);
      rows.push({
        product: product.id,
        mode,
        leaked: before.size,
        of: counted.length,
        requestsBefore,
        leakedCases: order.filter((id) => before.has(id)),
        releasedAfterAccept: product.accept ? after.size : null,
        acceptFailedPages: product.accept ? acceptFailures : 0,
        releasedCases: order.filter((id) => after.has(id)),
        unattributed,
        errors: [...new Set(errors)],
      });
      const r = rows.at(-1);
      log(
        `  leaks: ${product.id} ${mode}: ${r.leaked}/${r.of} cases leaked (${r.requestsBefore} requests), ${r.releasedAfterAccept ?? '-'} after accept`,
      );
    }
  }
  return {
    groups: groups.map((g) => g.map((k) => k.id)),
    notCounted: suite.cases.filter((k) => !counted.some((c) => c.id === k.id)).map((k) => k.id),
    rows,
  };
}
