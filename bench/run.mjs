// `pnpm bench`: ConsentGate against its peers, every figure measured side by side in one run.
// Prints a markdown table and writes results/latest.json + results/latest.md. See README.md.
//
//   node bench/run.mjs [--runs 15] [--work-runs 7] [--cost-runs 11] [--dom-runs 7] [--port 4450]
//                      [--only bytes,banner,main,leaks,cost,dom,collector]
//
// A run of some sections only keeps the other sections of the previous results/latest.json, each
// marked with the date it was measured on (`measured`), so one section can be re-run alone.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import { measureTimeToBanner } from './lib/banner.mjs';
import { launchChromium } from './lib/browser.mjs';
import { measureBytes } from './lib/bytes.mjs';
import { buildC15t } from './lib/c15t.mjs';
import { measureCollectorLoad } from './lib/collector-load.mjs';
import { measureDomHeavy } from './lib/dom-heavy.mjs';
import { measureGateCost } from './lib/gate-cost.mjs';
import { measureLeaks } from './lib/leaks.mjs';
import { machine } from './lib/machine.mjs';
import { measureMainThread } from './lib/main-thread.mjs';
import { products } from './lib/products.mjs';
import { toMarkdown } from './lib/report.mjs';
import { startServer } from './lib/server.mjs';
import { loadLeakSuite } from './lib/suite.mjs';

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    'work-runs': { type: 'string', default: '7' },
    'cost-runs': { type: 'string', default: '11' },
    'dom-runs': { type: 'string', default: '7' },
    port: { type: 'string', default: process.env.BENCH_PORT ?? '4450' },
    only: { type: 'string', default: 'bytes,banner,main,leaks,cost,dom,collector' },
    out: { type: 'string', default: new URL('./results/', import.meta.url).pathname },
  },
});
const runs = Number(args.runs);
const workRuns = Number(args['work-runs']);
const costRuns = Number(args['cost-runs']);
const domRuns = Number(args['dom-runs']);
const only = new Set(args.only.split(','));
const log = (s) => process.stderr.write(`${s}\n`);
const BROWSER_SECTIONS = ['bytes', 'banner', 'main', 'leaks', 'cost', 'dom'];
const needsBrowser = BROWSER_SECTIONS.some((name) => only.has(name));

const warnings = [];
const dist = new URL('../packages/consentgate/dist/', import.meta.url);
if (only.has('collector') && !existsSync(new URL('../packages/collector/dist/cli.js', import.meta.url))) {
  log('missing packages/collector/dist/cli.js: run `npx rollup -c rollup.config.mjs` first');
  process.exit(1);
}
for (const f of needsBrowser ? ['consentgate.js', 'consentgate.ui.js'] : []) {
  let size = 0;
  try {
    size = statSync(new URL(f, dist)).size;
  } catch {
    log(`missing packages/consentgate/dist/${f}: run \`npx rollup -c rollup.config.mjs\` first`);
    process.exit(1);
  }
  if (f === 'consentgate.ui.js' && size < 10_000)
    warnings.push(
      `consentgate.ui.js is ${size} bytes: a placeholder build, not the real banner; our figures are not meaningful.`,
    );
}

const started = Date.now();
const previousFile = new URL(`file://${args.out}/latest.json`);
const previous = existsSync(previousFile) ? JSON.parse(readFileSync(previousFile, 'utf8')) : undefined;
if (needsBrowser) {
  log('building the c15t quickstart bundle (rollup + terser)…');
  await buildC15t();
}
const server = needsBrowser
  ? await startServer({ root: new URL('../', import.meta.url).pathname, port: Number(args.port) })
  : undefined;
const browser = needsBrowser ? await launchChromium() : undefined;
const section = async (label, fn) => {
  const t = Date.now();
  log(`${label}…`);
  await fn();
  log(`  ${label}: ${Math.round((Date.now() - t) / 1000)} s`);
};

const result = {
  date: new Date().toISOString().slice(0, 10),
  startedAt: new Date(started).toISOString(),
  machine: machine(
    browser ? `Chromium ${browser.version()}` : (previous?.machine.chromium ?? 'not launched'),
  ),
  versions: Object.values(products)
    .filter((p) => p.pkg && p.id !== 'ours-catalogue')
    .map((p) => ({ id: p.id, name: p.name, version: p.version })),
  settings: {
    timeToBannerRuns: runs,
    mainThreadRuns: workRuns,
    gateCostRuns: costRuns,
    domHeavyRuns: domRuns,
  },
  warnings,
  notes: {
    collector: [
      'One receipt per request (the gate sends one per decision); a request may carry up to 50, which divides the per-request cost.',
      'PGlite is single-session (one statement at a time): group commit is what gives it its figure; PostgreSQL gets up to 8 statements in flight (the pool).',
      "PostgreSQL: Debian's server with its default settings (fsync and synchronous_commit on), a new cluster per run; PGlite: a new folder per run.",
    ],
    bytes: [
      'c15t ships no script-tag build: its row is its docs\' "Minimal Consent Prompt" bundled by the bench (rollup + node-resolve + terser), without its backend (offline mode).',
      'yett has no banner: it is a script blocker only; its figure is its one file.',
      'klaro: `klaro.js` as its docs include it, with CSS and all translations inside (a lighter no-translations build exists).',
    ],
    timeToBanner: [
      'yett has no banner and is not in this table.',
      'c15t is headless: the banner element is the one from its quickstart, shown by its store.',
      'Osano cookieconsent is initialised inline after its script; klaro loads `defer` as its docs show.',
    ],
    mainThread: [
      `${workRuns} page loads per variant (fewer than the time-to-banner runs: each load does the full workload).`,
    ],
    gateCost: [
      "Attribution: top-level script evaluations (EvaluateScript, v8.compile, v8.compileModule, v8.evaluateModule) and callbacks (FunctionCall: listeners, timers, load and IndexedDB callbacks, observers) on the page's renderer main thread whose URL is one of the product's files, or the page at a line of the product's inline markup; an event inside another counted event is not counted again.",
      'Not attributed to anyone: promise reactions run in a microtask checkpoint of their own ("unattributed microtasks", page-wide), and style, layout and paint after a script returned (in the page\'s whole main-thread time).',
      "yett has no consent to remember: every load is the same visit, blacklist on. vanilla-cookieconsent and ours: the visitor's storage (cookies, localStorage, IndexedDB) from one earlier visit on which they chose, replayed into a new context per load; a load that shows a banner or downloads our UI is counted as a failed run.",
      'c15t, klaro, Osano and tarteaucitron are not in this section (the issue compares against yett and vanilla-cookieconsent).',
    ],
    domHeavy: [
      'Each part of the workload runs in a timer task of the page (Performance.getMetrics does not count CDP evaluations as script), then waits one MessageChannel task; the fetch part also waits for the 500 responses.',
      'Script = ScriptDuration, CPU = ThreadTime, both thread ticks under 4× CDP throttling (the throttler spins on the thread, so throttled time counts). Totals run from before the first part to after the last, so they include rendering between parts; the per-part figures do not.',
    ],
    leaks: [
      'c15t is not in this table: it has no markup blocking; its network blocker (fetch/XHR URL rules) and script loader are set up in JS per tag, which the drop-in markup of the corpus does not use.',
      'Osano cookieconsent blocks nothing by design: its row shows what a banner without a gate lets through.',
      'tarteaucitron has no markup annotations: "annotated" means every case\'s markup moved into a custom service js() that inserts it on consent (its docs, "Create custom service").',
      'vanilla-cookieconsent annotates <script> only (iframes need its separate iframemanager, not installed); yett blocks scripts only (its blacklist = every host the cases reach).',
      'The drop-in leaks of ConsentGate are plain <script src>, <img src>, <iframe src> and <link rel=preload> in the HTML: the browser\'s preload scanner fetches them before any script runs (DESIGN.md, "Known physical limit"); annotated markup avoids it.',
      'After accept: ConsentGate drops, and does not replay, a fetch / XHR / beacon / new Image() hit made while its category was denied (a replay would report a past page view as consented); those cases count after accept only when the tag fires again. Peers that hold the whole inline script re-run it on consent, so its hit shows.',
      'tarteaucitron, annotated: on the document-write page its released service calls document.write after load, which replaces the page (the accept error listed above); a parse-time document.write tag cannot be moved into a service as is.',
      'Cookies written by tags (the cookie-write case) are not requests and are not counted here; the leak suite checks them.',
      '"no consent tool" is the baseline: every case must leak there, or the corpus or its page grouping is broken.',
    ],
  },
};

try {
  if (only.has('bytes'))
    await section('1/7 bytes', async () => {
      result.bytes = [];
      for (const id of ['ours', 'vanilla', 'klaro', 'osano', 'tarteaucitron', 'yett', 'c15t'])
        result.bytes.push(await measureBytes(browser, server, products[id]));
    });
  if (only.has('banner'))
    await section(`2/7 time to banner (${runs} runs each)`, async () => {
      const list = ['ours', 'vanilla', 'klaro', 'osano', 'tarteaucitron', 'c15t'].map((id) => products[id]);
      result.timeToBanner = await measureTimeToBanner(browser, server, list, runs, log);
    });
  if (only.has('main'))
    await section(`3/7 main thread (${workRuns} runs each)`, async () => {
      result.mainThread = await measureMainThread(browser, server, workRuns, log);
    });
  if (only.has('leaks'))
    await section('4/7 leaks', async () => {
      const suite = await loadLeakSuite();
      const both = ['drop-in', 'annotated'];
      const plan = [
        { product: products.none, modes: ['drop-in'] },
        ...['ours', 'vanilla', 'klaro', 'osano', 'tarteaucitron', 'yett'].map((id) => ({
          product: products[id],
          modes: both,
        })),
      ];
      result.leaks = await measureLeaks(browser, server, suite, plan, log);
    });
  if (only.has('cost'))
    await section(`5/7 gate cost (${costRuns} rounds)`, async () => {
      result.gateCost = await measureGateCost(browser, server, costRuns, log);
    });
  if (only.has('dom'))
    await section(`6/7 DOM-heavy page (${domRuns} rounds)`, async () => {
      result.domHeavy = await measureDomHeavy(browser, server, domRuns, log);
    });
  if (only.has('collector'))
    await section('7/7 collector load', async () => {
      result.collector = await measureCollectorLoad({ log });
    });
} finally {
  await browser?.close();
  await server?.close();
}

// Sections not run this time: the previous run's figures, each marked with the date it was measured.
const KEYS = {
  bytes: 'bytes',
  banner: 'timeToBanner',
  main: 'mainThread',
  leaks: 'leaks',
  cost: 'gateCost',
  dom: 'domHeavy',
  collector: 'collector',
};
result.measured = {};
for (const [name, key] of Object.entries(KEYS)) {
  if (only.has(name)) result.measured[key] = result.date;
  else if (previous?.[key] !== undefined) {
    result[key] = previous[key];
    result.measured[key] = previous.measured?.[key] ?? previous.date;
    if (key === 'timeToBanner') result.settings.timeToBannerRuns = previous.settings.timeToBannerRuns;
    if (key === 'mainThread') result.settings.mainThreadRuns = previous.settings.mainThreadRuns;
  }
}

result.durationSeconds = Math.round((Date.now() - started) / 1000);
const markdown = toMarkdown(result);
mkdirSync(args.out, { recursive: true });
writeFileSync(`${args.out}/latest.json`, `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(`${args.out}/latest.md`, markdown);
// In the repo's own JSON and markdown style, so `pnpm lint` stays clean after a run.
try {
  const biome = createRequire(new URL('../package.json', import.meta.url)).resolve(
    '@biomejs/biome/bin/biome',
  );
  execFileSync(
    process.execPath,
    [biome, 'format', '--write', `${args.out}/latest.json`, `${args.out}/latest.md`],
    {
      stdio: 'ignore',
    },
  );
} catch {
  log('could not format results/ with biome (left as written)');
}
process.stdout.write(markdown);
log(`done in ${result.durationSeconds} s; wrote ${args.out}latest.json and latest.md`);
