import { catalogue } from '@consentgate/blocker';
import {
  type ClassifyConfig,
  classifyConfigOf,
  classifyCookie,
  classifyRequest,
  needsConsent,
} from '@consentgate/scanner';
import { describe, expect, test } from 'vitest';

// The marketing example's rules and category cookies, in small.
const config: ClassifyConfig = {
  rules: [
    { category: 'analytics', match: ['localhost/a/'] },
    { category: 'advertising', match: ['localhost/ads/', 'localhost/embed/'] },
    // A site may call a catalogue host something else: its rule wins.
    { category: 'necessary', match: ['*.googletagmanager.com'] },
  ],
  categories: {
    analytics: {
      cookies: ['_sim_a', '_sim_a_*'],
      services: [
        { name: 'Sim Analytics', provider: 'Tracker simulator', cookies: ['_sim_a', '_sim_a_session'] },
      ],
    },
    advertising: { services: [{ name: 'Sim Ads', cookies: [{ name: '_sim_ads', lifetime: '90 days' }] }] },
    functional: { cookies: ['_ga'] },
  },
};

describe('classifyRequest', () => {
  test("the site's rules first, with the pattern that matched", () => {
    expect(classifyRequest('http://localhost:4174/a/loader.js?site=x', config)).toEqual({
      category: 'analytics',
      source: 'site',
      pattern: 'localhost/a/',
    });
    expect(classifyRequest('http://localhost:4174/embed/video.html', config)).toMatchObject({
      category: 'advertising',
      pattern: 'localhost/embed/',
    });
    expect(classifyRequest('https://www.googletagmanager.com/gtm.js?id=GTM-1', config)).toEqual({
      category: 'necessary',
      source: 'site',
      pattern: '*.googletagmanager.com',
    });
  });

  test('then the catalogue, with its vendor (path entries before host-wide ones)', () => {
    expect(classifyRequest('https://www.googletagmanager.com/gtm.js?id=GTM-1')).toEqual({
      category: 'analytics',
      source: 'catalogue',
      vendor: 'Google Tag Manager',
      pattern: '*.googletagmanager.com',
    });
    expect(classifyRequest('https://www.facebook.com/tr?id=1&ev=PageView', config)).toMatchObject({
      category: 'pixels',
      vendor: 'Meta Pixel',
    });
    expect(classifyRequest('https://hm.baidu.com/hm.js?x', config)).toMatchObject({ vendor: 'Baidu Tongji' });
  });

  test('unknown when nothing matches (a path outside the rule, another host, not http)', () => {
    const unknown = { category: null, source: null };
    expect(classifyRequest('http://localhost:4174/log.json', config)).toEqual(unknown);
    expect(classifyRequest('https://cdn.unknown-widgets.example/w.js', config)).toEqual(unknown);
    expect(classifyRequest('data:image/gif;base64,R0lGOD', config)).toEqual(unknown);
  });

  test('every catalogue pattern classifies as the gate would (the same matcher)', () => {
    for (const entry of catalogue)
      for (const pattern of entry.match) {
        const url = `https://${pattern.replace(/^\*\./, 'x.')}${pattern.includes('/') ? '' : '/p'}`;
        expect(classifyRequest(url).category, url).toBe(entry.category);
      }
  });
});

describe('classifyCookie', () => {
  test("ConsentGate's own consent cookie is necessary (default name, or cookie.name)", () => {
    expect(classifyCookie('cg_consent')).toEqual({
      category: 'necessary',
      source: 'consentgate',
      vendor: 'ConsentGate',
      pattern: 'cg_consent',
    });
    expect(classifyCookie('shop_consent', { cookie: { name: 'shop_consent' } }).source).toBe('consentgate');
    expect(classifyCookie('cg_consent', { cookie: { name: 'shop_consent' } }).category).toBeNull();
  });

  test("the site's category cookies first, naming the service that lists the cookie", () => {
    expect(classifyCookie('_sim_a_session', config)).toEqual({
      category: 'analytics',
      source: 'site',
      pattern: '_sim_a_session',
      vendor: 'Sim Analytics',
    });
    // A cookie only a service lists (no `cookies` pattern) is still the site's.
    expect(classifyCookie('_sim_ads', config)).toEqual({
      category: 'advertising',
      source: 'site',
      vendor: 'Sim Ads',
      pattern: '_sim_ads',
    });
    // The site's word beats the catalogue's (`_ga` is Google Analytics there).
    expect(classifyCookie('_ga', config)).toMatchObject({ category: 'functional', source: 'site' });
  });

  test('then the catalogue cookie patterns; else unknown', () => {
    expect(classifyCookie('_ga_ABC123', config)).toEqual({
      category: 'analytics',
      source: 'catalogue',
      vendor: 'Google Analytics',
      pattern: '_ga_*',
    });
    expect(classifyCookie('_fbp')).toMatchObject({ category: 'advertising', vendor: 'Meta Pixel' });
    expect(classifyCookie('Hm_lvt_0123abcd')).toMatchObject({
      category: 'analytics',
      vendor: 'Baidu Tongji',
    });
    expect(classifyCookie('session_theme', config)).toEqual({ category: null, source: null });
  });

  test('needsConsent: known and not necessary', () => {
    expect(needsConsent(classifyCookie('_ga_X'))).toBe(true);
    expect(needsConsent(classifyCookie('cg_consent'))).toBe(false);
    expect(needsConsent(classifyCookie('mystery'))).toBe(false);
  });
});

describe('classifyConfigOf', () => {
  test('keeps rules, category cookies and services, the cookie name; drops texts', () => {
    expect(
      classifyConfigOf({
        rules: [{ category: 'analytics', match: ['x.com'] }],
        categories: {
          analytics: { label: 'Stats', description: 'd', cookies: ['_x'], services: [{ name: 'X' }] },
        },
        cookie: { name: 'c' },
      }),
    ).toEqual({
      rules: [{ category: 'analytics', match: ['x.com'] }],
      categories: { analytics: { cookies: ['_x'], services: [{ name: 'X' }] } },
      cookie: { name: 'c' },
    });
  });
});
