import type {
  CategoryId,
  ConfigIssue,
  ConsentHistoryEntry,
  ConsentManager,
  ConsentMethod,
  ConsentState,
} from '@consentgate/core';
import type { MountOptions, UIController } from '@consentgate/ui';

/** What `consentgate.ui.js` (or `import('@consentgate/ui')`) provides: `mountConsentUI`. */
export type MountUI = (manager: ConsentManager, options: MountOptions) => UIController;

/** `window.consentgate`: the consent API plus the two UI entry points. */
export interface ConsentGate extends ConsentManager {
  /** Problems found in the config (filled once the checks ran, at the latest when `ready` resolves). */
  readonly issues: ReadonlyArray<ConfigIssue>;
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

/** What the loaded manager module adds to the gate: every method that needs more than the cookie. */
export interface GateImpl {
  readonly ready: Promise<void>;
  acceptAll(method?: ConsentMethod): Promise<ConsentState>;
  rejectAll(method?: ConsentMethod): Promise<ConsentState>;
  update(choices: Readonly<Record<CategoryId, boolean>>, method?: ConsentMethod): Promise<ConsentState>;
  reset(): Promise<void>;
  history(): Promise<ReadonlyArray<ConsentHistoryEntry>>;
  showBanner(): Promise<void>;
  showPreferences(opener?: Element | null): Promise<void>;
  destroy(): void;
}
