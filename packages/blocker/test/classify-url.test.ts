import { classifyUrl } from '@consentgate/blocker';
import { describe, expect, test } from 'vitest';

const base = 'https://shop.example/page';

describe('classifyUrl', () => {
  test('finds well-known trackers in the catalogue', () => {
    expect(classifyUrl('https://www.google-analytics.com/g/collect?v=2', [], base)).toBe('analytics');
    expect(classifyUrl('https://www.googletagmanager.com/gtm.js?id=GTM-1', [], base)).toBe('analytics');
    expect(classifyUrl('https://connect.facebook.net/en_US/fbevents.js', [], base)).toBe('advertising');
    expect(classifyUrl('https://hm.baidu.com/hm.js?abc', [], base)).toBe('analytics');
    expect(classifyUrl('https://static.hotjar.com/c/hotjar-1.js', [], base)).toBe('analytics');
    expect(classifyUrl('https://www.clarity.ms/tag/abc', [], base)).toBe('analytics');
    expect(classifyUrl('https://www.youtube.com/embed/xyz', [], base)).toBe('advertising');
    expect(classifyUrl('https://s4.cnzz.com/z_stat.php?id=1', [], base)).toBe('analytics');
  });

  test('classifies each request on its own: a pixel endpoint of an ad vendor is `pixels`', () => {
    expect(classifyUrl('https://www.facebook.com/tr?id=1&ev=PageView', [], base)).toBe('pixels');
    expect(classifyUrl('https://bat.bing.com/action/0?ti=1', [], base)).toBe('pixels');
    expect(classifyUrl('https://bat.bing.com/bat.js', [], base)).toBe('advertising');
    expect(classifyUrl('https://px.ads.linkedin.com/collect', [], base)).toBe('pixels');
    expect(classifyUrl('https://snap.licdn.com/li.lms-analytics/insight.min.js', [], base)).toBe(
      'advertising',
    );
  });

  test('a path prefix covers the path and below it, not look-alike paths', () => {
    expect(classifyUrl('https://www.facebook.com/trending', [], base)).toBeNull();
    expect(classifyUrl('https://www.facebook.com/tr/', [], base)).toBe('pixels');
    const rules = [{ category: 'advertising', match: ['cdn.example.com/ads/'] }];
    expect(classifyUrl('https://cdn.example.com/ads/banner.js', rules, base)).toBe('advertising');
    expect(classifyUrl('https://cdn.example.com/adsense.js', rules, base)).toBeNull();
    expect(classifyUrl('https://cdn.example.com/app.js', rules, base)).toBeNull();
  });

  test('site rules win over the catalogue', () => {
    const rules = [{ category: 'functional', match: ['*.youtube.com'] }];
    expect(classifyUrl('https://www.youtube.com/embed/xyz', rules, base)).toBe('functional');
  });

  test('site rules match host wildcards', () => {
    const rules = [{ category: 'analytics', match: ['*.example-tracker.com'] }];
    expect(classifyUrl('https://t.example-tracker.com/hit', rules, base)).toBe('analytics');
    expect(classifyUrl('https://example-tracker.com/hit', rules, base)).toBe('analytics');
    expect(classifyUrl('https://example-tracker.co/hit', rules, base)).toBeNull();
  });

  test('a scheme written in a rule is ignored', () => {
    const rules = [{ category: 'analytics', match: ['https://stats.example.net/js/'] }];
    expect(classifyUrl('https://stats.example.net/js/s.js', rules, base)).toBe('analytics');
  });

  test('resolves relative and protocol-relative URLs against base', () => {
    const rules = [{ category: 'analytics', match: ['shop.example/collect'] }];
    expect(classifyUrl('/collect?x=1', rules, base)).toBe('analytics');
    expect(classifyUrl('//www.google-analytics.com/analytics.js', [], base)).toBe('analytics');
  });

  test('unmatched and same-origin URLs are not classified', () => {
    expect(classifyUrl('https://cdn.jsdelivr.net/npm/x.js', [], base)).toBeNull();
    expect(classifyUrl('/app.js', [], base)).toBeNull();
  });

  test('non-network and invalid URLs are null, never a throw', () => {
    expect(classifyUrl('data:text/javascript,1', [{ category: 'a', match: ['*'] }], base)).toBeNull();
    expect(classifyUrl('javascript:void(0)', [], base)).toBeNull();
    expect(classifyUrl('http://[bad', [], base)).toBeNull();
    expect(classifyUrl('relative', [])).toBeNull();
  });

  test('web sockets are classified too', () => {
    expect(classifyUrl('wss://ws.hotjar.com/api/v2/client/ws', [], base)).toBe('analytics');
  });
});
