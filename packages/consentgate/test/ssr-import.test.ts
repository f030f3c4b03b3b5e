// Server-side rendering: importing any package's built ESM in plain Node must touch no browser
// global and have no side effect. Runs a child `node` so nothing of vitest leaks in.
import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;

test.each(['core', 'blocker', 'ui', 'consentgate'])(
  'importing %s in plain Node has no side effect',
  (dir) => {
    const script = `
    const before = Object.getOwnPropertyNames(globalThis).concat(Object.getOwnPropertySymbols(globalThis).map(String));
    const mod = await import(${JSON.stringify(`${root}packages/${dir}/dist/index.js`)});
    const after = Object.getOwnPropertyNames(globalThis).concat(Object.getOwnPropertySymbols(globalThis).map(String));
    console.log(JSON.stringify({ exports: Object.keys(mod).length, added: after.filter((name) => !before.includes(name)) }));
  `;
    const output = execFileSync('node', ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    const { exports, added } = JSON.parse(output.trim().split('\n').pop() ?? '{}');
    expect(added).toEqual([]);
    expect(exports).toBeGreaterThan(0);
  },
);
