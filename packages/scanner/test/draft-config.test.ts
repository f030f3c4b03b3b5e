import { buildDraftConfig, type ClassifyConfig, TODO } from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';
import { readSiteConfig } from '../src/site-config';
import { cookie, page, phase, report, request, SITE_URL } from './support/records';

const site: ClassifyConfig = {
  rules: [{ category: 'analytics', match: ['stats.shop.example'] }],
  categories: {
    analytics: { services: [{ name: 'Shop stats', provider: 'Shop Ltd', cookies: ['shop_visitor'] }] },
  },
};

// One page that met: two hosts of one unknown vendor, an unknown host whose name says what it
// is, one that says nothing, the catalogue's Google Analytics and Tag Manager, the site's own
// stats, and cookies of each kind.
function scanned() {
  const accept = phase('accept', {
    requests: [
      request('https://cdn.newtrack.io/t.js', site),
      request('https://api.newtrack.io/collect?e=pv', site, { resourceType: 'fetch' }),
      request('https://metrics.example-counter.net/hit', site, { resourceType: 'image' }),
      request('https://widgets.mystery.org/w.js', site),
      request('http://localhost:4174/x.js', site),
      request('https://www.googletagmanager.com/gtag/js?id=G-1', site),
      request('https://region1.google-analytics.com/g/collect?v=2', site, { resourceType: 'fetch' }),
      request('https://stats.shop.example/s.js', site),
    ],
    cookies: [
      cookie('cg_consent', 'www.shop.example', site, { lifetimeSeconds: 182 * 86400 }),
      cookie('_ga_ABC123', '.shop.example', site, { lifetimeSeconds: 400 * 86400 }),
      cookie('shop_visitor', 'www.shop.example', site, { lifetimeSeconds: 30 * 86400 }),
      cookie('nt_id', '.shop.example', site, { setByUrl: 'https://cdn.newtrack.io/t.js' }),
      cookie('PHPSESSID', 'www.shop.example', site, { lifetimeSeconds: null, setBy: 'header' }),
      cookie('mystery_pref', 'www.shop.example', site),
    ],
  });
  return report([page(SITE_URL, { before: phase('before'), accept })], site);
}

describe('buildDraftConfig', () => {
  test('a rule per unknown registrable domain, with a guess or TODO; the site rules kept first', () => {
    const { config, notes } = buildDraftConfig(scanned());
    expect(config.rules).toEqual([
      { category: 'analytics', match: ['stats.shop.example'] },
      // cdn. and api. are one vendor: one rule for the domain. The path `/collect` says analytics.
      { category: 'analytics', match: ['*.newtrack.io'] },
      { category: 'analytics', match: ['*.example-counter.net'] },
      { category: TODO, match: ['*.mystery.org'] },
      // localhost has no registrable domain: the rule names the host.
      { category: TODO, match: ['localhost'] },
    ]);
    expect(notes.filter((note) => note.kind === 'rule')).toEqual([
      { kind: 'rule', name: '*.newtrack.io', category: 'analytics', status: 'guessed' },
      { kind: 'rule', name: '*.example-counter.net', category: 'analytics', status: 'guessed' },
      { kind: 'rule', name: '*.mystery.org', category: TODO, status: 'todo' },
      { kind: 'rule', name: 'localhost', category: TODO, status: 'todo' },
    ]);
  });

  test('services with provider, purpose and lifetime; cookies in their category', () => {
    const { config } = buildDraftConfig(scanned());
    const categories = config.categories!;
    expect(categories.necessary).toEqual({
      cookies: ['PHPSESSID'],
      services: [
        {
          name: 'ConsentGate',
          provider: 'shop.example',
          purpose: { en: 'Remembers your consent choices.', 'zh-CN': '记住您的同意选择。' },
          cookies: [{ name: 'cg_consent', lifetime: '6 months' }],
        },
      ],
    });
    const analytics = categories.analytics;
    // The site's service gets the lifetime seen; its cookie is listed for deletion on revoke.
    expect(analytics.services![0]).toEqual({
      name: 'Shop stats',
      provider: 'Shop Ltd',
      cookies: [{ name: 'shop_visitor', lifetime: '1 month' }],
    });
    expect(analytics.cookies).toEqual(['shop_visitor', 'nt_id']);
    // Catalogue vendors: the cookie family by its pattern (the gate knows it already).
    expect(analytics.services).toContainEqual({
      name: 'Google Analytics',
      provider: 'Google LLC',
      purpose: expect.objectContaining({ en: expect.stringContaining('Measures how visitors use the site') }),
      cookies: [{ name: '_ga_*', lifetime: '1 year' }],
    });
    // Seen only by its requests, still a service of the category.
    expect(analytics.services).toContainEqual(
      expect.objectContaining({ name: 'Google Tag Manager', provider: 'Google LLC' }),
    );
    expect(categories[TODO]).toEqual({ cookies: ['mystery_pref'] });
  });

  test("keeps the site's own config as written, and the validator flags exactly the TODOs", () => {
    const base = { ...site, policyVersion: '2026-11', policyUrl: '/privacy' };
    const { config } = buildDraftConfig(scanned(), base);
    expect(config).toMatchObject({ policyVersion: '2026-11', policyUrl: '/privacy' });
    const { issues } = readSiteConfig(config);
    expect(issues.map((issue) => issue.path).sort()).toEqual([
      'categories.TODO',
      'rules[3].category',
      'rules[4].category',
    ]);
    // The input is not changed.
    expect(base.rules).toHaveLength(1);
  });

  test('nothing unknown: the config comes back with only the lifetimes filled in', () => {
    const accept = phase('accept', {
      requests: [request('https://stats.shop.example/s.js', site)],
      cookies: [cookie('shop_visitor', 'www.shop.example', site)],
    });
    const { config, notes } = buildDraftConfig(report([page(SITE_URL, { accept })], site));
    expect(notes).toEqual([]);
    expect(config).toEqual({
      rules: site.rules,
      categories: {
        analytics: {
          cookies: ['shop_visitor'],
          services: [
            {
              name: 'Shop stats',
              provider: 'Shop Ltd',
              cookies: [{ name: 'shop_visitor', lifetime: '3 months' }],
            },
          ],
        },
      },
    });
  });
});
