// Who runs each catalogue vendor and what it is for, for the draft config's services and the
// cookie declaration. The blocker's catalogue ships in every page and stays lean, so this lives
// here; a test fails when a catalogue vendor has no line (test/vendor-info.test.ts).
import type { LocalizedText } from '@consentgate/core';

/** The provider and purpose of a catalogue vendor, in English and Simplified Chinese. */
export interface VendorInfo {
  provider: string;
  purpose: LocalizedText;
}

// One line per vendor: `vendor>provider>purpose (en)>purpose (zh-CN)`.
const DATA = `Meta Pixel>Meta Platforms, Inc.>Measures ad conversions and builds audiences for Facebook and Instagram ads.>衡量广告转化并为 Facebook 和 Instagram 广告建立受众。
Google Ads conversions>Google LLC>Counts conversions from Google ads.>统计来自 Google 广告的转化。
Microsoft UET hits>Microsoft Corporation>Counts conversions from Microsoft Advertising (Bing) ads.>统计来自 Microsoft Advertising（必应）广告的转化。
LinkedIn Insight hits>LinkedIn Corporation>Counts conversions from LinkedIn ads.>统计来自领英广告的转化。
TikTok Pixel hits>TikTok Pte. Ltd.>Counts conversions from TikTok ads.>统计来自 TikTok 广告的转化。
X/Twitter pixel>X Corp.>Counts conversions from X (Twitter) ads.>统计来自 X（Twitter）广告的转化。
Pinterest Tag hits>Pinterest, Inc.>Counts conversions from Pinterest ads.>统计来自 Pinterest 广告的转化。
Ocean Engine conversions>Beijing Ocean Engine Network Technology Co., Ltd.>Counts conversions from Ocean Engine (Douyin, Toutiao) ads.>统计来自巨量引擎（抖音、今日头条）广告的转化。
Sina/Weibo beacon>Weibo Corporation>Counts visits for Sina and Weibo ads.>为新浪和微博广告统计访问。
Google Analytics>Google LLC>Measures how visitors use the site (pages, visits, sources).>分析访客如何使用本网站（页面、访问、来源）。
Google Tag Manager>Google LLC>Loads the site's measurement and marketing tags.>加载网站的分析与营销标签。
Google Ads/DoubleClick>Google LLC>Shows and personalises ads and measures their effect.>投放并个性化广告，衡量广告效果。
Microsoft Clarity>Microsoft Corporation>Records how visitors use pages (clicks, scrolling, session replays).>记录访客如何使用页面（点击、滚动、会话回放）。
Microsoft UET>Microsoft Corporation>Measures and targets Microsoft Advertising (Bing) ads.>衡量并定向 Microsoft Advertising（必应）广告。
LinkedIn Insight>LinkedIn Corporation>Measures and targets LinkedIn ads.>衡量并定向领英广告。
TikTok Pixel>TikTok Pte. Ltd.>Measures and targets TikTok ads.>衡量并定向 TikTok 广告。
X/Twitter>X Corp.>Measures and targets X (Twitter) ads.>衡量并定向 X（Twitter）广告。
Pinterest Tag>Pinterest, Inc.>Measures and targets Pinterest ads.>衡量并定向 Pinterest 广告。
Hotjar>Hotjar Ltd.>Records how visitors use pages (heatmaps, session recordings, surveys).>记录访客如何使用页面（热图、会话录制、问卷）。
Mixpanel>Mixpanel, Inc.>Measures how visitors use the product (events, funnels).>分析访客如何使用产品（事件、漏斗）。
Segment>Twilio Inc.>Collects visit and usage events and forwards them to other tools.>收集访问与使用事件并转发给其他工具。
Criteo>Criteo SA>Shows retargeted ads based on pages and products viewed.>根据浏览过的页面和商品展示再营销广告。
Taboola>Taboola, Inc.>Shows recommended content and ads.>展示推荐内容和广告。
YouTube>Google LLC>Plays embedded videos; tracks viewing for ads and recommendations.>播放嵌入视频；为广告和推荐跟踪观看。
Vimeo>Vimeo.com, Inc.>Plays embedded videos and counts views.>播放嵌入视频并统计观看次数。
Baidu Tongji>Baidu, Inc.>Measures how visitors use the site (Baidu Analytics).>分析访客如何使用本网站（百度统计）。
Baidu Union>Baidu, Inc.>Shows and measures ads (Baidu Union).>投放并衡量广告（百度联盟）。
CNZZ/Umeng>Alibaba Group (Umeng+)>Measures how visitors use the site (CNZZ, Umeng).>分析访客如何使用本网站（CNZZ、友盟）。
Tencent Analytics>Tencent Holdings Ltd.>Measures how visitors use the site (Tencent Analytics).>分析访客如何使用本网站（腾讯分析）。
Tencent Ads>Tencent Holdings Ltd.>Shows and measures ads (Tencent Ads, GDT).>投放并衡量广告（腾讯广告、广点通）。
Alibaba Tanx>Alibaba Group>Shows and measures ads (Tanx, Alimama).>投放并衡量广告（Tanx、阿里妈妈）。
Alibaba analytics>Alibaba Group>Measures visits and usage (mmstat).>统计访问与使用情况（mmstat）。
ByteDance/Ocean Engine>ByteDance Ltd.>Measures and targets ads (Ocean Engine).>衡量并定向广告（巨量引擎）。
Weibo>Weibo Corporation>Shows and measures Weibo ads and share buttons.>投放并衡量微博广告与分享按钮。`;

const TABLE: ReadonlyMap<string, VendorInfo> = new Map(
  DATA.split('\n').map((line) => {
    const [vendor, provider, en, zh] = line.split('>');
    return [vendor, { provider, purpose: { en, 'zh-CN': zh } }];
  }),
);

/** The provider and purpose of a catalogue vendor (`Google Analytics`), if known. */
export function vendorInfo(vendor: string): VendorInfo | undefined {
  return TABLE.get(vendor);
}

/** What ConsentGate's own consent cookie is for (its provider is the site itself). */
export const CONSENTGATE_PURPOSE: LocalizedText = {
  en: 'Remembers your consent choices.',
  'zh-CN': '记住您的同意选择。',
};

/** Every vendor the table knows, in table order. */
export const knownVendors: ReadonlyArray<string> = [...TABLE.keys()];
