import { isConsentRecord, METHODS } from './consent-record';
import type { ConsentRecord, ResolvedConfig } from './types';

// The format is documented in packages/core/README.md ("Consent cookie format"); servers parse it.
const CODES = 'arpigus';
const MAX_AGE = 400 * 86400;
const TIME = /^[0-9a-z]{1,11}$/;
const CHOICES = /^([+-][a-z][a-z0-9_]*)*$/;

/** The cookie value for a record: `1|id|policy|created|updated|expires|method|locale|+a-b`. */
export function encodeConsentCookie(record: ConsentRecord): string {
  let choices = '';
  for (const id in record.choices) if (id !== 'necessary') choices += (record.choices[id] ? '+' : '-') + id;
  return [
    1,
    record.id,
    encodeURIComponent(record.policyVersion),
    record.created.toString(36),
    record.updated.toString(36),
    record.expires.toString(36),
    CODES[METHODS.indexOf(record.method)],
    encodeURIComponent(record.locale),
    choices,
  ].join('|');
}

/** Reads a cookie value back into a record; `null` for anything else (never throws). */
export function parseConsentCookie(value: string | null | undefined): ConsentRecord | null {
  try {
    if (typeof value !== 'string' || value.length > 4096) return null;
    const [v, id, policy, created, updated, expires, method, locale, list, ...rest] = value.split('|');
    if (v !== '1' || rest.length || !CHOICES.test(list) || method?.length !== 1) return null;
    const choices: Record<string, boolean> = {};
    for (const item of list.match(/[+-][a-z0-9_]+/g) || []) choices[item.slice(1)] = item[0] === '+';
    choices.necessary = true;
    const time = (s: string) => (TIME.test(s) ? parseInt(s, 36) : Number.NaN);
    const record = {
      v: 1,
      id,
      policyVersion: decodeURIComponent(policy),
      choices,
      created: time(created),
      updated: time(updated),
      expires: time(expires),
      method: METHODS[CODES.indexOf(method)],
      locale: decodeURIComponent(locale),
    };
    return isConsentRecord(record) ? record : null;
  } catch {
    return null;
  }
}

/**
 * Finds the consent cookie in a `Cookie` header or `document.cookie` and parses it. When several
 * cookies carry the name (another path or domain), the newest valid record wins.
 */
export function readConsentCookie(
  cookieHeader: string | null | undefined,
  name = 'cg_consent',
): ConsentRecord | null {
  let best: ConsentRecord | null = null;
  if (typeof cookieHeader !== 'string') return best;
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at < 0 || part.slice(0, at).trim() !== name) continue;
    const record = parseConsentCookie(
      part
        .slice(at + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
    if (record && (!best || record.updated > best.updated)) best = record;
  }
  return best;
}

function attributes(config: ResolvedConfig, maxAge: number, now: number, secure: boolean): string {
  const { path, domain, sameSite } = config.cookie;
  return `; Path=${path}${domain ? `; Domain=${domain}` : ''}; Max-Age=${maxAge}; Expires=${new Date(
    now + maxAge * 1000,
  ).toUTCString()}; SameSite=${sameSite}${secure ? '; Secure' : ''}`;
}

/**
 * The whole `Set-Cookie` / `document.cookie` string for a record. It lives as long as the consent
 * is valid, at most 400 days (the cap browsers apply anyway).
 */
export function serializeConsentCookie(
  record: ConsentRecord,
  config: ResolvedConfig,
  secure: boolean,
  now = Date.now(),
): string {
  const maxAge = Math.max(0, Math.min(Math.floor((record.expires - now) / 1000), MAX_AGE));
  return `${config.cookie.name}=${encodeConsentCookie(record)}${attributes(config, maxAge, now, secure)}`;
}

/** A cookie string that deletes the consent cookie. */
export function expireConsentCookie(config: ResolvedConfig, secure: boolean): string {
  return `${config.cookie.name}=${attributes(config, 0, 0, secure)}`;
}
