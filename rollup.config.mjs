// One build for every package. Libraries ship as ESM with declarations; the `consentgate`
// package also ships the two script-tag files (gate + banner) as minified classic scripts.
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

// Exported for bench/size-floor.mjs, which must minify its floors exactly as the product is.
export const terserOptions = {
  ecma: 2020,
  module: false,
  compress: { passes: 3, pure_getters: true },
  // Private fields start with `_` so they can be mangled (see STYLE.md). Not `__x`: those are
  // Preact's own (already mangled) internals, which @preact/signals hooks by name ("__b", "__r").
  mangle: { properties: { regex: /^_(?!_)/ } },
  format: { comments: false },
};

/**
 * ESM + .d.ts for one workspace package; every bare import stays external. An entry named in
 * `bins` starts with a shebang, for the package's `bin`.
 */
function library(pkg, inputs = { index: 'src/index.ts' }, { bins = [] } = {}) {
  const dir = `packages/${pkg}`;
  return {
    input: Object.fromEntries(Object.entries(inputs).map(([name, file]) => [name, `${dir}/${file}`])),
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0'),
    // One file per source module: a bundler that imports one function of a package takes only its
    // modules (the UI's locale files, its triggers without Preact), whatever the others import.
    output: {
      dir: `${dir}/dist`,
      format: 'es',
      sourcemap: false,
      preserveModules: true,
      preserveModulesRoot: `${dir}/src`,
      banner: (chunk) => (chunk.isEntry && bins.includes(chunk.name) ? '#!/usr/bin/env node' : ''),
    },
    plugins: [
      typescript({
        tsconfig: `${dir}/tsconfig.json`,
        outDir: `${dir}/dist`,
        declarationDir: `${dir}/dist`,
        noEmitOnError: true,
      }),
    ],
  };
}

/** A self-contained, minified classic script for a `<script src>` tag. */
function scriptTag(input, file) {
  return {
    input: `packages/consentgate/${input}`,
    output: { file: `packages/consentgate/dist/${file}`, format: 'iife', sourcemap: false },
    plugins: [
      nodeResolve({ browser: true }),
      typescript({
        tsconfig: 'packages/consentgate/tsconfig.json',
        declaration: false,
        declarationDir: undefined,
        outDir: 'packages/consentgate/dist',
        noEmitOnError: true,
      }),
      terser(terserOptions),
    ],
  };
}

/** Minified, fully bundled copy of a library, only for measuring its size (see .size-limit.json). */
function measure(pkg) {
  return {
    input: `packages/${pkg}/dist/index.js`,
    output: { file: `packages/${pkg}/dist-size/index.min.js`, format: 'es' },
    plugins: [nodeResolve({ browser: true }), terser({ ...terserOptions, module: true })],
  };
}

const builds = {
  core: library('core'),
  blocker: library('blocker'),
  ui: library('ui'),
  consentgate: library('consentgate', { index: 'src/index.ts', server: 'src/server.ts' }),
  collector: library('collector', { index: 'src/index.ts', cli: 'src/cli.ts' }, { bins: ['cli'] }),
  scanner: library('scanner', { index: 'src/index.ts', cli: 'src/cli.ts' }),
  gate: scriptTag('src/script-gate.ts', 'consentgate.js'),
  'gate-manager': scriptTag('src/script-manager.ts', 'consentgate.manager.js'),
  'gate-check': scriptTag('src/script-check.ts', 'consentgate.check.js'),
  'gate-receipts': scriptTag('src/script-receipts.ts', 'consentgate.receipts.js'),
  'gate-ui': scriptTag('src/script-ui.ts', 'consentgate.ui.js'),
  'gate-ui-en': scriptTag('src/script-ui-en.ts', 'consentgate.ui.en.js'),
  'gate-ui-zh-CN': scriptTag('src/script-ui-zh-CN.ts', 'consentgate.ui.zh-CN.js'),
  'core-size': measure('core'),
};

// `CG_BUILD=core,blocker pnpm build` builds only those (in this order); default: everything.
const only = process.env.CG_BUILD?.split(',').map((name) => name.trim());
export default only ? only.map((name) => builds[name]) : Object.values(builds);
