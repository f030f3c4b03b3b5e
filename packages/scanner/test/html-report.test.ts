import { escapeHtml, renderHtmlReport } from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';
import { cookie, page, phase, report, request, SITE_URL } from './support/records';

// What a hostile (or just unusual) site can put into a report: every one of these comes from
// the scanned pages, never from the scanner.
const EVIL = '<script>alert(1)</script>';
const ATTRIBUTE = '"><img src=x onerror=alert(2)>';

function hostile() {
  const url = `${SITE_URL}?q=${EVIL}`;
  const accept = phase('accept', {
    actions: ['load', `clicked "${EVIL}"`],
    requests: [
      request(
        `https://evil.example/${ATTRIBUTE}`,
        {},
        { initiator: { type: 'script', url: `https://evil.example/${EVIL}.js` } },
      ),
    ],
    cookies: [cookie(ATTRIBUTE, 'www.shop.example', {}, { setByUrl: `https://x.example/${EVIL}` })],
    storage: [
      {
        kind: 'localStorage',
        origin: 'https://www.shop.example',
        key: EVIL,
        party: 'first',
        classification: { category: null, source: null },
      },
    ],
  });
  const r = report([page(url, { before: phase('before'), accept }, { title: EVIL })]);
  r.leaks.push({
    page: url,
    phase: 'before',
    kind: 'request',
    what: `https://evil.example/${ATTRIBUTE}`,
    host: 'evil.example',
    category: 'analytics',
    reason: 'script',
    message: `Sent by ${EVIL}`,
  });
  r.issues.push({ code: 'never-settled', severity: 'warning', message: EVIL, url });
  return r;
}

describe('renderHtmlReport', () => {
  test('escapes everything that came from the site: no markup of theirs survives', () => {
    const html = renderHtmlReport(hostile());
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror=alert(2)>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
  });

  test('is one self-contained page: inline CSS, no external asset, no script', () => {
    const html = renderHtmlReport(hostile());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
    // No tag of the report's own loads anything.
    expect(html).not.toMatch(/<(link|script|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
  });

  test('shows the summary, the leaks with their reasons, the issues and every phase', () => {
    const html = renderHtmlReport(hostile());
    expect(html).toContain('1 leak:</strong>');
    expect(html).toContain('<span class="chip">script</span>');
    expect(html).toContain('never-settled');
    expect(html).toContain('1 · Before any consent');
    expect(html).toContain('2 · After “accept all”');
    expect(html).toContain('unknown');
  });
});

test('escapeHtml escapes the five characters HTML gives meaning to', () => {
  expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
    '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
  );
  expect(escapeHtml(undefined)).toBe('');
  expect(escapeHtml(42)).toBe('42');
});
