// The script-tag gate: `dist/consentgate.js`, a classic synchronous script placed first in <head>.
// It runs before any other script of the page, so it reads the config and the consent cookie
// synchronously and installs every interceptor before returning.
import { installBlocker, trustedScripts } from '@consentgate/blocker';
import { type ConsentGate, createGate, type MountUI } from './create-consent-gate';

declare global {
  interface Window {
    consentgate?: ConsentGate;
    consentgateConfig?: unknown;
  }
}

const UI_KEY = Symbol.for('consentgate.ui');

/** `window.consentgateConfig`, else the JSON in `<script type="application/json" id="consentgate-config">`. */
function readConfig(): unknown {
  if (window.consentgateConfig !== undefined) return window.consentgateConfig;
  const block = document.getElementById('consentgate-config');
  if (!block) return undefined;
  try {
    return JSON.parse(block.textContent ?? '');
  } catch (error) {
    console.error(`[consentgate] #consentgate-config: invalid JSON (${String(error)}); using the defaults`);
    return {};
  }
}

/** Loads `consentgate.ui.js` from the gate's own folder, with the gate's nonce. */
function scriptLoader(gateSrc: string, nonce: string): () => Promise<MountUI> {
  const url = new URL('consentgate.ui.js', gateSrc).href;
  return () =>
    new Promise((resolve, reject) => {
      const loaded = (globalThis as Record<symbol, MountUI | undefined>)[UI_KEY];
      if (loaded) return resolve(loaded);
      const script = document.createElement('script');
      // `necessary`: the gate never holds its own UI, whatever the rules say.
      script.setAttribute('data-category', 'necessary');
      script.async = true;
      if (nonce) script.nonce = nonce;
      script.onload = () => {
        const mount = (globalThis as Record<symbol, MountUI | undefined>)[UI_KEY];
        mount ? resolve(mount) : reject(new Error(`${url} did not register the UI`));
      };
      script.onerror = () => reject(new Error(`${url} failed to load`));
      // Through the gate's one Trusted Types policy (`trusted-types consentgate` in a strict CSP).
      script.src = trustedScripts(window).url(url);
      document.head.append(script);
    });
}

// A second copy of the gate (a duplicate tag, or the npm build already running) gets the running
// gate back from createGate, which warns; it never patches the page twice.
try {
  const self = document.currentScript as HTMLScriptElement | null;
  const nonce = self?.nonce ?? '';
  window.consentgate = createGate(readConfig(), {
    nonce: nonce || undefined,
    loadUI: scriptLoader(self?.src || location.href, nonce),
  });
} catch (error) {
  // Never throw into the host page, and still fail closed: only `necessary` passes.
  console.error('[consentgate] could not start; holding every non-necessary tag:', error);
  installBlocker({ source: { get: (category) => category === 'necessary', subscribe: () => () => {} } });
}
