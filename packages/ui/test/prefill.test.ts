import type { ConsentRecord, ConsentState } from '@consentgate/core';
import { describe, expect, test } from 'vitest';
import { prefill } from '../src/ui-model';

const ids = ['necessary', 'analytics', 'advertising', 'pixels', 'cross_border'];
const record = (choices: Record<string, boolean>): ConsentRecord => ({
  v: 1,
  id: 'x',
  policyVersion: '1',
  choices,
  created: 0,
  updated: 0,
  expires: 1,
  method: 'preferences',
  locale: 'en',
});

describe('prefill', () => {
  test('no consent: only necessary is on (nothing pre-ticked)', () => {
    const state: ConsentState = {
      status: 'none',
      choices: { necessary: true },
      record: null,
      previous: null,
      gpc: false,
    };
    expect(prefill(state, ids)).toEqual({
      necessary: true,
      analytics: false,
      advertising: false,
      pixels: false,
      cross_border: false,
    });
  });

  test('valid consent: the recorded choices', () => {
    const r = record({ necessary: true, analytics: true, advertising: false, pixels: true });
    const state: ConsentState = {
      status: 'given',
      choices: r.choices,
      record: r,
      previous: null,
      gpc: false,
    };
    expect(prefill(state, ids)).toMatchObject({
      analytics: true,
      advertising: false,
      pixels: true,
      cross_border: false,
    });
  });

  test('outdated or expired consent: the previous choices, new categories off', () => {
    const previous = record({ necessary: true, analytics: true, advertising: true });
    for (const status of ['outdated', 'expired'] as const) {
      const state: ConsentState = {
        status,
        choices: { necessary: true },
        record: null,
        previous,
        gpc: false,
      };
      expect(prefill(state, ids)).toEqual({
        necessary: true,
        analytics: true,
        advertising: true,
        pixels: false,
        cross_border: false,
      });
    }
  });
});
