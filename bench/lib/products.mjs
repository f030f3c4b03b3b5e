// Each product as its docs tell a site to set it up: the files it includes (script + CSS), a
// minimal config that shows a banner, its blocking markup, and how to find its banner and
// accept everything. Peers are served from bench/node_modules/<peer>/, never copied.
import { readFileSync } from 'node:fs';

const NM = '/bench/node_modules';
// JSON for a value inside an inline <script>: `<` escaped so markup in strings cannot end it.
const js = (value) => JSON.stringify(value).replace(/</g, '\\u003c');
const categories = ['analytics', 'advertising', 'pixels'];

export function version(pkg) {
  const file = new URL(`../node_modules/${pkg}/package.json`, import.meta.url);
  return JSON.parse(readFileSync(file, 'utf8')).version;
}

/**
 * Rewrites the tags of `html` (a case's drop-in markup): `script(open, body)` gets each
 * `<script …>` open tag and the rest up to `</script>`, `element(tag, before)` each
 * `<img|iframe … src=`, `link(before)` each `<link … href=`; returning undefined keeps the match.
 * Markup inside script bodies (strings a tag writes later) is left as the vendor wrote it.
 */
export function rewrite(html = '', { script, element, link }) {
  return html.replace(
    /(<script\b[^>]*>)([\s\S]*?<\/script>)|<(img|iframe)\b([^>]*?)\ssrc=|<link\b([^>]*?)\shref=/g,
    (all, open, body, tag, before, linkBefore) =>
      (open ? script?.(open, body) : tag ? element?.(tag, before) : link?.(linkBefore)) ?? all,
  );
}

const ours = {
  pkg: 'consentgate',
  prefix: `${NM}/consentgate/dist/`,
  blocking: 'automatic (interceptors + built-in catalogue + site rules) and data-category markup',
  head: ({ config = {} }) =>
    `<script>window.consentgateConfig=${js({ policyVersion: '1', ...config })}</script>\n` +
    `<script src="${NM}/consentgate/dist/consentgate.js"></script>`,
  bodyEnd: () => '',
  // The banner is a role="dialog" inside the open shadow root of the <consentgate-ui> host.
  banner: `(function(){var hs=document.querySelectorAll('consentgate-ui,[data-consentgate]');for(var i=0;i<hs.length;i++){var r=hs[i].shadowRoot;var d=r&&r.querySelector('[role="dialog"]');if(d)return d}return null})()`,
  accept: 'window.consentgate.acceptAll()',
  reject: 'window.consentgate.rejectAll()',
  // Resolves once the manager module has attached (storage read, banner decided).
  ready: 'window.consentgate.ready',
  consented: `window.consentgate.getConsent().status === 'given'`,
  // The leak suite's own annotate() (e2e/fixtures/gate/cases.ts), passed in by leaks.mjs.
  annotate: (html, category, suite) => suite.annotate(html ?? '', category),
};

// hideFromBots (default true) hides the banner from navigator.webdriver browsers, which
// Playwright's Chromium is; a real visitor's browser is not, so the bench turns it off.
const vanillaConfig = {
  hideFromBots: false,
  categories: {
    necessary: { enabled: true, readOnly: true },
    analytics: {},
    advertising: {},
    pixels: {},
  },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'Choose which categories you allow.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save',
          sections: categories.map((c) => ({ title: c, description: c, linkedCategory: c })),
        },
      },
    },
  },
};

const vanilla = {
  pkg: 'vanilla-cookieconsent',
  prefix: `${NM}/vanilla-cookieconsent/dist/`,
  blocking: 'type="text/plain" data-category on <script> only (iframes need the separate iframemanager)',
  head: () => `<link rel="stylesheet" href="${NM}/vanilla-cookieconsent/dist/cookieconsent.css">`,
  bodyEnd: () =>
    `<script src="${NM}/vanilla-cookieconsent/dist/cookieconsent.umd.js"></script>\n` +
    `<script>CookieConsent.run(${js(vanillaConfig)});</script>`,
  banner: `document.querySelector('#cc-main .cm')`,
  accept: `CookieConsent.acceptCategory('all')`,
  reject: `CookieConsent.acceptCategory([])`,
  consented: 'CookieConsent.validConsent()',
  annotate: (html, category) =>
    rewrite(html, {
      script: (open, body) =>
        open.replace('<script', `<script type="text/plain" data-category="${category}"`) + body,
    }),
};

const klaroConfig = {
  version: 1,
  elementID: 'klaro',
  storageMethod: 'cookie',
  mustConsent: false,
  acceptAll: true,
  hideDeclineAll: false,
  translations: {
    zz: { privacyPolicyUrl: '/privacy' },
    en: { purposes: { analytics: 'Analytics', advertising: 'Advertising', pixels: 'Pixels' } },
  },
  services: categories.map((c) => ({ name: c, title: c, purposes: [c] })),
};

const klaro = {
  pkg: 'klaro',
  prefix: `${NM}/klaro/dist/`,
  blocking: 'data-name + data-src/data-href/type="text/plain" on script, link, iframe, img',
  head: () =>
    `<script>var klaroConfig=${js(klaroConfig)};</script>\n` +
    `<script defer src="${NM}/klaro/dist/klaro.js"></script>`,
  bodyEnd: () => '',
  banner: `document.querySelector('.klaro .cookie-notice, .klaro .cookie-modal')`,
  accept: `(function(){var m=klaro.getManager();m.changeAll(true);m.saveAndApplyConsents()})()`,
  reject: `(function(){var m=klaro.getManager();m.changeAll(false);m.saveAndApplyConsents()})()`,
  annotate: (html, n) =>
    rewrite(html, {
      script: (open, body) =>
        open
          .replace('<script', `<script type="text/plain" data-type="text/javascript" data-name="${n}"`)
          .replace(/\ssrc=/, ' data-src=') + body,
      element: (tag, before) => `<${tag}${before} data-name="${n}" data-src=`,
      link: (before) => `<link${before} data-name="${n}" data-href=`,
    }),
};

const osano = {
  pkg: 'cookieconsent',
  prefix: `${NM}/cookieconsent/build/`,
  blocking: 'none: it shows a banner and records a choice, the site must gate its own tags',
  head: () => `<link rel="stylesheet" href="${NM}/cookieconsent/build/cookieconsent.min.css">`,
  bodyEnd: () =>
    `<script src="${NM}/cookieconsent/build/cookieconsent.min.js"></script>\n` +
    `<script>window.cookieconsent.initialise(${js({ type: 'opt-in', palette: { popup: { background: '#000' }, button: { background: '#f1d600' } } })});</script>`,
  banner: `document.querySelector('.cc-window')`,
  accept: `(function(){var b=document.querySelector('.cc-allow');if(b)b.click()})()`,
  reject: `(function(){var b=document.querySelector('.cc-deny');if(b)b.click()})()`,
  annotate: (html) => html ?? '',
};

const tacInit = {
  privacyUrl: '',
  bodyPosition: 'bottom',
  hashtag: '#tarteaucitron',
  cookieName: 'tarteaucitron',
  orientation: 'middle',
  groupServices: false,
  serviceDefaultState: 'wait',
  showAlertSmall: false,
  cookieslist: false,
  showIcon: true,
  iconPosition: 'BottomRight',
  adblocker: false,
  DenyAllCta: true,
  AcceptAllCta: true,
  highPrivacy: true,
  handleBrowserDNTRequest: false,
  removeCredit: false,
  moreInfoLink: true,
  useExternalCss: false,
  useExternalJs: false,
  mandatory: true,
  googleConsentMode: false,
  bingConsentMode: false,
  pianoConsentMode: false,
};

// tarteaucitron has no blocking markup: a site moves each tag into a service's js() (its docs,
// "Create custom service"). In the annotated mode every case's markup becomes service code that
// inserts it on consent (scripts re-created so they run, in order).
const tacInsert =
  'window.__benchInsert=function(html,parent){var t=document.createElement("template");t.innerHTML=html;' +
  'Array.prototype.slice.call(t.content.childNodes).forEach(function(n){if(n.nodeName==="SCRIPT"){var s=document.createElement("script");' +
  'for(var i=0;i<n.attributes.length;i++)s.setAttribute(n.attributes[i].name,n.attributes[i].value);s.async=false;s.text=n.text;parent.appendChild(s)}else parent.appendChild(n)})};';

function tacServices(moved) {
  const types = { analytics: 'analytic', advertising: 'ads', pixels: 'other' };
  return categories
    .map((c) => {
      const code = moved
        .filter((k) => k.category === c)
        .map(
          (k) =>
            `__benchInsert(${js(k.head ?? '')},document.head);__benchInsert(${js(k.body ?? '')},document.body);`,
        )
        .join('\n');
      return (
        `tarteaucitron.services.bench_${c}={key:'bench_${c}',type:'${types[c]}',name:'${c}',needConsent:true,cookies:[],js:function(){${code}},fallback:function(){}};\n` +
        `(tarteaucitron.job=tarteaucitron.job||[]).push('bench_${c}');`
      );
    })
    .join('\n');
}

const tarteaucitron = {
  pkg: 'tarteaucitronjs',
  prefix: `${NM}/tarteaucitronjs/`,
  blocking: 'none in markup: each tag is moved into a service js() that runs on consent',
  // The .min entry makes it fetch the .min services, language file and CSS (its smallest setup).
  head: ({ mode, cases = [] }) =>
    `<script>var tarteaucitronForceLanguage='en';${tacInsert}</script>\n` +
    `<script src="${NM}/tarteaucitronjs/tarteaucitron.min.js"></script>\n` +
    `<script>tarteaucitron.init(${js(tacInit)});\n${tacServices(mode === 'annotated' ? cases : [])}</script>`,
  bodyEnd: () => '',
  banner: `document.querySelector('#tarteaucitronAlertBig')`,
  accept: 'tarteaucitron.userInterface.respondAll(true)',
  reject: 'tarteaucitron.userInterface.respondAll(false)',
  annotate: () => '',
};

// The blacklist a site would write for the trackers it embeds: every host the cases reach, and
// the first-party tracker folder.
function yettPatterns(cases) {
  const out = new Set();
  for (const k of cases)
    for (const prefix of Object.keys(k.reaches))
      out.add(prefix.startsWith('/') ? prefix : new URL(prefix).hostname);
  return [...out];
}
/** What a site embedding the usual trackers would write in its own yett blacklist (the cost
 * sections' pages, which have no leak cases). */
export const siteBlacklist = [
  'googletagmanager.com',
  'google-analytics.com',
  'doubleclick.net',
  'connect.facebook.net',
  'static.hotjar.com',
  'snap.licdn.com',
];
const regex = (s) => `/${s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/`;

const yett = {
  pkg: 'yett',
  prefix: `${NM}/yett/dist/`,
  blocking: 'YETT_BLACKLIST (scripts only); type="javascript/blocked" on script tags',
  // `blacklist`: host names or path prefixes; by default every host the leak cases reach.
  head: ({ cases = [], blacklist = yettPatterns(cases) }) =>
    `<script>window.YETT_BLACKLIST=[${blacklist.map(regex).join(',')}];</script>\n` +
    `<script src="${NM}/yett/dist/yett.min.js"></script>`,
  bodyEnd: () => '',
  banner: null,
  accept: 'window.yett.unblock()',
  reject: '',
  // Its docs: type="javascript/blocked" on blacklisted <script src> tags keeps them from downloading.
  annotate: (html) =>
    rewrite(html, {
      script: (open, body) =>
        /\ssrc=/.test(open) ? open.replace('<script', '<script type="javascript/blocked"') + body : undefined,
    }),
};

// c15t is headless: its docs' "Minimal Consent Prompt" shows a site-made element when the store
// says activeUI === 'banner'. The markup below is that element; the bundle is built by c15t.mjs.
const c15t = {
  pkg: 'c15t',
  prefix: '/bench/node_modules/.cache/bench/',
  blocking: 'not measured: no markup blocking; its network blocker and script loader are configured in JS',
  head: () => '',
  bodyEnd: () =>
    `<div id="consent-banner" role="dialog" style="display:none;position:fixed;bottom:0;left:0;right:0;padding:16px;background:#fff">` +
    `We use cookies. <button id="accept-all">Accept all</button> <button id="reject">Reject</button></div>\n` +
    `<script src="/bench/node_modules/.cache/bench/c15t.js"></script>`,
  banner: `document.getElementById('consent-banner')`,
  accept: `document.getElementById('accept-all').click()`,
  reject: `document.getElementById('reject').click()`,
  annotate: null,
};

const none = {
  pkg: null,
  prefix: null,
  blocking: 'no consent tool (baseline)',
  head: () => '',
  bodyEnd: () => '',
  banner: null,
  accept: '',
  reject: '',
  annotate: (html) => html ?? '',
};

/** Every product of the bench, ours first. `name` is what the tables show. */
export const products = {
  ours: { id: 'ours', name: 'ConsentGate (ours)', ...ours },
  vanilla: { id: 'vanilla', name: 'vanilla-cookieconsent', ...vanilla },
  klaro: { id: 'klaro', name: 'klaro', ...klaro },
  osano: { id: 'osano', name: 'cookieconsent (Osano)', ...osano },
  tarteaucitron: { id: 'tarteaucitron', name: 'tarteaucitronjs', ...tarteaucitron },
  yett: { id: 'yett', name: 'yett', ...yett },
  c15t: { id: 'c15t', name: 'c15t', ...c15t },
  none: { id: 'none', name: 'no consent tool', ...none },
};

for (const p of Object.values(products)) p.version = p.pkg ? version(p.pkg) : '';

/** A whole page: `product` set up in head/body around `body`. */
export function page(product, { title = 'bench', head = '', body = '', mode = 'plain' } = {}) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title>
${product.head({ mode })}
${head}
</head><body><main><h1>${title}</h1><p>Benchmark page.</p></main>
${body}
${product.bodyEnd({ mode })}
</body></html>`;
}
