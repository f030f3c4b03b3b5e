// `consentgate` is what users install: it must offer every runtime name of @consentgate/core,
// and `consentgate/server` the cookie functions a server needs, so nothing is dropped silently.
import * as core from '@consentgate/core';
import * as consentgate from 'consentgate';
import * as server from 'consentgate/server';
import { expect, test } from 'vitest';

test('consentgate re-exports every runtime name of @consentgate/core', () => {
  const missing = Object.keys(core).filter((name) => !(name in consentgate));
  expect(missing).toEqual([]);
  for (const name of Object.keys(core)) {
    expect(consentgate[name as keyof typeof consentgate], name).toBe(core[name as keyof typeof core]);
  }
});

test('consentgate/server offers the cookie codec', () => {
  expect(Object.keys(server).sort()).toEqual(
    expect.arrayContaining([
      'encodeConsentCookie',
      'parseConsentCookie',
      'readConsentCookie',
      'serializeConsentCookie',
    ]),
  );
  expect(server.parseConsentCookie('garbage')).toBeNull();
});

test('consentgate adds createConsentGate', () => {
  expect(typeof consentgate.createConsentGate).toBe('function');
});
