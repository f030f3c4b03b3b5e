// The receipt: proof of one consent decision, as the gate POSTs it to `receipts.endpoint` and
// as @consentgate/collector stores it. Shared by the browser gate and the Node collector, so it
// is types only. Aligned with ISO/IEC TS 27560 and the Kantara consent receipt (see
// docs/receipts.md for the field-by-field mapping).

/** What the visitor (or a script) chose. `custom`: some categories on, some off. `reset`: forgotten. */
export type ConsentAction = 'accept-all' | 'reject-all' | 'custom' | 'reset';

/**
 * How a decision was made (its provenance):
 * - `banner` / `preferences`: a trusted user gesture (`event.isTrusted`) in our UI's first or second layer;
 * - `placeholder`: the "allow" button of an iframe placeholder (also a trusted gesture);
 * - `api`: a script called the API (`apiMethod` says which), or synthesised a click in our UI;
 * - `gpc`: applied by the gate for a Global Privacy Control signal, with no gesture;
 * - `opt-out`: the visitor used a "Do Not Sell or Share" link (opt-out regions);
 * - `unverified`: a record found in storage that no recorded decision explains (cookie and
 *   IndexedDB disagree): kept as what it says, never dressed as a visitor's click.
 */
export type Provenance = 'banner' | 'preferences' | 'placeholder' | 'api' | 'gpc' | 'opt-out' | 'unverified';

/** The consent model a visitor's region gets (see the jurisdictions table). */
export type JurisdictionModel = 'opt-in' | 'opt-out' | 'notice';

/** Which jurisdiction applied to a decision, and where the region came from. */
export interface JurisdictionHint {
  /** ISO 3166-1 alpha-2, optionally with a subdivision (`'DE'`, `'US-CA'`); `null` when unknown. */
  region: string | null;
  model: JurisdictionModel;
}

/** The proof of one decision. POSTed as JSON (one object, or an array of up to 50). */
export interface Receipt {
  type: 'decision';
  /** Receipt format version. */
  v: 2;
  /** Idempotency key, `${consentId}:${seq}`: the same decision always has the same key. */
  key: string;
  /** The pseudonymous subject: the consent id (`record.id`), kept across the visitor's changes. */
  consentId: string;
  /** The decision's sequence number for this consent id: 1, 2, 3, … (monotonic across tabs). */
  seq: number;
  /** When the decision was made, by the visitor's clock (ISO 8601, UTC). */
  timestamp: string;
  policyVersion: string;
  /** The policy the notice linked to, when configured. */
  policyUrl: string | null;
  /** SHA-256 (hex) of the texts shown (see `receiptTexts`); `null` without Web Crypto. */
  noticeHash: string | null;
  /** The language the notice was shown in (BCP 47). */
  locale: string;
  /** Every category's state after the decision, `necessary` included. */
  choices: Record<string, boolean>;
  action: ConsentAction;
  via: Provenance;
  /** With `via: 'api'`: the method called. */
  apiMethod?: 'acceptAll' | 'rejectAll' | 'update' | 'reset';
  /** A parent or guardian gave the consent (`minimumAge`). */
  guardian: boolean;
  /** The browser sent Global Privacy Control when the decision was made. */
  gpc: boolean;
  jurisdiction: JurisdictionHint | null;
  /**
   * Decisions made after the previous receipt that were not kept, because the queue was full
   * while the endpoint could not be reached (the oldest are kept; this newest one summarises the rest).
   */
  dropped?: number;
  sdkVersion: string;
  /** `location.origin + location.pathname` (no query, no fragment). */
  page: string;
}

/** A banner or notice was shown (for the collector's "shown" statistics). Carries no identity. */
export interface ShownEvent {
  type: 'shown';
  v: 2;
  /** Random, for idempotency. */
  key: string;
  timestamp: string;
  /** Which layer: the first-layer banner, the opt-out notice, or the preferences dialog. */
  layer: 'banner' | 'notice' | 'preferences';
  policyVersion: string;
  locale: string;
  jurisdiction: JurisdictionHint | null;
  sdkVersion: string;
  page: string;
}
