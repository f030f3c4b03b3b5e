// The script-tag gate: `dist/consentgate.js`, a classic synchronous script placed first in <head>.
// It runs before any other script of the page, so it reads the config and the consent cookie
// synchronously and installs every interceptor before returning; its sibling files (same folder,
// `consentgate.<module>.js`) load right after, async, with the gate's nonce.
import { installGate, trustedScripts } from '@consentgate/blocker';
import { type Load, type Modules, REGISTRY } from './modules';
import { startGate } from './start-gate';
import type { ConsentGate } from './types';

declare global {
  interface Window {
    consentgate?: ConsentGate;
    consentgateConfig?: unknown;
  }
}

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

/** Loads `consentgate.<name>.js` from the gate's own folder, with the gate's nonce, once. */
function scriptLoader(gateSrc: string, nonce: string): Load {
  const loading: Record<string, Promise<unknown> | undefined> = {};
  const registry = () =>
    (globalThis as unknown as Record<symbol, Partial<Modules> | undefined>)[REGISTRY] ?? {};
  return <K extends keyof Modules>(name: K) =>
    (loading[name] ??= new Promise<Modules[K]>((resolve, reject) => {
      const ready = registry()[name];
      if (ready) return resolve(ready as Modules[K]);
      const url = new URL(`consentgate.${name}.js`, gateSrc).href;
      const script = document.createElement('script');
      // `necessary`: the gate never holds its own files, whatever the rules say.
      script.setAttribute('data-category', 'necessary');
      script.async = true;
      if (nonce) script.nonce = nonce;
      script.onload = () => {
        const module = registry()[name];
        module ? resolve(module as Modules[K]) : reject(new Error(`${url} did not register`));
      };
      script.onerror = () => reject(new Error(`${url} failed to load`));
      // Through the gate's one Trusted Types policy (`trusted-types consentgate` in a strict CSP).
      script.src = trustedScripts(window).url(url);
      document.head.append(script);
    }).catch((error) => {
      // A file that failed may be tried again by the next call.
      loading[name] = undefined;
      throw error;
    })) as Promise<Modules[K]>;
}

// A second copy of the gate (a duplicate tag, or the npm build already running) gets the running
// gate back from startGate, which warns; it never patches the page twice.
try {
  const self = document.currentScript as HTMLScriptElement | null;
  const nonce = self?.nonce ?? '';
  const load = scriptLoader(self?.src || location.href, nonce);
  window.consentgate = startGate(readConfig(), load, {
    nonce: nonce || undefined,
    loadLocale: (locale) => load(`ui.${locale}`).then((module) => module.locale),
  });
} catch (error) {
  // Never throw into the host page, and still fail closed: only `necessary` passes.
  console.error('[consentgate] could not start; holding every non-necessary tag:', error);
  installGate({ source: { get: (category) => category === 'necessary', subscribe: () => () => {} } });
}
