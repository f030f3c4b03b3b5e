import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

// The built package, imported by a plain Node process in which touching any browser global throws.
const dist = fileURLToPath(new URL('../dist/index.js', import.meta.url));
const script = `
const touched = [];
for (const name of ['window', 'document', 'navigator', 'location', 'indexedDB', 'BroadcastChannel', 'localStorage'])
  Object.defineProperty(globalThis, name, { configurable: true, get() { touched.push(name); throw new Error(name); } });
const before = Object.getOwnPropertyNames(globalThis);
const core = await import(${JSON.stringify(dist)});
const value = core.encodeConsentCookie({ v: 1, id: 'abc', policyVersion: '1', choices: { necessary: true, analytics: true },
  created: 1, updated: 2, expires: 3, method: 'api', locale: 'en' });
console.log(JSON.stringify({
  touched,
  added: Object.getOwnPropertyNames(globalThis).filter((name) => !before.includes(name)),
  record: core.readConsentCookie('a=b; cg_consent=' + value),
  garbage: core.parseConsentCookie('1|x'),
  defaults: core.resolveConfig(undefined).config.cookie,
}));
`;

test('the built package imports in plain Node without touching browser globals', () => {
  expect(existsSync(dist), 'build first: CG_BUILD=core npx rollup -c rollup.config.mjs').toBe(true);
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(JSON.parse(output)).toEqual({
    touched: [],
    added: [],
    record: {
      v: 1,
      id: 'abc',
      policyVersion: '1',
      choices: { necessary: true, analytics: true },
      created: 1,
      updated: 2,
      expires: 3,
      method: 'api',
      locale: 'en',
    },
    garbage: null,
    defaults: { name: 'cg_consent', path: '/', sameSite: 'Lax', domain: undefined },
  });
});
