import type { ResolvedConfig } from '@consentgate/core';
import { safeUrl } from './parse-links';

/** The policy URL for `version` (its archived copy when it is not the current one), if it is http(s). */
export function policyHref(config: ResolvedConfig, version = config.policyVersion): string | undefined {
  const url =
    version === config.policyVersion ? config.policyUrl : (config.policyArchive[version] ?? config.policyUrl);
  return safeUrl(url, typeof document === 'undefined' ? undefined : document.baseURI);
}
