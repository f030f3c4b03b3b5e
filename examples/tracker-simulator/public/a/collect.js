// The second script the analytics loader injects: a session cookie and a fetch.
(() => {
  const src = new URL(document.currentScript?.src ?? 'http://localhost:4174/a/collect.js');
  // biome-ignore lint/suspicious/noDocumentCookie: a fake vendor sets its session cookie the way real ones do.
  document.cookie = `_sim_a_session=${Date.now()}; path=/; SameSite=Lax`;
  window.simAnalytics ??= { loads: 0, sent: 0, settled: 0 };
  window.simAnalytics.collected = true;
  fetch(`${src.origin}/a/collect${src.search}`, { mode: 'no-cors' }).catch(() => {});
})();
