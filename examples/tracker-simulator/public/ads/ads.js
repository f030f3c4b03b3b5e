// Fake advertising script: an ad cookie, an ad iframe in #ad-slot, and a conversion pixel
// (a pixels hit from inside an advertising script: it must be gated on its own).
(() => {
  const origin = new URL(document.currentScript?.src ?? 'http://localhost:4174/ads/ads.js').origin;
  const page = encodeURIComponent(location.href);
  // biome-ignore lint/suspicious/noDocumentCookie: a fake vendor sets its ad cookie the way real ones do.
  document.cookie = `_sim_ads=${Math.random().toString(36).slice(2, 10)}; path=/; max-age=7776000; SameSite=Lax`;
  window.simAds = { loaded: true };

  const slot = document.getElementById('ad-slot');
  if (slot) {
    const frame = document.createElement('iframe');
    frame.title = 'Advertisement';
    frame.width = '300';
    frame.height = '100';
    frame.style.border = '0';
    frame.src = `${origin}/ads/frame.html?page=${page}`;
    slot.appendChild(frame);
  }
  new Image().src = `${origin}/px/conversion.gif?from=ads&page=${page}`;
})();
