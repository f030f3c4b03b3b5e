import type { ResolvedConfig } from './types';

/**
 * The URL of the policy `version`: `policyUrl` for the current version (else its archive entry),
 * `policyArchive[version]` for an older one; `undefined` when the config names none. Use it to link
 * a visitor to the version they consented to (`record.policyVersion`, or a history entry's).
 */
export function policyUrlFor(config: ResolvedConfig, version: string): string | undefined {
  const archive = config.policyArchive;
  const archived = Object.hasOwn(archive, version) ? archive[version] : undefined;
  return version === config.policyVersion ? (config.policyUrl ?? archived) : archived;
}
