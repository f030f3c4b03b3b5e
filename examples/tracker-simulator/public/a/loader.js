// Fake analytics loader ("gtag.js"-like). What real vendors do on load: set a first-party id
// cookie, inject a second script, send a page-view pixel, a beacon and a fetch.
(() => {
  const src = new URL(document.currentScript?.src ?? 'http://localhost:4174/a/loader.js');
  const site = src.searchParams.get('site') ?? '';
  const cid =
    /(?:^|;\s*)_sim_a=([^;]+)/.exec(document.cookie)?.[1] ?? Math.random().toString(36).slice(2, 10);
  // biome-ignore lint/suspicious/noDocumentCookie: a fake vendor sets its id cookie the way real ones do.
  document.cookie = `_sim_a=${cid}; path=/; max-age=63072000; SameSite=Lax`;

  const query = (extra = '') =>
    `?site=${encodeURIComponent(site)}&cid=${cid}&page=${encodeURIComponent(location.href)}${extra}`;

  const api = (window.simAnalytics ??= { loads: 0, sent: 0, settled: 0 });
  api.loads += 1;
  /** Sends one event with fetch; `settled` counts answers and refusals alike. */
  api.event = (name) => {
    api.sent += 1;
    return fetch(`${src.origin}/a/event${query(`&e=${encodeURIComponent(name)}`)}`, {
      mode: 'no-cors',
      keepalive: true,
    })
      .catch(() => {})
      .then(() => {
        api.settled += 1;
      });
  };
  /** A page view, for single-page apps after a route change. */
  api.page = () => {
    new Image().src = `${src.origin}/a/pv.gif${query(`&t=${Date.now()}`)}`;
  };

  const second = document.createElement('script');
  second.async = true;
  second.src = `${src.origin}/a/collect.js${query()}`;
  document.head.appendChild(second);

  api.page();
  navigator.sendBeacon?.(`${src.origin}/a/beacon${query()}`, 'load');
})();
