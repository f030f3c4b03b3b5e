// The parts of the SDK that load after the gate, off the blocking path. The script-tag build
// ships each as a sibling file of `consentgate.js` (`consentgate.<name>.js`) that registers itself
// here; the npm build loads each with a dynamic import, which bundlers split into a chunk.

import type { LocaleBundle } from '@consentgate/ui';
import type { checkConfig } from './config';
import type { startExtras } from './extras';
import type { installReceipts, resolveReceipts } from './receipts';
import type { MountUI } from './types';

/** Each module by name, as its file registers it. */
export interface Modules {
  /** Storage, other tabs, expiry, decisions, triggers, placeholders: every page loads it. */
  manager: { startExtras: typeof startExtras };
  /** The full config validation with a message per field: loaded when the config looks off, or with `debug`. */
  check: { checkConfig: typeof checkConfig };
  /** Proof of consent: loaded when `receipts` is configured. */
  receipts: { installReceipts: typeof installReceipts; resolveReceipts: typeof resolveReceipts };
  /** The banner and the preferences: loaded when they are needed. */
  ui: { mountConsentUI: MountUI };
  /** A built-in locale's texts: only the visitor's language is loaded (script tag only; npm bundles split their own). */
  'ui.en': { locale: LocaleBundle };
  'ui.zh-CN': { locale: LocaleBundle };
}

/** Loads a module by name (at most once; a failure may be retried by calling again). */
export type Load = <K extends keyof Modules>(name: K) => Promise<Modules[K]>;

/** Where a sibling file puts its module (`Symbol.for` crosses bundles). */
export const REGISTRY = Symbol.for('consentgate.modules');

/** What a sibling file calls when it runs: hands its module to the gate that loads it. */
export function registerModule<K extends keyof Modules>(name: K, module: Modules[K]): void {
  const g = globalThis as unknown as Record<symbol, Partial<Modules> | undefined>;
  (g[REGISTRY] ??= {})[name] = module;
}
