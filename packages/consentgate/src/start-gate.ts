// The synchronous part of the SDK, the only code in every visitor's <head>: read the config
// without full validation, read the consent cookie, install the interceptors and Consent Mode's
// default, and hand out a `window.consentgate` that works from this moment. Everything else comes
// from the manager module, loaded right after (see modules.ts).
import { type GateHandle, installGate, normalizeBlockerConfig } from '@consentgate/blocker';
import type { AttachOptions } from '@consentgate/core';
import {
  type ConfigIssue,
  checkCookieDomain,
  createConsentKernel,
  isConfigObject,
  type KernelOptions,
  normalizeConfig,
  read,
} from '@consentgate/core';
import type { LoadLocale } from '@consentgate/ui';
import { FEATURE_KEYS } from './config';
import { createGateApi } from './gate-api';
import { installConsentMode, normalizeConsentMode } from './google-consent-mode';
import type { Load } from './modules';
import type { ConsentGate } from './types';

// One gate per page: a script-tag copy and an npm copy share this mark (Symbol.for crosses bundles),
// so the second `createConsentGate` gets the first gate instead of patching the page twice.
const ACTIVE = Symbol.for('consentgate');
type Marked = Record<symbol, ConsentGate | undefined>;

export interface GateOptions {
  /** CSP nonce for the styles and scripts the SDK adds. */
  nonce?: string;
  /** Install the network gate (default true). Turn off only where another gate already runs. */
  blocker?: boolean;
  /** Show the banner by itself when no valid consent exists (default true). */
  autoShow?: boolean;
  /** How the UI gets a built-in locale's texts (the script tag loads a sibling file). Default: the UI's own dynamic import. */
  loadLocale?: LoadLocale;
  /** Passed to the consent kernel and manager (tests replace storage and clock with it). */
  manager?: KernelOptions & AttachOptions & { host?: string };
}

/**
 * Starts ConsentGate in a page: the kernel, the tracking gate, Consent Mode's default and the
 * API; then loads the manager module with `load`. Never throws: a bad config fails closed and is
 * reported once the full checks have run. Shared by the npm entry and the script-tag gate, which
 * differ only in how they load modules.
 */
export function startGate(input: unknown, load: Load, options: GateOptions = {}): ConsentGate {
  const page = typeof document === 'undefined' ? undefined : (globalThis as Marked);
  const active = page?.[ACTIVE];
  if (active) {
    console.warn('[consentgate] a gate is already running in this page; using it (its config wins)');
    return active;
  }
  const raw = isConfigObject(input) ? input : {};
  const normal = normalizeConfig(input, FEATURE_KEYS);
  const issues: ConfigIssue[] = [];
  const host = options.manager?.host ?? (typeof location === 'undefined' ? '' : location.hostname);
  const config = checkCookieDomain(normal.config, host, issues);
  const kernel = createConsentKernel(config, options.manager);
  const quiet = () => {};
  const { config: blocker, suspect: blockerSuspect } = normalizeBlockerConfig(raw, config.categoryIds);
  const consentMode = normalizeConsentMode(read(raw, 'googleConsentMode', '', quiet), config.categoryIds);
  let placeholder: ((frame: HTMLElement, category: string) => HTMLElement | null) | undefined;
  const gateHandle: GateHandle | undefined =
    options.blocker === false
      ? undefined
      : installGate({
          source: kernel.source,
          rules: blocker.rules,
          categories: config.categories,
          blockSameOrigin: blocker.blockSameOrigin,
          debug: blocker.debug,
          replayHeldRequests: blocker.replayHeldRequests,
          reloadOnRevoke: blocker.reloadOnRevoke,
          // Drawn once the manager module brings the texts; until then a held iframe stays an empty frame.
          placeholder: (frame, category) => placeholder?.(frame, category) ?? null,
        });
  const uninstall = gateHandle?.cleanup ?? quiet;
  // Synchronous, so the default entry is in `dataLayer` before any later script can push.
  const uninstallConsentMode = installConsentMode(kernel, consentMode.mode);
  const gate = createGateApi(kernel, issues, () => {
    uninstallConsentMode();
    uninstall();
    kernel.destroy();
    if (page?.[ACTIVE] === gate.api) delete page[ACTIVE];
  });
  load('manager').then(
    (module) =>
      gate.attach(
        module.startExtras({
          kernel,
          api: gate.api,
          input,
          raw,
          issues,
          suspect:
            normal.suspect || blockerSuspect || consentMode.suspect || issues.length > 0 || blocker.debug,
          load,
          nonce: options.nonce,
          loadLocale: options.loadLocale,
          autoShow: options.autoShow !== false,
          managerOptions: options.manager,
          gate: gateHandle,
          setPlaceholder(make) {
            placeholder = make;
            kernel.refresh();
          },
        }),
      ),
    (error: unknown) => {
      console.error(
        `[consentgate] could not load the consent manager (${String(error)}); holding every non-necessary tag`,
      );
      gate.fail();
    },
  );
  if (page) page[ACTIVE] = gate.api;
  return gate.api;
}
