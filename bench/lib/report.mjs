// The markdown the run prints and writes to results/latest.md, made from the JSON alone.
import { products } from './products.mjs';

const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? (a / b).toFixed(2) : 'n/a');
const name = (id) => products[id]?.name ?? id;
const spread = (s) => (s ? `${ms(s.p25)}–${ms(s.p75)}` : 'n/a');
const range = (s) => (s ? `${ms(s.min)}–${ms(s.max)}` : 'n/a');
const x = (s) => (s ? `${s.median.toFixed(2)} (${s.p25.toFixed(2)}–${s.p75.toFixed(2)})` : 'n/a');
const table = (head, rows) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function toMarkdown(r) {
  const out = [];
  const m = r.machine;
  out.push(`# ConsentGate benchmarks, ${r.date}`);
  out.push('');
  out.push(
    `One machine, one run: ${m.cpu}, ${m.nproc} cores, ${m.memory} RAM, ${m.os}, Node ${m.node}, ${m.chromium} (headless). ` +
      'Absolute figures differ between machines; the ratios, measured side by side in the same run, are the point.',
  );
  if (r.warnings.length) out.push('', ...r.warnings.map((w) => `> **Warning:** ${w}`));
  out.push('', `Versions: ${r.versions.map((v) => `${v.name} ${v.version}`).join(', ')}.`);
  const dates = Object.entries(r.measured ?? {}).filter(([, date]) => date !== r.date);
  if (dates.length)
    out.push(
      '',
      `Not re-run on ${r.date} (figures kept from the previous run): ${dates.map(([key, date]) => `${key} (${date})`).join(', ')}.`,
    );
  const loses = [];

  if (r.bytes) {
    out.push('', '## 1. Bytes a visitor downloads', '');
    out.push(
      'KB = 1024 bytes; gzip -9 and brotli -11 of every file the page fetched from the product. Lower is better; ratio = ours / peer (< 1: ours is smaller).',
      '',
    );
    const ours = r.bytes.find((b) => b.product === 'ours');
    const gate = ours.first.files.find((f) => f.file.endsWith('/consentgate.js'));
    const ui = ours.first.files.find((f) => f.file.endsWith('/consentgate.ui.js'));
    const part = (label, s) => [
      label,
      s ? kb(s.raw) : 'n/a',
      s ? kb(s.gzip) : 'n/a',
      s ? kb(s.brotli) : 'n/a',
    ];
    out.push(
      table(
        ['ConsentGate', 'raw KB', 'gzip KB', 'brotli KB'],
        [
          part('gate alone (`consentgate.js`)', gate),
          part('UI chunk (`consentgate.ui.js`)', ui),
          part('first visit total', ours.first.total),
          part('returning visit total', ours.returning?.total),
        ],
      ),
      '',
    );
    const rows = r.bytes.map((b) => {
      const files = b.first.files.map((f) => `\`${f.file.split('/').pop()}\``).join(' + ') || 'none fetched';
      const mine = b.product === 'ours';
      const rg = ratio(ours.first.total.gzip, b.first.total.gzip);
      const rb = ratio(ours.first.total.brotli, b.first.total.brotli);
      const rr = ratio(ours.returning?.total.gzip, b.returning?.total.gzip);
      if (!mine && Number(rg) > 1) loses.push(`first-visit bytes vs ${name(b.product)}: ${rg}× (gzip)`);
      if (!mine && Number(rr) > 1) loses.push(`returning-visit bytes vs ${name(b.product)}: ${rr}× (gzip)`);
      return [
        name(b.product),
        files,
        kb(b.first.total.gzip),
        kb(b.first.total.brotli),
        b.returning ? kb(b.returning.total.gzip) : 'n/a',
        mine ? '—' : rg,
        mine ? '—' : rb,
        mine ? '—' : rr,
      ];
    });
    out.push(
      table(
        [
          'product',
          'first visit files',
          'first gzip KB',
          'first brotli KB',
          'returning gzip KB',
          'ours/peer first (gzip)',
          'ours/peer first (brotli)',
          'ours/peer returning (gzip)',
        ],
        rows,
      ),
    );
    if (r.notes.bytes) out.push('', ...r.notes.bytes.map((n) => `- ${n}`));
  }

  if (r.timeToBanner) {
    const runs = r.timeToBanner[0]?.n ?? 0;
    out.push('', '## 2. Time to banner, first visit', '');
    out.push(
      `Navigation start → first animation frame with the banner rendered and not transparent; local server, no cache; median of ${runs} runs per product, products interleaved in random order each round. Lower is better; ratio = ours / peer (< 1: ours is faster).`,
      '',
    );
    const ours = r.timeToBanner.find((t) => t.product === 'ours');
    out.push(
      table(
        ['product', 'median ms', 'p25–p75 ms', 'min–max ms', 'failed runs', 'ours/peer'],
        r.timeToBanner.map((t) => {
          const rt = ratio(ours.median, t.median);
          // Overlapping quartile ranges: a difference this run cannot tell from noise.
          const noise =
            t.product !== 'ours' && ours.p25 <= t.p75 && t.p25 <= ours.p75
              ? ', quartile ranges overlap: within noise'
              : '';
          if (t.product !== 'ours' && Number(rt) > 1)
            loses.push(
              `time to banner vs ${name(t.product)}: ${rt}× (${ms(ours.median)} vs ${ms(t.median)} ms${noise})`,
            );
          return [
            name(t.product),
            ms(t.median),
            `${ms(t.p25)}–${ms(t.p75)}`,
            `${ms(t.min)}–${ms(t.max)}`,
            String(t.failures),
            t.product === 'ours' ? '—' : rt,
          ];
        }),
      ),
    );
    if (r.notes.timeToBanner) out.push('', ...r.notes.timeToBanner.map((n) => `- ${n}`));
  }

  if (r.mainThread) {
    const base = r.mainThread.find((v) => v.variant === 'none');
    const runs = base.total.n;
    out.push('', '## 3. Main-thread cost on a DOM-heavy page', '');
    out.push(
      `10,000 element insertions (one appendChild each) then a Preact render of 5,000 table rows; median of ${runs} page loads per variant, variants interleaved. **CPU** = the renderer main thread's CPU time over the workload (Chromium ThreadTime), the figure the ratios use; wall times (performance.now()) are shown for reference and include time the shared machine gave to other processes. Ratio = variant / no consent tool (1.00 = no cost; lower is better). Start-up = the script's own evaluation, from the end of its download to the next inline script (wall).`,
      '',
    );
    out.push(
      table(
        [
          'variant',
          'CPU ms',
          'CPU / no tool',
          'wall: insertions ms',
          'wall: Preact ms',
          'wall: total ms',
          'start-up ms',
          'failed runs',
        ],
        r.mainThread.map((v) => [
          v.label,
          ms(v.cpu.median),
          ratio(v.cpu.median, base.cpu.median),
          ms(v.insertions.median),
          ms(v.preact.median),
          ms(v.total.median),
          v.startup ? ms(v.startup.median) : '—',
          String(v.failures),
        ]),
      ),
    );
    const ret = r.mainThread.find((v) => v.variant === 'ours-returning');
    const yett = r.mainThread.find((v) => v.variant === 'yett');
    const rv = ratio(ret.cpu.median, yett.cpu.median);
    out.push(
      '',
      `ConsentGate (returning visitor) / yett, CPU on the workload: **${rv}** (< 1: ours costs less).`,
    );
    if (Number(rv) > 1) loses.push(`main-thread CPU on the DOM-heavy page vs yett: ${rv}×`);
    const overhead = ratio(ret.cpu.median, base.cpu.median);
    if (Number(overhead) > 1.05)
      loses.push(`main-thread CPU with the gate vs no tool: ${overhead}× (returning visitor)`);
    if (ret.startup && yett.startup && ret.startup.median > yett.startup.median)
      loses.push(
        `start-up: gate ${ms(ret.startup.median)} ms vs yett ${ms(yett.startup.median)} ms (yett only blocks scripts; the gate reads consent and patches every vector)`,
      );
    if (r.notes.mainThread) out.push('', ...r.notes.mainThread.map((n) => `- ${n}`));
  }

  if (r.leaks) {
    const { rows, groups, notCounted } = r.leaks;
    const of = rows[0]?.of ?? 0;
    out.push('', '## 4. Leaks: tracker requests before consent', '');
    out.push(
      `The leak suite's corpus (\`e2e/fixtures/gate/cases.ts\`, ${of} cases that reach the network; not counted: ${notCounted.join(', ') || 'none'}) with its fake vendor hosts, on ${groups.length} pages per product and mode. "drop-in": the vendor markup unchanged, the product installed with its config; "annotated": the markup written the way the product's docs say. Leaked = cases whose trackers were requested before consent (fewer is better). After accept = cases whose trackers were requested once "accept all" was given: a tool must give held tags back.`,
      '',
    );
    const by = (p, mode) => rows.find((l) => l.product === p && l.mode === mode);
    const ids = [...new Set(rows.map((l) => l.product))];
    const cell = (l) => (l ? `${l.leaked}/${l.of} (${l.requestsBefore} req.)` : '—');
    const after = (l) => (l && l.releasedAfterAccept !== null ? `${l.releasedAfterAccept}/${l.of}` : '—');
    out.push(
      table(
        [
          'product',
          'how it blocks',
          'drop-in: leaked',
          'drop-in: after accept',
          'annotated: leaked',
          'annotated: after accept',
        ],
        ids.map((id) => [
          name(id),
          products[id].blocking,
          cell(by(id, 'drop-in')),
          after(by(id, 'drop-in')),
          cell(by(id, 'annotated')),
          after(by(id, 'annotated')),
        ]),
      ),
      '',
    );
    out.push('Per case (drop-in / annotated; ✗ = leaked before consent, ✓ = held, — = not run):', '');
    const order = groups.flat();
    out.push(
      table(
        ['case', ...ids.map(name)],
        order.map((id) => [
          id,
          ...ids.map((p) =>
            ['drop-in', 'annotated']
              .map((mode) => {
                const l = by(p, mode);
                return !l ? '—' : l.leakedCases.includes(id) ? '✗' : '✓';
              })
              .join(' / '),
          ),
        ]),
      ),
    );
    for (const mode of ['drop-in', 'annotated']) {
      const o = by('ours', mode);
      if (!o) continue;
      for (const l of rows)
        if (l.mode === mode && !['ours', 'none'].includes(l.product) && o.leaked > l.leaked)
          loses.push(`leaks (${mode}) vs ${name(l.product)}: ${o.leaked} vs ${l.leaked} cases`);
      if (o.leaked > 0)
        loses.push(`our gate leaked ${o.leaked}/${o.of} cases in ${mode} mode: ${o.leakedCases.join(', ')}`);
    }
    const base = by('none', 'drop-in');
    if (base && base.leaked < base.of)
      out.push(
        '',
        `> **Warning:** without a consent tool only ${base.leaked}/${base.of} cases reached their trackers: the corpus run is broken.`,
      );
    const errs = rows.filter((l) => l.errors.length || l.unattributed.length);
    if (errs.length) {
      out.push('', 'Page errors and tracker requests not attributed to a case, seen in the leak runs:', '');
      for (const l of errs)
        out.push(
          `- ${name(l.product)} (${l.mode}): ${l.errors.slice(0, 3).join('; ')}${l.unattributed.length ? ` unattributed requests: ${l.unattributed.length}` : ''}`,
        );
    }
    if (r.notes.leaks) out.push('', ...r.notes.leaks.map((n) => `- ${n}`));
  }

  if (r.gateCost) gateCostSection(r.gateCost, r.notes.gateCost, out, loses);
  if (r.domHeavy) domHeavySection(r.domHeavy, r.notes.domHeavy, out, loses);
  if (r.collector) {
    const { settings, rows } = r.collector;
    out.push('', '## 7. Collector under load', '');
    out.push(
      `\`POST /v1/receipts\` to the collector's real bin on 127.0.0.1, ${settings.amount.toLocaleString('en')} requests on PostgreSQL and ${settings.pgliteAmount.toLocaleString('en')} on PGlite (after a warm-up), each one new receipt with a unique key, ${settings.connections} connections (autocannon). The load generator, the collector and PostgreSQL share the machine's ${m.nproc} cores, and the machine is shared with other work: its 1-minute load average before and after each run is in the last column. Receipts/s = 2xx answers / duration; each is answered only after its receipt committed. 201 = stored now, 200 = the key was already stored. Stored = rows of the run found afterwards through the export; every consent id answered 201 is checked to be among them (requests still in flight when autocannon stopped counting are stored too, so stored can exceed the 201s). Goal on PostgreSQL: ≥ 2,000 receipts/s with p99 ≤ 50 ms.`,
      '',
    );
    out.push(
      table(
        [
          'database',
          'receipts/s',
          'p50 ms',
          'p90 ms',
          'p99 ms',
          'max ms',
          '201 new',
          '200 replay',
          'non-2xx',
          'errors',
          'stored',
          'load avg before → after',
        ],
        rows.map((row) => [
          row.backend === 'postgres' ? 'PostgreSQL' : 'PGlite (embedded)',
          Math.round(row.receiptsPerSecond).toLocaleString('en'),
          ms(row.latencyMs.p50),
          ms(row.latencyMs.p90),
          ms(row.latencyMs.p99),
          ms(row.latencyMs.max),
          String(row.created),
          String(row.replayed),
          String(row.non2xx),
          String(row.errors + row.timeouts),
          String(row.stored),
          `${row.loadAverage.before.toFixed(1)} → ${row.loadAverage.after.toFixed(1)}`,
        ]),
      ),
    );
    for (const row of rows) {
      if (row.missing)
        out.push(
          '',
          `> **Warning:** ${row.backend}: ${row.missing} receipts answered 201 were not found in the export (${row.missingIds.join(', ')}).`,
        );
      if (row.backend === 'postgres' && (row.receiptsPerSecond < 2000 || row.latencyMs.p99 > 50))
        loses.push(
          `collector on PostgreSQL: ${Math.round(row.receiptsPerSecond)} receipts/s, p99 ${ms(row.latencyMs.p99)} ms (goal ≥ 2,000/s with p99 ≤ 50 ms; load average ${row.loadAverage.before.toFixed(1)} → ${row.loadAverage.after.toFixed(1)} on ${m.nproc} cores)`,
        );
    }
    if (!rows.some((row) => row.backend === 'postgres'))
      out.push('', '> **Warning:** no PostgreSQL on this machine: only PGlite was measured.');
    if (r.notes.collector) out.push('', ...r.notes.collector.map((n) => `- ${n}`));
  }

  out.push('', '## Where we lose', '');
  out.push(loses.length ? loses.map((l) => `- ${l}`).join('\n') : '- Nowhere in this run.');
  r.loses = loses;
  return `${out.join('\n')}\n`;
}

// Issue targets: gate evaluation ≤ 2× yett's on a returning visit; DOM-heavy page script time
// ≤ 1.5× the page without a consent tool.
const COST_TARGET = 2;
const DOM_TARGET = 1.5;
// Over a target when either estimate is: the ratio of the medians, or the median of the
// per-round ratios (each round's pair measured under the same machine load).
const overTarget = (ofMedians, perRound, target) =>
  Number(ofMedians) > target || (perRound !== null && perRound.median > target);

function gateCostSection(c, notes, out, loses) {
  const v = Object.fromEntries(c.variants.map((x) => [x.variant, x]));
  const runs = c.runs;
  out.push(
    '',
    `## 5. Gate cost: main-thread CPU of each product's scripts during load, CPU ${c.rate}× slower`,
    '',
  );
  out.push(
    `A realistic article page (navigation, text, first-party images, a form, a small inline script of the site's own), the product's markup as its docs set it up; CPU throttled ${c.rate}× through CDP (\`Emulation.setCPUThrottlingRate\`), a new browser context and one trace per load, ${runs} rounds with the variants in a new random order each round. **Product CPU** = the thread time of the product's top-level script evaluations and callbacks on the page's main thread (rule in the notes and README). **Page CPU** = the main thread's whole task time over the same load (the page's own work included). Lower is better.`,
    '',
  );
  out.push(
    table(
      [
        'variant',
        'product CPU ms (median)',
        'p25–p75',
        'min–max',
        'wall ms (median)',
        'page CPU ms (median)',
        'page CPU p25–p75',
        'unattributed microtasks ms',
        'files fetched (runs)',
        'failed runs',
      ],
      c.variants.map((x) => [
        x.label,
        ms(x.cpu.median),
        spread(x.cpu),
        range(x.cpu),
        ms(x.wall.median),
        ms(x.pageCpu.median),
        spread(x.pageCpu),
        ms(x.microtasks.median),
        Object.entries(x.fetched)
          .map(([f, n]) => `\`${f}\` (${n})`)
          .join(', ') || '—',
        String(x.failures),
      ]),
    ),
    '',
  );
  const rows = [
    ['ours (accepted) / yett', 'ours-accepted', 'yett', 'cpu', `≤ ${COST_TARGET}`],
    ['ours (rejected) / yett', 'ours-rejected', 'yett', 'cpu', `≤ ${COST_TARGET}`],
    ['ours (accepted) / vanilla-cookieconsent', 'ours-accepted', 'vanilla', 'cpu', ''],
    ['ours (rejected) / vanilla-cookieconsent', 'ours-rejected', 'vanilla', 'cpu', ''],
    ['page CPU: ours (accepted) / no tool', 'ours-accepted', 'none', 'pageCpu', ''],
    ['page CPU: ours (rejected) / no tool', 'ours-rejected', 'none', 'pageCpu', ''],
    ['page CPU: yett / no tool', 'yett', 'none', 'pageCpu', ''],
    ['page CPU: vanilla-cookieconsent / no tool', 'vanilla', 'none', 'pageCpu', ''],
  ];
  const key = (a, b, k) => `${k === 'pageCpu' ? 'page: ' : ''}${a}/${b}`;
  out.push(
    table(
      ['ratio (returning visit)', 'ratio of medians', 'per-round ratio: median (p25–p75)', 'target'],
      rows.map(([label, a, b, k, target]) => [
        label,
        ratio(v[a][k].median, v[b][k].median),
        x(c.ratios[key(a, b, k)]),
        target || '—',
      ]),
    ),
    '',
  );
  for (const id of ['ours-accepted', 'ours-rejected']) {
    const rv = ratio(v[id].cpu.median, v.yett.cpu.median);
    const what = id === 'ours-accepted' ? 'accepted' : 'rejected';
    const perRound = c.ratios[`${id}/yett`];
    if (overTarget(rv, perRound, COST_TARGET))
      loses.push(
        `gate evaluation CPU on a returning visit (${what}) vs yett: ${rv}× (${ms(v[id].cpu.median)} vs ${ms(v.yett.cpu.median)} ms at ${c.rate}× throttle; per-round ratio ${x(perRound)}; target ≤ ${COST_TARGET}×)`,
      );
    const rn = ratio(v[id].cpu.median, v.vanilla.cpu.median);
    if (Number(rn) > 1)
      loses.push(
        `gate evaluation CPU on a returning visit (${what}) vs vanilla-cookieconsent's: ${rn}× (${ms(v[id].cpu.median)} vs ${ms(v.vanilla.cpu.median)} ms)`,
      );
  }
  // Ours by file: the blocking gate against what loads after it.
  out.push(
    `ConsentGate by file (product CPU ms, median and p25–p75 of ${runs} loads; a file not loaded counts 0):`,
    '',
  );
  const ours = c.variants.filter((x) => x.product === 'ours');
  const fileRows = [];
  fileRows.push([
    '**blocking: `consentgate.js` evaluation**',
    ...ours.map((x) => `${ms(x.blocking.median)} (${spread(x.blocking)})`),
  ]);
  fileRows.push([
    '**after it: every other event (async files, callbacks, inline config)**',
    ...ours.map((x) => `${ms(x.rest.median)} (${spread(x.rest)})`),
  ]);
  const files = [...new Set(ours.flatMap((x) => Object.keys(x.byFile)))].sort();
  for (const f of files)
    for (const kind of ['evaluate', 'callbacks'])
      fileRows.push([
        `\`${f}\` ${kind === 'evaluate' ? 'evaluation' : 'callbacks'}`,
        ...ours.map((x) => {
          const s = x.byFile[f]?.[kind];
          return s ? `${ms(s.median)} (${spread(s)})` : '—';
        }),
      ]);
  out.push(table(['part', ...ours.map((x) => x.label)], fileRows));
  const failed = c.variants.filter((x) => x.failures);
  if (failed.length)
    out.push('', ...failed.map((x) => `- ${x.label}: ${x.failures} failed runs (${x.errors.join('; ')})`));
  if (notes) out.push('', ...notes.map((n) => `- ${n}`));
}

function domHeavySection(d, notes, out, loses) {
  const base = d.variants.find((x) => x.variant === 'none');
  const w = d.workload;
  out.push('', `## 6. DOM-heavy page: the page's own script time, CPU ${d.rate}× slower`, '');
  out.push(
    `The page's script does ${w.appendChild.toLocaleString('en')} \`appendChild\` of new elements (mixed tags, data-URI images, links), ${w.innerHTML} \`innerHTML\` assignments of HTML strings (some with first-party images and links) and ${w.fetch} first-party \`fetch()\` calls, each part in a task of its own and followed by one more task; CPU throttled ${d.rate}× through CDP; ${d.runs} rounds, variants in a new random order each round, a new context per load. **Script** = the renderer's script time (CDP \`Performance.getMetrics\` ScriptDuration), **CPU** = its main-thread time (ThreadTime), both thread ticks; **loop** = \`performance.now()\` around the synchronous loop (wall). Ratio = variant / no consent tool (1.00 = no cost); in brackets the per-round ratios' median (p25–p75).`,
    '',
  );
  const cell = (s) => `${ms(s.median)} (${spread(s)})`;
  out.push(
    table(
      [
        'variant',
        'script ms',
        'script / no tool',
        'CPU ms',
        'CPU / no tool',
        'appendChild script ms',
        'appendChild script / no tool',
        'appendChild loop ms',
        'appendChild loop / no tool',
        'innerHTML script ms',
        'fetch script ms',
        'failed runs',
      ],
      d.variants.map((v) => {
        const none = v.variant === 'none';
        const withSpread = (a, b, paired) => (none ? '—' : `${ratio(a, b)} [${x(paired)}]`);
        return [
          v.label,
          cell(v.script),
          withSpread(v.script.median, base.script.median, v.ratios?.script),
          cell(v.cpu),
          withSpread(v.cpu.median, base.cpu.median, v.ratios?.cpu),
          cell(v.parts.appendChild.script),
          withSpread(
            v.parts.appendChild.script.median,
            base.parts.appendChild.script.median,
            v.ratios?.appendChildScript,
          ),
          cell(v.parts.appendChild.loop),
          withSpread(
            v.parts.appendChild.loop.median,
            base.parts.appendChild.loop.median,
            v.ratios?.appendChildLoop,
          ),
          cell(v.parts.innerHTML.script),
          cell(v.parts.fetch.script),
          String(v.failures),
        ];
      }),
    ),
  );
  for (const v of d.variants.filter((x) => x.product === 'ours')) {
    const rs = ratio(v.script.median, base.script.median);
    if (overTarget(rs, v.ratios.script, DOM_TARGET))
      loses.push(
        `DOM-heavy page script time, ${v.label}: ${rs}× the page without a consent tool (per-round ratio ${x(v.ratios.script)}; target ≤ ${DOM_TARGET}×; appendChild alone ${ratio(v.parts.appendChild.script.median, base.parts.appendChild.script.median)}×)`,
      );
    for (const peer of d.variants.filter((x) => x.product !== 'ours' && x.variant !== 'none')) {
      const rp = ratio(v.script.median, peer.script.median);
      if (Number(rp) > 1) loses.push(`DOM-heavy page script time, ${v.label} vs ${peer.label}: ${rp}×`);
    }
  }
  const failed = d.variants.filter((x) => x.failures);
  if (failed.length)
    out.push('', ...failed.map((x) => `- ${x.label}: ${x.failures} failed runs (${x.errors.join('; ')})`));
  if (notes) out.push('', ...notes.map((n) => `- ${n}`));
}
