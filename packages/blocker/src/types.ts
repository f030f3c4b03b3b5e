import type { CategoryId, ConsentSource } from '@consentgate/core';
import type { Rule } from './config';

/** Options of {@link installBlocker}. Only `source` is required. */
export interface BlockerOptions {
  /** The visitor's consent, read synchronously on every decision. */
  source: ConsentSource;
  /** Site rules, checked before the built-in catalogue. */
  rules?: ReadonlyArray<Rule>;
  /**
   * The site's categories: their `cookies` patterns are gated next to the catalogue's, and a
   * `separate` one is not needed for `*` (what `blockSameOrigin` waits for).
   */
  categories?: Readonly<Record<CategoryId, { cookies?: ReadonlyArray<string>; separate?: boolean }>>;
  /** Hold same-origin requests that match no rule too (released once every category is granted). */
  blockSameOrigin?: boolean;
  /** Log what is held, released and dropped, and why, as console tables. */
  debug?: boolean;
  /** Send held beacons, fetches and pixels when their category is granted, instead of dropping them. */
  replayHeldRequests?: boolean;
  /** Reload the page after a category was revoked, so code that already ran stops. */
  reloadOnRevoke?: boolean;
  /**
   * Draws the box shown instead of a held iframe (see `createPlaceholder`); `null` while it
   * cannot yet (the held iframe then stays an empty frame, and it is asked again on the next
   * consent change or refresh). Without it, held iframes get no placeholder.
   */
  placeholder?: (frame: HTMLElement, category: CategoryId) => HTMLElement | null;
  /** The window to guard. Default `globalThis`. */
  window?: Window & typeof globalThis;
}
