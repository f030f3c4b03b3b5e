import { policyUrlFor, type ResolvedConfig } from '@consentgate/core';
import { safeUrl } from './parse-links';

/**
 * The link to policy `version` (default: the current one) from `policyUrl` / `policyArchive`, when
 * it is http(s); `undefined` when the config names none, rather than a link to another version.
 */
export function policyHref(config: ResolvedConfig, version = config.policyVersion): string | undefined {
  return safeUrl(
    policyUrlFor(config, version),
    typeof document === 'undefined' ? undefined : document.baseURI,
  );
}
