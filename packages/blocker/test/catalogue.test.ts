import { catalogue, classifyUrl, cookieMatches } from '@consentgate/blocker';
import { describe, expect, test } from 'vitest';

const base = 'https://shop.example/';
const vendors = catalogue.map((entry) => entry.vendor).join('\n');

describe('catalogue', () => {
  test('every entry has a vendor, a known category and well-formed patterns', () => {
    for (const entry of catalogue) {
      expect(entry.vendor).not.toBe('');
      expect(['analytics', 'advertising', 'pixels']).toContain(entry.category);
      expect(entry.match.length).toBeGreaterThan(0);
      for (const pattern of entry.match) expect(pattern).toMatch(/^(\*\.)?[a-z0-9.-]+\.[a-z]+(\/\S*)?$/);
      for (const cookie of entry.cookies ?? []) expect(cookie).toMatch(/^[\w*-]+$/);
    }
  });

  test.each([
    'Google Analytics',
    'Google Tag Manager',
    'DoubleClick',
    'Meta Pixel',
    'Microsoft Clarity',
    'Microsoft UET',
    'LinkedIn Insight',
    'TikTok',
    'X/Twitter',
    'Pinterest',
    'Hotjar',
    'Mixpanel',
    'Segment',
    'Criteo',
    'Taboola',
    'YouTube',
    'Vimeo',
    'Baidu Tongji',
    'CNZZ/Umeng',
    'Tencent Analytics',
    'Tencent Ads',
    'Alibaba Tanx',
    'Ocean Engine',
    'Weibo',
  ])('covers %s', (vendor) => {
    expect(vendors).toContain(vendor);
  });

  test.each([
    ['https://hm.baidu.com/hm.gif?si=1', 'analytics'],
    ['https://c.cnzz.com/core.php', 'analytics'],
    ['https://tajs.qq.com/stats?sId=1', 'analytics'],
    ['https://qzs.gdt.qq.com/union/res/union_sdk/page/unionsdk.js', 'advertising'],
    ['https://atanx.alicdn.tanx.com/t/tanxssp.js', 'advertising'],
    ['https://lf3.oceanengine.com/obj/pixel.js', 'advertising'],
    ['https://analytics.oceanengine.com/api/v2/conversion', 'pixels'],
    ['https://tjs.sjs.sinajs.cn/open/api/js/wb.js', 'advertising'],
    ['https://static.criteo.net/js/ld/publishertag.js', 'advertising'],
    ['https://cdn.taboola.com/libtrc/site/loader.js', 'advertising'],
    ['https://cdn.segment.com/analytics.js/v1/x/analytics.min.js', 'analytics'],
    ['https://api-js.mixpanel.com/track', 'analytics'],
    ['https://player.vimeo.com/video/1', 'analytics'],
    ['https://analytics.tiktok.com/i18n/pixel/events.js', 'advertising'],
    ['https://analytics.tiktok.com/api/v2/pixel', 'pixels'],
    ['https://ct.pinterest.com/v3/?event=init', 'pixels'],
    ['https://t.co/i/adsct?txn_id=1', 'pixels'],
    ['https://googleads.g.doubleclick.net/pagead/viewthroughconversion/1/', 'pixels'],
    ['https://securepubads.g.doubleclick.net/tag/js/gpt.js', 'advertising'],
  ])('%s → %s', (url, category) => {
    expect(classifyUrl(url, [], base)).toBe(category);
  });

  test.each([
    ['Hm_lvt_0f1e2d', 'Baidu Tongji'],
    ['_ga_XYZ', 'Google Analytics'],
    ['_fbp', 'Meta Pixel'],
    ['_hjSessionUser_1', 'Hotjar'],
    ['CNZZDATA1000', 'CNZZ/Umeng'],
    ['_clck', 'Microsoft Clarity'],
  ])('the cookie %s belongs to %s', (name, vendor) => {
    const entry = catalogue.find((e) => e.cookies?.some((pattern) => cookieMatches(name, pattern)));
    expect(entry?.vendor).toBe(vendor);
  });
});
