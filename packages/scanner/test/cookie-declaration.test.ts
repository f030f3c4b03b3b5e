import { buildDeclaration, type ClassifyConfig, DECLARATION_FORMAT } from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';
import { cookie, page, phase, report, request, SITE_URL, storage } from './support/records';

const site: ClassifyConfig = {
  rules: [{ category: 'pixels', match: ['px.partner.example'] }],
  categories: {
    analytics: {
      cookies: ['shop_*'],
      services: [
        {
          name: 'Shop stats',
          provider: 'Shop Ltd',
          purpose: 'Counts visits.',
          cookies: [{ name: 'shop_visitor', purpose: 'Tells visits apart.' }],
        },
      ],
    },
    pixels: {},
  },
};

function scanned() {
  const before = phase('before', { cookies: [cookie('cg_consent', 'www.shop.example', site)] });
  const accept = phase('accept', {
    requests: [
      request('https://px.partner.example/p.gif', site, { resourceType: 'image' }),
      request('https://connect.facebook.net/en_US/fbevents.js', site),
      request('https://www.facebook.com/tr?id=1', site, { resourceType: 'image' }),
    ],
    cookies: [
      cookie('cg_consent', 'www.shop.example', site, { lifetimeSeconds: 182 * 86400 }),
      cookie('shop_visitor', 'www.shop.example', site, { lifetimeSeconds: 365 * 86400 }),
      cookie('_fbp', '.shop.example', site),
      cookie('_ga_X1', '.shop.example', site),
      cookie('_ga_Y2', '.shop.example', site),
      cookie('fr', '.facebook.com', site),
      cookie('weird', 'www.shop.example', site, { lifetimeSeconds: null }),
    ],
    storage: [
      storage('_hjSessionUser_1', 'https://www.shop.example', site),
      storage('ui_theme', 'https://www.shop.example', site),
    ],
  });
  // The same cookies again on a second page: declared once.
  const second = page(`${SITE_URL}about`, { accept: phase('accept', { cookies: accept.cookies }) });
  return report([page(SITE_URL, { before, accept }), second], site);
}

describe('buildDeclaration', () => {
  test('is versioned and says which site and scan it describes', () => {
    const declaration = buildDeclaration(scanned());
    expect(declaration).toMatchObject({
      format: DECLARATION_FORMAT,
      version: 1,
      site: 'shop.example',
      url: SITE_URL,
      generated: '2026-12-01T10:00:00.000Z',
    });
    expect(declaration.categories.map((c) => c.id)).toEqual([
      'necessary',
      'analytics',
      'pixels',
      'advertising',
    ]);
  });

  test('per category: services (provider, purpose, hosts) with their cookies, each once', () => {
    const [necessary, analytics, pixels, advertising] = buildDeclaration(scanned()).categories;
    expect(necessary.services).toEqual([
      {
        name: 'ConsentGate',
        provider: 'shop.example',
        purpose: expect.objectContaining({ en: 'Remembers your consent choices.' }),
        hosts: [],
        cookies: [
          {
            name: 'cg_consent',
            kind: 'cookie',
            provider: 'shop.example',
            party: 'first',
            domain: 'www.shop.example',
            lifetime: '3 months',
            lifetimeSeconds: 90 * 86400,
          },
        ],
      },
    ]);
    expect(analytics.services).toEqual([
      {
        name: 'Shop stats',
        provider: 'Shop Ltd',
        purpose: 'Counts visits.',
        hosts: [],
        cookies: [
          expect.objectContaining({
            name: 'shop_visitor',
            purpose: 'Tells visits apart.',
            lifetime: '1 year',
          }),
        ],
      },
      {
        name: 'Google Analytics',
        provider: 'Google LLC',
        purpose: expect.objectContaining({ 'zh-CN': expect.any(String) }),
        hosts: [],
        // Two `_ga_…` cookies are one family, declared by its pattern.
        cookies: [expect.objectContaining({ name: '_ga_*', party: 'first', domain: '.shop.example' })],
      },
      {
        name: 'Hotjar',
        provider: 'Hotjar Ltd.',
        purpose: expect.any(Object),
        hosts: [],
        // Storage keys are matched against cookie patterns: Hotjar keeps `_hj…` in localStorage too.
        cookies: [
          expect.objectContaining({
            name: '_hj*',
            kind: 'localStorage',
            lifetime: 'until cleared',
            domain: 'https://www.shop.example',
          }),
        ],
      },
    ]);
    expect(analytics.cookies).toEqual([]);
    // A site rule's host has no service: it is listed on the category.
    expect(pixels).toEqual({
      id: 'pixels',
      services: [expect.objectContaining({ name: 'Meta Pixel', hosts: ['www.facebook.com'] })],
      cookies: [],
      hosts: ['px.partner.example'],
    });
    const meta = advertising.services.find((s) => s.name === 'Meta Pixel')!;
    expect(meta.hosts).toEqual(['connect.facebook.net']);
    expect(meta.cookies.map((c) => [c.name, c.party, c.domain, c.provider])).toEqual([
      ['_fbp', 'first', '.shop.example', 'Meta Platforms, Inc.'],
      ['fr', 'third', '.facebook.com', 'Meta Platforms, Inc.'],
    ]);
  });

  test('what nothing classifies is listed apart, for the site owner to place', () => {
    expect(buildDeclaration(scanned()).unclassified).toEqual([
      expect.objectContaining({
        name: 'weird',
        kind: 'cookie',
        lifetime: 'session',
        lifetimeSeconds: null,
        party: 'first',
      }),
      expect.objectContaining({ name: 'ui_theme', kind: 'localStorage' }),
    ]);
  });
});
