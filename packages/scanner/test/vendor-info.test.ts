import { catalogue } from '@consentgate/blocker';
import { knownVendors, vendorInfo } from '@consentgate/scanner';
import { expect, test } from 'vitest';

// The catalogue lives in the blocker (it ships in the gate); the scanner's table of providers
// and purposes must follow it, or drafts and declarations would lose them silently.
test('every catalogue vendor has a provider and a purpose in English and Chinese, and no other', () => {
  const vendors = [...new Set(catalogue.map((entry) => entry.vendor))];
  expect([...knownVendors].sort()).toEqual(vendors.sort());
  for (const vendor of vendors) {
    const info = vendorInfo(vendor)!;
    expect(info.provider, vendor).toMatch(/\S/);
    expect(info.purpose, vendor).toEqual({
      en: expect.stringMatching(/\.$/),
      'zh-CN': expect.stringMatching(/。$/),
    });
  }
});
