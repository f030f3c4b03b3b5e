import {
  type ClassifyConfig,
  findLeaks,
  findLeftoverCookies,
  type Initiator,
  readHtmlSource,
} from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';
import { cookie, page, phase, request } from './support/records';

const PAGE = 'https://www.shop.example/leaky.html';
const config: ClassifyConfig = {
  rules: [
    { category: 'analytics', match: ['t.tracker.example/a/'] },
    { category: 'pixels', match: ['t.tracker.example/px/'] },
    { category: 'necessary', match: ['cdn.shop-assets.example'] },
  ],
  categories: { analytics: { cookies: ['_t_a'] } },
};
// Line numbers matter: the explanations quote them.
const HTML = `<!doctype html>
<html lang="en"><head>
<script>new Image().src = 'https://t.tracker.example/px/early.gif';</script>
<script src="https://t.tracker.example/a/before-gate.js"></script>
<script src="/consentgate.js"></script>
<script src="https://t.tracker.example/a/plain.js"></script>
<script type="text/plain" data-category="analytics" src="https://t.tracker.example/a/held.js"></script>
<!-- <img src="https://t.tracker.example/px/commented.gif"> -->
</head><body>
<img src="https://t.tracker.example/px/plain.gif?a=1&amp;b=2" data-category="pixels" alt="">
<img data-category="pixels" data-src="https://t.tracker.example/px/held.gif" alt="">
<script>fetch('https://t.tracker.example/a/after-gate');</script>
</body></html>`;
const source = readHtmlSource(HTML, PAGE);

const parser = (line: number): Initiator => ({ type: 'parser', url: PAGE, line });
const script = (url: string, line: number): Initiator => ({
  type: 'script',
  url,
  line,
  frames: [{ url, line }],
});
const before = (...requests: ReturnType<typeof request>[]) => ({ before: phase('before', { requests }) });

describe('readHtmlSource', () => {
  test('finds the fetching tags with their lines, what holds them, the inline scripts and the gate', () => {
    expect(source.gateLine).toBe(5);
    expect(source.tags.map((t) => [t.tag, t.url, t.line, t.held])).toEqual([
      ['script', 'https://t.tracker.example/a/before-gate.js', 4, false],
      ['script', 'https://www.shop.example/consentgate.js', 5, false],
      ['script', 'https://t.tracker.example/a/plain.js', 6, false],
      ['script', 'https://t.tracker.example/a/held.js', 7, true],
      ['img', 'https://t.tracker.example/px/plain.gif?a=1&b=2', 10, false],
      ['img', 'https://t.tracker.example/px/held.gif', 11, true],
    ]);
    expect(source.tags[4].category).toBe('pixels');
    expect(source.inlineScripts).toEqual([
      { startLine: 3, endLine: 3, annotated: false },
      { startLine: 12, endLine: 12, annotated: false },
    ]);
  });
});

describe('findLeaks', () => {
  const leaky = (phases: Parameters<typeof page>[1], extra = {}) =>
    findLeaks(page(PAGE, phases, extra), { source, pageConfig: config });

  test('a plain <script src>/<img src> in the HTML: the preload scanner fetched it', () => {
    const leaks = leaky(
      before(
        request('https://t.tracker.example/a/plain.js', config, { initiator: parser(6) }),
        request('https://t.tracker.example/px/plain.gif?a=1&b=2', config, {
          resourceType: 'image',
          initiator: parser(10),
        }),
      ),
    );
    expect(leaks.map((leak) => [leak.phase, leak.kind, leak.category, leak.reason])).toEqual([
      ['before', 'request', 'analytics', 'preload-scanner'],
      ['before', 'request', 'pixels', 'preload-scanner'],
    ]);
    expect(leaks[0].message).toMatch(
      /plain <script src> in the HTML \(line 6\): the browser's preload scanner fetched it before any script ran/,
    );
    expect(leaks[0].message).toContain('<script type="text/plain" data-category="analytics" src="…">');
    expect(leaks[1].message).toContain('It has data-category="pixels", but a real src is fetched anyway');
    expect(leaks[1].message).toContain('<img data-category="pixels" data-src="…">');
  });

  test('a tag that ran before the gate: inline (parser initiator) or an external script', () => {
    const leaks = leaky(
      before(
        request('https://t.tracker.example/px/early.gif', config, {
          resourceType: 'image',
          initiator: parser(3),
        }),
        request('https://t.tracker.example/a/x', config, {
          resourceType: 'fetch',
          initiator: script('https://t.tracker.example/a/before-gate.js', 2),
        }),
      ),
    );
    expect(leaks.map((leak) => leak.reason)).toEqual(['before-gate', 'before-gate']);
    expect(leaks[0].message).toBe(
      "Sent by the inline <script> at line 3, which runs before the gate's <script> (line 5): put the gate first in <head>.",
    );
    expect(leaks[1].message).toContain('loaded by the <script src> at line 4');
  });

  test("no gate on the page; no rule in the page's own config; from inside a frame", () => {
    const url = 'https://t.tracker.example/a/after-gate';
    expect(
      leaky(before(request(url, config, { initiator: script(PAGE, 12) })), { consentgate: false })[0],
    ).toMatchObject({
      reason: 'no-gate',
    });
    const noRule = findLeaks(page(PAGE, before(request(url, config, { initiator: script(PAGE, 12) }))), {
      source,
      pageConfig: { rules: [] },
    });
    expect(noRule[0]).toMatchObject({ reason: 'no-rule' });
    expect(noRule[0].message).toContain(
      "Add { category: 'analytics', match: ['t.tracker.example/a/'] } to rules.",
    );
    expect(
      leaky(before(request(url, config, { frame: 'https://t.tracker.example/frame.html' })))[0].reason,
    ).toBe('in-frame');
  });

  test('a script the gate should have held, a stylesheet, no initiator', () => {
    const reasons = leaky(
      before(
        request('https://t.tracker.example/a/1', config, { initiator: script(PAGE, 12) }),
        request('https://t.tracker.example/px/2.gif', config, {
          initiator: { type: 'parser', url: 'https://www.shop.example/site.css', line: 3 },
        }),
        request('https://t.tracker.example/px/3.gif', config, { initiator: { type: 'other' } }),
      ),
    ).map((leak) => leak.reason);
    expect(reasons).toEqual(['script', 'stylesheet', 'unknown']);
  });

  test('not leaks: necessary, unknown, first-party, held tags, and anything after consent', () => {
    const phases = {
      before: phase('before', {
        requests: [
          request('https://cdn.shop-assets.example/app.js', config),
          request('https://unknown.example/w.js', config),
          request('https://www.shop.example/a/local.js', {
            rules: [{ category: 'analytics', match: ['www.shop.example/a/'] }],
          }),
        ],
        cookies: [
          cookie('cg_consent', 'www.shop.example', config),
          cookie('mystery', 'www.shop.example', config),
        ],
      }),
      accept: phase('accept', {
        requests: [request('https://t.tracker.example/a/held.js', config, { stage: 'accepted' })],
      }),
      reject: phase('reject', {
        requests: [request('https://t.tracker.example/a/held.js', config, { stage: 'accepted' })],
      }),
    };
    expect(leaky(phases)).toEqual([]);
  });

  test('a tracking cookie before consent, set by a header or by a leaked script', () => {
    const leaks = leaky({
      before: phase('before', {
        requests: [request('https://t.tracker.example/a/plain.js', config, { initiator: parser(6) })],
        cookies: [
          cookie('_t_a', 'www.shop.example', config, { setBy: 'header', setByUrl: PAGE }),
          cookie('_ga', '.shop.example', config, { setByUrl: 'https://t.tracker.example/a/plain.js' }),
        ],
      }),
    });
    expect(leaks.map((leak) => [leak.kind, leak.what, leak.reason])).toEqual([
      ['request', 'https://t.tracker.example/a/plain.js', 'preload-scanner'],
      ['cookie', '_t_a', 'set-cookie-header'],
      ['cookie', '_ga', 'before-gate'],
    ]);
  });

  test('after the revoke: still sent by running code, or on the reload', () => {
    const leaks = leaky({
      reject: phase('reject', {
        requests: [
          request('https://t.tracker.example/a/before-revoke', config, { stage: 'accepted' }),
          request('https://t.tracker.example/a/event', config, {
            stage: 'rejected',
            initiator: script('https://t.tracker.example/a/plain.js', 9),
          }),
          request('https://t.tracker.example/a/plain.js', config, {
            stage: 'reloaded',
            initiator: parser(6),
          }),
        ],
      }),
    });
    expect(leaks.map((leak) => [leak.phase, leak.reason])).toEqual([
      ['reject', 'after-revoke'],
      ['reject', 'preload-scanner'],
    ]);
    expect(leaks[1].message).toMatch(/^On the page load after the revoke: A plain <script src>/);
  });

  test('each leak once per page and phase', () => {
    const url = 'https://t.tracker.example/a/plain.js';
    const leaks = leaky(
      before(request(url, config, { initiator: parser(6) }), request(url, config, { initiator: parser(6) })),
    );
    expect(leaks).toHaveLength(1);
  });
});

describe('findLeftoverCookies', () => {
  test('non-necessary cookies still there after the revoke are warnings, first and third party told apart', () => {
    const issues = findLeftoverCookies(
      page(PAGE, {
        reject: phase('reject', {
          cookies: [
            cookie('cg_consent', 'www.shop.example', config),
            cookie('_t_a', 'www.shop.example', config),
            cookie('IDE', '.doubleclick.net', config),
            // Unknown, but written by an analytics script.
            cookie('_t_id', 'www.shop.example', config, { setByUrl: 'https://t.tracker.example/a/plain.js' }),
            cookie('theme', 'www.shop.example', config, { setByUrl: PAGE }),
          ],
        }),
      }),
      config,
    );
    expect(issues.map((issue) => [issue.code, issue.severity])).toEqual([
      ['cookie-remains', 'warning'],
      ['cookie-remains', 'warning'],
      ['cookie-remains', 'warning'],
    ]);
    expect(issues[0].message).toContain('list it in categories.analytics.cookies');
    expect(issues[1].message).toContain('a third-party cookie, which a page cannot delete');
    expect(issues[2].message).toBe(
      'The cookie _t_id (www.shop.example), written by https://t.tracker.example/a/plain.js (analytics), is still there after the visitor withdrew consent: list it in categories.analytics.cookies so the gate deletes it on revoke.',
    );
  });
});
