// The few lines the terminal shows at the end of a scan: a table of pages by phase, the totals,
// the leaks with their reasons, the issues. Pure: returns text.
import Table from 'cli-table3';
import type { PageRecord, ScanReport } from './types';

/** The end-of-scan summary for a terminal (no colours: it may be piped or logged). */
export function formatSummary(report: ScanReport, files: ReadonlyArray<string> = []): string {
  const table = new Table({
    head: ['page', 'before consent', 'after accept', 'after revoke', 'leaks'],
    style: { head: [], border: [] },
    wordWrap: true,
    colWidths: [44, 18, 24, 24, 7],
  });
  for (const page of report.pages) {
    const leaks = report.leaks.filter((leak) => leak.page === page.url).length;
    table.push([
      pageLabel(page, report.url),
      phaseCell(page, 'before'),
      phaseCell(page, 'accept'),
      phaseCell(page, 'reject'),
      String(leaks),
    ]);
  }
  const t = report.totals;
  const lines = [
    report.pages.length ? table.toString() : '',
    `${t.pages} page${t.pages === 1 ? '' : 's'} · ${t.requests} third-party request${t.requests === 1 ? '' : 's'} · ${t.cookies} cookie${t.cookies === 1 ? '' : 's'} · ${t.thirdPartyHosts} third-party host${t.thirdPartyHosts === 1 ? '' : 's'} · ${t.leaks} leak${t.leaks === 1 ? '' : 's'} · ${(report.durationMs / 1000).toFixed(1)} s · ${report.status}`,
  ];
  if (t.unknownHosts || t.unknownCookies)
    lines.push(
      `unknown: ${t.unknownHosts} host(s), ${t.unknownCookies} cookie(s) — see draft-config.json (TODO marks what needs a category)`,
    );
  if (report.leaks.length) {
    lines.push('', 'Leaks:');
    for (const leak of report.leaks)
      lines.push(
        `  ✗ ${leak.phase === 'before' ? 'before consent' : 'after revoke  '} ${leak.kind} ${leak.what} [${leak.category}] ${leak.reason}: ${leak.message}`,
      );
  }
  const notable = report.issues.filter(
    (issue) => issue.severity !== 'info' || issue.code.endsWith('-limit') || issue.code === 'consent-buttons',
  );
  if (notable.length) {
    lines.push('', 'Issues:');
    for (const issue of notable)
      lines.push(
        `  ${issue.severity === 'error' ? '!' : issue.severity === 'warning' ? '~' : '·'} ${issue.code}: ${issue.message}`,
      );
  }
  if (files.length) lines.push('', `Written: ${files.join(', ')}`);
  return `${lines.filter((line, i) => line !== '' || i > 0).join('\n')}\n`;
}

function pageLabel(page: PageRecord, start: string): string {
  try {
    const url = new URL(page.url);
    return new URL(start).origin === url.origin ? url.pathname + url.search : page.url;
  } catch {
    return page.url;
  }
}

// Before: what loaded. Accept: what loaded and what the consent released. Reject: only what was
// sent after the revoke (and on the reload after it), the cookies left and those deleted.
function phaseCell(page: PageRecord, phase: 'before' | 'accept' | 'reject'): string {
  const record = page.phases[phase];
  if (!record) return '—';
  const requests = record.requests.filter(
    (r) => r.party === 'third' && (phase !== 'reject' || r.stage === 'rejected' || r.stage === 'reloaded'),
  );
  const cookies = `${record.cookies.length} cookie${record.cookies.length === 1 ? '' : 's'}`;
  const parts = [`${requests.length} req`, phase === 'reject' ? `${cookies} left` : cookies];
  if (record.deletedCookies?.length) parts.push(`${record.deletedCookies.length} deleted`);
  if (!record.settled) parts.push('unsettled');
  return parts.join(', ');
}
