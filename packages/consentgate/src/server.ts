// For servers (Node, edge runtimes): read and write the consent cookie without a browser.

export type { ConsentRecord } from '@consentgate/core';
export {
  encodeConsentCookie,
  parseConsentCookie,
  readConsentCookie,
  serializeConsentCookie,
} from '@consentgate/core';
