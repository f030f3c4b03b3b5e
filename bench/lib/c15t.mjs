// c15t has no script-tag build (it is an ES module with dependencies, for bundlers). To give it a
// byte figure and a banner a visitor can see, its quickstart prompt is bundled here the way a
// site would: rollup + node-resolve (browser) + terser, one IIFE, written to
// bench/node_modules/.cache/bench/c15t.js (a build output: ignored by git and the linter).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const fromRoot = createRequire(new URL('../../package.json', import.meta.url));

export async function buildC15t() {
  const { rollup } = await import(fromRoot.resolve('rollup'));
  const { nodeResolve } = await import(fromRoot.resolve('@rollup/plugin-node-resolve'));
  const terser = (await import(fromRoot.resolve('@rollup/plugin-terser'))).default;
  const out = fileURLToPath(new URL('../node_modules/.cache/bench/', import.meta.url));
  mkdirSync(out, { recursive: true });
  const bundle = await rollup({
    input: fileURLToPath(new URL('../peers/c15t-prompt.js', import.meta.url)),
    plugins: [nodeResolve({ browser: true }), terser()],
    onwarn: () => {},
  });
  await bundle.write({ file: `${out}c15t.js`, format: 'iife' });
  await bundle.close();
  return `${out}c15t.js`;
}
