import type { CategoryId, ConsentMethod, ConsentRecord } from './types';

/** Every method, in the order of their one-letter cookie codes `arpigus`. */
export const METHODS: ReadonlyArray<ConsentMethod> = [
  'accept-all',
  'reject-all',
  'preferences',
  'api',
  'gpc',
  'guardian',
  'restored',
];

export const CATEGORY_ID = /^[a-z][a-z0-9_]*$/;
export const RECORD_ID = /^[\w-]{1,64}$/;

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const hasOwn = (object: object, key: string): boolean => Object.hasOwn(object, key);

/** True for a well-formed version-1 record (what IndexedDB returns is untrusted). */
export function isConsentRecord(value: unknown): value is ConsentRecord {
  const r = value as ConsentRecord;
  return (
    isObject(r) &&
    r.v === 1 &&
    typeof r.id === 'string' &&
    RECORD_ID.test(r.id) &&
    typeof r.policyVersion === 'string' &&
    r.policyVersion !== '' &&
    isObject(r.choices) &&
    Object.keys(r.choices).every((id) => CATEGORY_ID.test(id) && typeof r.choices[id] === 'boolean') &&
    [r.created, r.updated, r.expires].every(Number.isSafeInteger) &&
    METHODS.includes(r.method) &&
    typeof r.locale === 'string'
  );
}

/** A random 16-byte id, base64url (22 characters). */
export function createRecordId(): string {
  const bytes = new Uint8Array(16);
  if (typeof crypto !== 'undefined' && crypto.getRandomValues) crypto.getRandomValues(bytes);
  // Only for engines without Web Crypto; the id identifies a choice, it is not a secret.
  else for (let i = 0; i < 16; i++) bytes[i] = (Math.random() * 256) | 0;
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Choices for every known category: `necessary` true, the rest as given (missing = denied). */
export function fullChoices(
  ids: ReadonlyArray<CategoryId>,
  choice: (id: CategoryId) => boolean,
): Record<CategoryId, boolean> {
  const choices: Record<CategoryId, boolean> = {};
  for (const id of ids) choices[id] = id === 'necessary' || choice(id);
  return choices;
}
