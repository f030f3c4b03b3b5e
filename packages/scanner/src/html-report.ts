// report.html: one self-contained page (inline CSS, no script, no external asset) a site owner
// can open from disk or attach to a ticket. Everything from the scanned site (URLs, cookie
// names, titles, messages quoting them) is escaped: a hostile page must not script its report.
// Pure.
import type {
  Classification,
  CookieRecord,
  Leak,
  PageRecord,
  PhaseName,
  PhaseRecord,
  RequestRecord,
  ScanIssue,
  ScanReport,
  StorageRecord,
  UnknownItem,
} from './types';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** `value` as HTML text (also safe inside a quoted attribute). */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

const PHASE_TITLES: Record<PhaseName, string> = {
  before: '1 · Before any consent',
  accept: '2 · After “accept all”',
  reject: '3 · After “reject all” (accept, then revoke, then reload)',
};

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bad:#cf222e;--warn:#9a6700;--ok:#1a7f37;--chip:#f6f8fa}
@media (prefers-color-scheme:dark){:root{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--bad:#f85149;--warn:#d29922;--ok:#3fb950;--chip:#151b23}}
*{box-sizing:border-box}body{margin:0 auto;max-width:1200px;padding:24px;font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.muted{color:var(--muted)}.bad{color:var(--bad)}.warn{color:var(--warn)}.ok{color:var(--ok)}
.cards{display:flex;flex-wrap:wrap;gap:8px;margin:16px 0}.card{border:1px solid var(--line);border-radius:8px;padding:8px 14px;min-width:110px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;margin:6px 0 12px;font-size:13px}th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top}th{background:var(--chip)}
td.url{word-break:break-all;max-width:420px}code{font:12px ui-monospace,monospace;background:var(--chip);padding:1px 4px;border-radius:4px}
details{border:1px solid var(--line);border-radius:8px;padding:8px 12px;margin:10px 0}summary{cursor:pointer;font-weight:600}
.chip{display:inline-block;border-radius:10px;padding:0 8px;background:var(--chip);border:1px solid var(--line);font-size:12px}
`;

/** The whole report as one HTML document. */
export function renderHtmlReport(report: ScanReport): string {
  const t = report.totals;
  const leaks = report.leaks.length;
  const verdict = leaks
    ? `<p class="bad"><strong>${leaks} leak${leaks === 1 ? '' : 's'}:</strong> something reached the network without consent.</p>`
    : report.status === 'failed'
      ? '<p class="bad"><strong>No page could be scanned.</strong> See the issues below.</p>'
      : '<p class="ok"><strong>No leaks:</strong> nothing that needs consent reached the network before consent or after it was withdrawn.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ConsentGate scan · ${escapeHtml(report.site)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>ConsentGate scan · ${escapeHtml(report.site)}</h1>
<p class="muted">${escapeHtml(report.url)} · ${escapeHtml(report.started)} · ${(report.durationMs / 1000).toFixed(1)} s · status <strong>${escapeHtml(report.status)}</strong> · classified with ${escapeHtml(configSourceText(report.configSource))} and the built-in catalogue</p>
${verdict}
<div class="cards">
${card('pages', t.pages)}${card('requests', t.requests)}${card('cookies', t.cookies)}${card('third-party hosts', t.thirdPartyHosts)}${card('leaks', leaks, leaks > 0)}${card('unknown hosts', t.unknownHosts)}${card('unknown cookies', t.unknownCookies)}
</div>
${leaksSection(report.leaks)}
${issuesSection(report.issues)}
${unknownSection(report.unknown)}
<h2>Pages</h2>
${report.pages.map(pageSection).join('\n')}
<p class="muted">Limits: logged-in pages, content behind interactions and server-side tracking are not seen by a crawler. Options: ${escapeHtml(JSON.stringify(report.options))}</p>
</body>
</html>
`;
}

function configSourceText(source: ScanReport['configSource']): string {
  return source === 'file'
    ? 'the site config given (--config)'
    : source === 'page'
      ? "the page's own ConsentGate config"
      : 'no site config';
}

function card(label: string, value: number, bad = false): string {
  return `<div class="card"><b class="${bad ? 'bad' : ''}">${value}</b>${escapeHtml(label)}</div>`;
}

function table(headers: string[], rows: string[][], empty = 'None.'): string {
  if (!rows.length) return `<p class="muted">${escapeHtml(empty)}</p>`;
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${rows.map((cells) => `<tr>${cells.join('')}</tr>`).join('')}</tbody></table>`;
}

const td = (value: unknown, className?: string) =>
  `<td${className ? ` class="${className}"` : ''}>${escapeHtml(value)}</td>`;

function classificationCell(c: Classification): string {
  if (!c.category) return '<td class="warn">unknown</td>';
  const detail = [c.vendor, c.source === 'site' ? 'site config' : c.source].filter(Boolean).join(' · ');
  return `<td><strong>${escapeHtml(c.category)}</strong> <span class="muted">${escapeHtml(detail)}</span></td>`;
}

function leaksSection(leaks: ReadonlyArray<Leak>): string {
  return `<h2>Leaks</h2>${table(
    ['page', 'phase', 'what', 'category', 'reason'],
    leaks.map((leak) => [
      td(leak.page, 'url'),
      td(leak.phase === 'before' ? 'before consent' : 'after revoke'),
      `<td class="url">${escapeHtml(leak.kind)}: <code>${escapeHtml(leak.what)}</code></td>`,
      td([leak.category, leak.vendor].filter(Boolean).join(' · ')),
      `<td><span class="chip">${escapeHtml(leak.reason)}</span> ${escapeHtml(leak.message)}</td>`,
    ]),
  )}`;
}

function issuesSection(issues: ReadonlyArray<ScanIssue>): string {
  return `<h2>Issues</h2>${table(
    ['severity', 'code', 'message', 'url'],
    issues.map((issue) => [
      `<td class="${issue.severity === 'error' ? 'bad' : issue.severity === 'warning' ? 'warn' : 'muted'}">${escapeHtml(issue.severity)}</td>`,
      td(issue.code),
      td(issue.message),
      td(issue.url ?? '', 'url'),
    ]),
  )}`;
}

function unknownSection(unknown: ReadonlyArray<UnknownItem>): string {
  return `<h2>Unknown (nothing classifies them)</h2>${table(
    ['kind', 'name', 'site / domain', 'phases', 'seen', 'details'],
    unknown.map((item) => [
      td(item.kind),
      `<td><code>${escapeHtml(item.name)}</code></td>`,
      td(item.domain ?? item.site),
      td(item.phases.join(', ')),
      td(`${item.count}× on ${item.pages.length} page${item.pages.length === 1 ? '' : 's'}`),
      td(item.details.join(', '), 'url'),
    ]),
  )}`;
}

function pageSection(page: PageRecord): string {
  const phases = (['before', 'accept', 'reject'] as const)
    .map((name) => (page.phases[name] ? phaseSection(page.phases[name]!) : ''))
    .join('\n');
  const method =
    page.consentMethod === 'consentgate'
      ? 'ConsentGate API'
      : page.consentMethod === 'buttons'
        ? 'consent buttons found by their text'
        : 'no consent UI found';
  return `<details open><summary>${escapeHtml(page.url)}</summary>
<p class="muted">${page.title ? `“${escapeHtml(page.title)}” · ` : ''}depth ${page.depth}${page.from ? ` · linked from ${escapeHtml(page.from)}` : ''} · ${page.consentgate ? 'runs ConsentGate' : 'no ConsentGate'} · consent given with: ${escapeHtml(method)}${page.finalUrl !== page.url ? ` · ended at ${escapeHtml(page.finalUrl)}` : ''}</p>
${phases}
</details>`;
}

function phaseSection(phase: PhaseRecord): string {
  const deleted = phase.deletedCookies?.length
    ? `<p>Deleted on revoke: ${phase.deletedCookies.map((name) => `<code>${escapeHtml(name)}</code>`).join(' ')}</p>`
    : '';
  return `<h3>${escapeHtml(PHASE_TITLES[phase.phase])}</h3>
<p class="muted">${phase.actions.map(escapeHtml).join(' → ')} · ${(phase.durationMs / 1000).toFixed(1)} s${phase.settled ? '' : ' · <span class="warn">did not settle</span>'} · ${phase.firstPartyRequests} other first-party requests not listed</p>
${requestsTable(phase.requests)}${cookiesTable(phase.cookies)}${deleted}${storageTable(phase.storage)}`;
}

function requestsTable(requests: ReadonlyArray<RequestRecord>): string {
  return table(
    ['stage', 'host', 'path', 'type', 'category', 'initiator', 'status'],
    requests.map((r) => [
      td(r.stage),
      td(r.host),
      td(r.path, 'url'),
      td(r.resourceType),
      classificationCell(r.classification),
      td(initiatorText(r), 'url'),
      td(r.failure ?? r.status ?? ''),
    ]),
    'No third-party requests.',
  );
}

function initiatorText(request: RequestRecord): string {
  if (request.frame) return `frame ${request.frame}`;
  const i = request.initiator;
  if (!i) return '';
  return [i.type, i.url, i.line && `line ${i.line}`].filter(Boolean).join(' ');
}

function cookiesTable(cookies: ReadonlyArray<CookieRecord>): string {
  return table(
    ['cookie', 'domain', 'party', 'lifetime', 'flags', 'set by', 'category'],
    cookies.map((c) => [
      `<td><code>${escapeHtml(c.name)}</code></td>`,
      td(`${c.domain}${c.path !== '/' ? c.path : ''}`),
      td(c.party),
      td(c.lifetime),
      td(
        [c.httpOnly && 'HttpOnly', c.secure && 'Secure', `SameSite=${c.sameSite}`].filter(Boolean).join(' '),
      ),
      td(`${c.setBy}${c.setByUrl ? ` ${c.setByUrl}` : ''}`, 'url'),
      classificationCell(c.classification),
    ]),
    'No cookies.',
  );
}

function storageTable(storage: ReadonlyArray<StorageRecord>): string {
  if (!storage.length) return '';
  return table(
    ['storage', 'key', 'origin', 'party', 'category'],
    storage.map((s) => [
      td(s.kind),
      `<td><code>${escapeHtml(s.key)}</code></td>`,
      td(s.origin),
      td(s.party),
      classificationCell(s.classification),
    ]),
  );
}
