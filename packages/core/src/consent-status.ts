import { fullChoices } from './consent-record';
import type { ConsentRecord, ConsentState, ConsentStatus, ResolvedConfig } from './types';

/**
 * Whether a record is a valid consent at `now`: `none` without one, `outdated` when it was given
 * for another `policyVersion`, `expired` when its lifetime is over (its own `expires`, or the
 * config's current `lifetimeDays` counted from its last update if that is shorter), else `given`.
 */
export function consentStatus(
  record: ConsentRecord | null,
  config: ResolvedConfig,
  now: number,
): ConsentStatus {
  if (!record) return 'none';
  if (record.policyVersion !== config.policyVersion) return 'outdated';
  return now < validUntil(record, config) ? 'given' : 'expired';
}

/** The moment (ms) `record` expires: its own `expires`, or sooner under a shorter `lifetimeDays`. */
export function validUntil(record: ConsentRecord, config: ResolvedConfig): number {
  return Math.min(record.expires, record.updated + config.lifetimeDays * 864e5);
}

/**
 * The state a record means at `now`: effective choices, and the record as valid or previous.
 * `gpc`: the visitor sends Global Privacy Control and the config honours it.
 */
export function consentState(
  record: ConsentRecord | null,
  config: ResolvedConfig,
  now: number,
  gpc = false,
): ConsentState {
  const status = consentStatus(record, config, now);
  const valid = status === 'given';
  // Frozen: the blocker decides with these choices, so the page must not be able to edit them.
  return Object.freeze({
    status,
    choices: Object.freeze(fullChoices(config.categoryIds, (id) => valid && record!.choices[id] === true)),
    record: valid ? record : null,
    previous: valid ? null : record,
    gpc,
  });
}
