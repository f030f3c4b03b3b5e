import 'fake-indexeddb/auto';
import { createIdbStore } from '@consentgate/core';
import { expect, test } from 'vitest';

test('a named store keeps values apart from the consent store and lists them in key order', async () => {
  const queue = createIdbStore('consentgate-test', 'queue')!;
  const consent = createIdbStore()!;
  await queue.set('b', { n: 2 });
  await queue.set('a', { n: 1 });
  await consent.set('a', 'other');
  expect(await queue.entries()).toEqual([
    ['a', { n: 1 }],
    ['b', { n: 2 }],
  ]);
  await queue.del('a');
  expect(await queue.get('a')).toBeUndefined();
  expect(await queue.entries()).toEqual([['b', { n: 2 }]]);
  expect(await consent.get('a')).toBe('other');
});
