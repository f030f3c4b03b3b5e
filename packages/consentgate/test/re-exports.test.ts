// `consentgate` is what users install: it must offer every runtime name of @consentgate/core,
// and `consentgate/server` the cookie functions a server needs, so nothing is dropped silently.
import * as core from '@consentgate/core';
import * as consentgate from 'consentgate';
import * as server from 'consentgate/server';
import { expect, test } from 'vitest';

test('consentgate re-exports every runtime name of @consentgate/core', () => {
  const offered = new Map(Object.entries(consentgate));
  const missing = Object.keys(core).filter((name) => !offered.has(name));
  expect(missing).toEqual([]);
  for (const [name, value] of Object.entries(core)) expect(offered.get(name), name).toBe(value);
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
