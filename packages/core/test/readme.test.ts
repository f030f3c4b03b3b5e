import { readFileSync } from 'node:fs';
import { type ConsentRecord, encodeConsentCookie, parseConsentCookie } from '@consentgate/core';
import { expect, test } from 'vitest';

// The README documents the cookie format for server authors: its example and its hand-written
// parser must agree with the code.
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const section = readme.slice(readme.indexOf('## Consent cookie format'));
const example = /```\n(1\|[^\n]+)\n```/.exec(section)![1];
const parseConsent = new Function(`${/```js\n([\s\S]+?)```/.exec(section)![1]}; return parseConsent;`)() as (
  value: string,
) => Record<string, unknown> | null;

test('the documented example is a valid cookie value', () => {
  expect(parseConsentCookie(example)).toMatchObject({
    policyVersion: '2',
    method: 'preferences',
    locale: 'zh-CN',
    created: Date.UTC(2026, 10, 23, 12),
    choices: { necessary: true, analytics: true, advertising: false, pixels: true },
  });
});

test('the documented hand-written parser reads what the codec writes', () => {
  const record: ConsentRecord = {
    v: 1,
    id: 'AAECAwQFBgcICQoLDA0ODw',
    policyVersion: '2026/06 é',
    choices: { necessary: true, analytics: false, cross_border: true },
    created: 1,
    updated: Date.UTC(2030, 0, 1),
    expires: Date.UTC(2030, 6, 1),
    method: 'gpc',
    locale: 'en-GB',
  };
  const { v, method, ...rest } = record;
  expect(parseConsent(encodeConsentCookie(record))).toEqual({ ...rest, method: 'g' });
  const { v: _v, ...parsed } = parseConsentCookie(example)!;
  expect(parseConsent(example)).toEqual({ ...parsed, method: 'p' });
});
