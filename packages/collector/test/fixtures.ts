// Receipts and shown events as the gate sends them (packages/core/src/receipt.ts), unique per call.
import { randomUUID } from 'node:crypto';
import type { Receipt, ShownEvent } from '@consentgate/core';

/** A consent id no other test uses. */
export const newConsentId = (prefix = 'c') => `${prefix}-${randomUUID()}`;

/** A decision; `key` follows `consentId` and `seq` unless given. */
export function decision(overrides: Partial<Receipt> = {}): Receipt {
  const consentId = overrides.consentId ?? newConsentId();
  const seq = overrides.seq ?? 1;
  return {
    type: 'decision',
    v: 2,
    key: `${consentId}:${seq}`,
    consentId,
    seq,
    timestamp: '2026-12-02T10:00:00.000Z',
    policyVersion: '2026-11',
    policyUrl: 'https://example.com/privacy',
    noticeHash: 'a'.repeat(64),
    locale: 'en',
    choices: { necessary: true, analytics: true, advertising: false, pixels: false },
    action: 'custom',
    via: 'banner',
    guardian: false,
    gpc: false,
    jurisdiction: { region: 'DE', model: 'opt-in' },
    sdkVersion: '0.1.0',
    page: 'https://example.com/pricing',
    ...overrides,
  };
}

/** A banner-shown event with a random key. */
export function shown(overrides: Partial<ShownEvent> = {}): ShownEvent {
  return {
    type: 'shown',
    v: 2,
    key: randomUUID(),
    timestamp: '2026-12-02T09:59:58.000Z',
    layer: 'banner',
    policyVersion: '2026-11',
    locale: 'en',
    jurisdiction: { region: 'DE', model: 'opt-in' },
    sdkVersion: '0.1.0',
    page: 'https://example.com/pricing',
    ...overrides,
  };
}

export const SITE = 'https://www.example.com';
export const TOKEN = 'test-admin-token-0123456789';
export const CHROME_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
