import { installBlocker } from '@consentgate/blocker';
import {
  type CategoryId,
  type ConsentManager,
  createConsentManager,
  formatIssues,
  gateText,
  localize,
  type ResolvedConfig,
  resolveLocale,
} from '@consentgate/core';
import type { MountOptions, UIController } from '@consentgate/ui';
import { installConsentMode } from './google-consent-mode';
import { installPreferencesTriggers } from './preferences-triggers';
import { installReceipts } from './receipts';

/** What `consentgate.ui.js` (or `import('@consentgate/ui')`) provides: `mountConsentUI`. */
export type MountUI = (manager: ConsentManager, options: MountOptions) => UIController;

/** `window.consentgate`: the consent API plus the two UI entry points. */
export interface ConsentGate extends ConsentManager {
  /** Shows the first-layer banner (loads the UI on first use). */
  showBanner(): Promise<void>;
  /** Opens the preferences dialog; focus returns to `opener` (default: the focused element) on close. */
  showPreferences(opener?: Element | null): Promise<void>;
  /**
   * Removes everything this gate added: the interceptors (originals restored), the UI, the
   * floating button, Consent Mode and receipt listeners, the tab channel. Held tags stay held.
   */
  destroy(): void;
}

// One gate per page: a script-tag copy and an npm copy share this mark (Symbol.for crosses bundles),
// so the second `createConsentGate` gets the first gate instead of patching the page twice.
const ACTIVE = Symbol.for('consentgate');
type Marked = Record<symbol, ConsentGate | undefined>;

export interface GateOptions {
  /** How to get the UI. Default (npm entry): `import('@consentgate/ui')`, which bundlers split off. */
  loadUI?: () => Promise<MountUI>;
  /** CSP nonce for the styles and scripts the SDK adds. */
  nonce?: string;
  /** Install the network gate (default true). Turn off only where another gate already runs. */
  blocker?: boolean;
  /** Show the banner by itself when no valid consent exists (default true). */
  autoShow?: boolean;
  /** Passed to the consent manager (tests replace storage and clock with it). */
  manager?: Parameters<typeof createConsentManager>[1];
}

/**
 * Creates the whole SDK for one page: the consent manager, the tracking gate and a lazily loaded
 * UI. Never throws: a bad config is reported once on the console and the gate fails closed.
 * Shared by the npm entry and the script-tag gate, which differ only in how they load the UI.
 */
export function createGate(
  config: unknown,
  options: GateOptions & Required<Pick<GateOptions, 'loadUI'>>,
): ConsentGate {
  const page = typeof document === 'undefined' ? undefined : (globalThis as Marked);
  const active = page?.[ACTIVE];
  if (active) {
    console.warn('[consentgate] a gate is already running in this page; using it (its config wins)');
    return active;
  }
  const manager = createConsentManager(config, options.manager);
  const cleanups: Array<() => void> = [];
  const resolved = manager.config;
  if (manager.issues.length) report(formatIssues([...manager.issues]));

  const locale = manager.getConsent().record?.locale ?? currentLocale(resolved);
  const label = (category: CategoryId) =>
    localize(resolved.categories[category]?.label, locale, category) || category;

  if (options.blocker !== false) {
    const uninstall = installBlocker({
      // The resolved config names its blocker options (`rules`, `categories`, `debug`, …) alike.
      ...resolved,
      source: manager.source,
      placeholder: {
        title: (name) => gateText(resolved, locale, 'placeholderTitle', name),
        button: (name) => gateText(resolved, locale, 'placeholderButton', name),
        label,
      },
      onAllow: (category) => manager.update({ [category]: true }, 'preferences'),
    });
    cleanups.push(uninstall);
  }

  let ui: Promise<UIController> | undefined;
  const withUI = (use: (controller: UIController) => void): Promise<void> => {
    // `triggers: false`: the gate owns the floating button and the preferences links, so they
    // work before (and without) the UI.
    ui ??= options.loadUI().then((mount) => mount(manager, { nonce: options.nonce, triggers: false }));
    return ui.then(use).catch((error: unknown) => {
      // A UI that failed to load must not be cached: the next call tries again.
      ui = undefined;
      report(`could not load the consent UI: ${String(error)}`);
    });
  };

  const gate: ConsentGate = {
    ...manager,
    showBanner: () => withUI((controller) => controller.showBanner()),
    showPreferences: (opener?: Element | null) => {
      const from = opener ?? (typeof document === 'undefined' ? null : document.activeElement);
      return withUI((controller) => controller.showPreferences(from));
    },
    destroy() {
      for (const cleanup of cleanups.splice(0)) cleanup();
      ui?.then((controller) => controller.destroy()).catch(() => {});
      ui = undefined;
      manager.destroy();
      if (page?.[ACTIVE] === gate) delete page[ACTIVE];
    },
  };

  if (typeof document !== 'undefined') {
    cleanups.push(
      installPreferencesTriggers(
        document,
        resolved,
        locale,
        (opener) => gate.showPreferences(opener),
        manager,
      ),
    );
    // A returning visitor with valid consent never downloads the UI. The check waits for
    // IndexedDB (`ready`) so a visitor whose cookie was lost but whose record survived is not asked again.
    if (options.autoShow !== false) {
      manager.ready.then(() => {
        if (manager.getConsent().status !== 'given') gate.showBanner();
      });
      // The consent went away while the page stays open (it expired, `reset()`, another tab):
      // ask again, as a first visit would. A UI already loaded follows the change by itself.
      cleanups.push(
        manager.on('change', ({ state }) => {
          if (state.status !== 'given' && !ui) gate.showBanner();
        }),
      );
    }
  }
  // Both do nothing unless configured. Consent Mode runs synchronously, so its default entry is
  // in `dataLayer` before any later script of the page can push.
  cleanups.push(installConsentMode(manager), installReceipts(manager, { locale }));
  if (page) page[ACTIVE] = gate;
  return gate;
}

function currentLocale(config: ResolvedConfig): string {
  return resolveLocale(
    config.locale,
    ['en', 'zh-CN', ...Object.keys(config.translations)],
    typeof document === 'undefined' ? null : document.documentElement.lang,
    typeof navigator === 'undefined' ? [] : navigator.languages,
  );
}

function report(message: string): void {
  console.error(`[consentgate] ${message}`);
}
