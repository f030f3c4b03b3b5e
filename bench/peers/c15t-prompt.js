// c15t's "Minimal Consent Prompt" (docs/frameworks/javascript/quickstart.md), in offline mode so
// the bench needs no backend. Bundled and minified by ../lib/c15t.mjs; c15t ships no script-tag build.
import { getOrCreateConsentRuntime } from 'c15t';

const { consentStore } = getOrCreateConsentRuntime({
  mode: 'offline',
  consentCategories: ['necessary', 'measurement', 'marketing'],
});

consentStore.subscribe((state) => {
  const banner = document.getElementById('consent-banner');
  if (banner) banner.style.display = state.activeUI === 'banner' ? 'block' : 'none';
});

document.getElementById('accept-all')?.addEventListener('click', () => {
  consentStore.getState().saveConsents('all');
});

document.getElementById('reject')?.addEventListener('click', () => {
  consentStore.getState().saveConsents('necessary');
});
