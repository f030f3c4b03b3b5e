import type { CategoryConfig, CategoryId, ConsentSource, Rule } from '@consentgate/core';

/** Options of {@link installBlocker}. Only `source` is required. */
export interface BlockerOptions {
  /** The visitor's consent, read synchronously on every decision. */
  source: ConsentSource;
  /** Site rules, checked before the built-in catalogue. */
  rules?: ReadonlyArray<Rule>;
  /** The site's categories; their `cookies` patterns are gated next to the catalogue's. */
  categories?: Readonly<Record<CategoryId, CategoryConfig>>;
  /** Hold same-origin requests that match no rule too (released once every category is granted). */
  blockSameOrigin?: boolean;
  /** Log what is held, released and dropped, and why, as console tables. */
  debug?: boolean;
  /** Send held beacons, fetches and pixels when their category is granted, instead of dropping them. */
  replayHeldRequests?: boolean;
  /** Reload the page after a category was revoked, so code that already ran stops. */
  reloadOnRevoke?: boolean;
  /** Texts for iframe placeholders (already localised by the caller). */
  placeholder?: {
    title: (categoryLabel: string) => string;
    button: (categoryLabel: string) => string;
    label?: (category: string) => string;
  };
  /** Called when the visitor clicks "allow" on a placeholder. */
  onAllow?: (category: CategoryId) => void;
  /** The window to guard. Default `globalThis`. */
  window?: Window & typeof globalThis;
}
