import type { Rule } from './config';

/** One known tracker: the hosts (and path prefixes) it sends to, and the cookies it writes. */
export type CatalogueEntry = Rule & { vendor: string; cookies?: string[] };

// One line per vendor: `vendor>category>match match…>cookie cookie…`. Kept as one string because
// it ships in the synchronous gate of every page. The first matching line wins, so lines with
// a path (a pixel endpoint on a host that also serves an ad script) come before host-wide ones.
const DATA = `Meta Pixel>pixels>*.facebook.com/tr
Google Ads conversions>pixels>googleads.g.doubleclick.net/pagead/viewthroughconversion www.googleadservices.com/pagead/conversion www.google.com/pagead/1p-conversion www.google.com/pagead/1p-user-list
Microsoft UET hits>pixels>bat.bing.com/action
LinkedIn Insight hits>pixels>px.ads.linkedin.com
TikTok Pixel hits>pixels>analytics.tiktok.com/api/v2/pixel
X/Twitter pixel>pixels>t.co/i/adsct analytics.twitter.com
Pinterest Tag hits>pixels>ct.pinterest.com
Ocean Engine conversions>pixels>analytics.oceanengine.com
Sina/Weibo beacon>pixels>beacon.sina.com.cn
Google Analytics>analytics>*.google-analytics.com *.analytics.google.com>_ga _ga_* _gid _gat* __utm* _gac_*
Google Tag Manager>analytics>*.googletagmanager.com
Google Ads/DoubleClick>advertising>*.doubleclick.net *.googleadservices.com *.googlesyndication.com adservice.google.com www.google.com/pagead>_gcl_* __gads __gpi IDE DSID test_cookie
Meta Pixel>advertising>connect.facebook.net>_fbp _fbc fr
Microsoft Clarity>analytics>*.clarity.ms>_clck _clsk CLID ANONCHK SM
Microsoft UET>advertising>bat.bing.com>_uetsid _uetvid _uetmsclkid MUID
LinkedIn Insight>advertising>snap.licdn.com *.ads.linkedin.com>li_fat_id li_sugr bcookie lidc UserMatchHistory AnalyticsSyncHistory
TikTok Pixel>advertising>analytics.tiktok.com *.tiktokw.us>_ttp _tt_enable_cookie ttcsid*
X/Twitter>advertising>static.ads-twitter.com ads-api.twitter.com>muc_ads personalization_id guest_id
Pinterest Tag>advertising>s.pinimg.com/ct>_pin_unauth _pinterest_ct_ua _epik _derived_epik
Hotjar>analytics>*.hotjar.com *.hotjar.io>_hj*
Mixpanel>analytics>*.mixpanel.com cdn.mxpnl.com>mp_*
Segment>analytics>cdn.segment.com *.segment.io>ajs_*
Criteo>advertising>*.criteo.com *.criteo.net>cto_*
Taboola>advertising>*.taboola.com>t_gid taboola_*
YouTube>advertising>*.youtube.com *.youtube-nocookie.com youtu.be>VISITOR_INFO1_LIVE YSC VISITOR_PRIVACY_METADATA
Vimeo>analytics>player.vimeo.com>vuid
Baidu Tongji>analytics>hm.baidu.com>Hm_lvt_* Hm_lpvt_* HMACCOUNT*
Baidu Union>advertising>cpro.baidu.com pos.baidu.com *.cpro.baidustatic.com>BAIDUID
CNZZ/Umeng>analytics>*.cnzz.com *.umeng.com *.umeng.cn>CNZZDATA* UM_distinctid
Tencent Analytics>analytics>tajs.qq.com pingjs.qq.com *.mta.qq.com>pgv_pvi pgv_si pgv_pvid ts_uid
Tencent Ads>advertising>*.gdt.qq.com *.gdtimg.com *.e.qq.com
Alibaba Tanx>advertising>*.tanx.com *.alimama.com>cna
Alibaba analytics>analytics>*.mmstat.com
ByteDance/Ocean Engine>advertising>*.oceanengine.com *.snssdk.com>_tea_utm_cache_*
Weibo>advertising>tjs.sjs.sinajs.cn *.biz.weibo.com>SINAGLOBAL`;

/**
 * The built-in catalogue of well-known trackers, checked after the site's own `rules`. Plain
 * data: extend it by passing site rules (and `categories.X.cookies`), which always win. Built
 * once on import, marked pure so a bundle that never uses it drops it (and its data).
 */
export const catalogue: ReadonlyArray<CatalogueEntry> = /* @__PURE__ */ parseCatalogue(DATA);

function parseCatalogue(data: string): CatalogueEntry[] {
  return data.split('\n').map((line) => {
    const [vendor, category, match, cookies] = line.split('>');
    return { vendor, category, match: match.split(' '), ...(cookies && { cookies: cookies.split(' ') }) };
  });
}
