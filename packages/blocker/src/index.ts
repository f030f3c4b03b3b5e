export type { CatalogueEntry } from './catalogue';
export { catalogue } from './catalogue';
export { classifyUrl } from './classify-url';
export { cookieMatches } from './cookie-matches';
export { hostMatches } from './host-matches';
export { installBlocker } from './install-blocker';
export type { TrustedScripts } from './trusted-types';
export { trustedScripts } from './trusted-types';
export type { BlockerOptions } from './types';
