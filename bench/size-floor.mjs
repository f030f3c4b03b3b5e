// `pnpm size:floor`: how small the gate and the UI chunk could be at the very least, measured the
// way size-limit measures the shipped files (terser with our options, gzip -9, kB = 1000 bytes).
//
// The targets: blocking gate ≤ 6 kB, returning visit ≤ 9 kB, first visit ≤ 22 kB (all files a
// visitor downloads, summed). This script bundles only the parts no implementation of the design
// can leave out (the UI's Preact + @preact/signals runtime, its stylesheet and one locale; the
// gate's catalogue and its holding side for every channel; the consent kernel that reads the
// cookie) next to the smallest peer blocker (yett, scripts only), and prints each floor beside
// the target and the shipped files.
//
//   node bench/size-floor.mjs            (after `pnpm build`; reads packages/*/src directly)
//
// packages/consentgate/test/readme-sizes.test.ts imports `measureFloors` to keep the README's
// copy of this table in step.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { rollup } from 'rollup';
import ts from 'typescript';
import { terserOptions } from '../rollup.config.mjs';

const root = new URL('../', import.meta.url);
const file = (path) => fileURLToPath(new URL(path, root));
const gzip = (text) => gzipSync(text, { level: 9 }).length;
const kB = (bytes) => (bytes / 1000).toFixed(2);

/** Workspace packages from their TypeScript sources, transpiled the way the product build does. */
const sources = {
  name: 'workspace-sources',
  resolveId(id) {
    const match = /^@consentgate\/(core|blocker|ui)$/.exec(id);
    return match ? file(`packages/${match[1]}/src/index.ts`) : null;
  },
  transform(code, id) {
    if (!/\.tsx?$/.test(id)) return null;
    const { outputText } = ts.transpileModule(code, {
      compilerOptions: {
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.ESNext,
        jsx: ts.JsxEmit.ReactJSX,
        jsxImportSource: 'preact',
        verbatimModuleSyntax: true,
      },
      fileName: id,
    });
    return { code: outputText, map: null };
  },
};

/** Minified size of `entry` (module source text) bundled as one classic script, everything it exports kept. */
async function minified(entry) {
  // The entry sits (virtually) inside packages/ui so Preact resolves from the UI's own dependencies.
  const id = file('packages/ui/src/size-floor-entry.js');
  const virtual = {
    name: 'entry',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? entry : null),
  };
  const bundle = await rollup({
    input: id,
    plugins: [virtual, sources, nodeResolve({ browser: true, extensions: ['.ts', '.tsx', '.mjs', '.js'] })],
    // A floor that silently left a dependency out would be a lie: every import must resolve.
    onwarn: (warning) => {
      throw new Error(`size-floor: ${warning.message}`);
    },
  });
  const { output } = await bundle.generate({
    format: 'iife',
    name: 'floor',
    plugins: [terser(terserOptions)],
  });
  await bundle.close();
  return output[0].code;
}

const ui = 'packages/ui/src/';
const shipped = (name) => {
  const path = file(`packages/consentgate/dist/${name}`);
  if (!existsSync(path)) throw new Error(`size-floor: ${path} is missing; run \`pnpm build\` first`);
  return readFileSync(path, 'utf8');
};

/** The rows of the table: `{ what, bytes, target? }`, gzip bytes, targets in bytes. */
export async function measureFloors() {
  const pieces = {
    // Exactly what packages/ui/src imports from Preact and @preact/signals (the JSX runtime too).
    runtime: await minified(`
      export { h, render } from 'preact';
      export { jsx, jsxs, Fragment } from 'preact/jsx-runtime';
      export { batch, computed, signal } from '@preact/signals';`),
    css: await minified(`export { CSS } from '${file(`${ui}styles.ts`)}';`),
    en: await minified(`export { LOCALE_EN } from '${file(`${ui}locale-en.ts`)}';`),
    catalogue: await minified(`export { catalogue } from '@consentgate/blocker';`),
    // The holding side of every channel (no release, no placeholders): what must run in <head>.
    holding: await minified(`export { installGate } from '@consentgate/blocker';`),
    // Cookie, state and events: what answers the blocker synchronously.
    kernel: await minified(`export { createConsentKernel, normalizeConfig } from '@consentgate/core';`),
    yett: readFileSync(file('bench/node_modules/yett/dist/yett.min.js'), 'utf8'),
  };
  const gate = gzip(shipped('consentgate.js'));
  const manager = gzip(shipped('consentgate.manager.js'));
  const uiChunk = gzip(shipped('consentgate.ui.js'));
  const locale = gzip(shipped('consentgate.ui.en.js'));
  const uiFloor = gzip(pieces.runtime + pieces.css + pieces.en);
  const gateFloor = gzip(pieces.holding + pieces.kernel);
  const row = (what, bytes, target) => ({ what, bytes, target });
  return [
    row('UI: Preact + `@preact/signals` runtime, as the UI imports it', gzip(pieces.runtime)),
    row('UI: + the stylesheet + the English texts (no component yet)', uiFloor),
    row('UI: shipped `consentgate.ui.js` + `consentgate.ui.en.js`', uiChunk + locale),
    row('gate: the tracker catalogue alone (hosts → categories)', gzip(pieces.catalogue)),
    row('gate: yett, the smallest peer blocker (scripts only, no catalogue)', gzip(pieces.yett)),
    row('gate: our holding side alone (every channel, with the catalogue)', gzip(pieces.holding), 6_000),
    row('gate: + the consent kernel (config, cookie, state, events)', gateFloor, 6_000),
    row('gate: shipped `consentgate.js`', gate, 6_000),
    row('returning visit: shipped gate + manager', gate + manager, 9_000),
    row('first visit floor: UI floor + gate floor', uiFloor + gateFloor, 22_000),
    row(
      'first visit in English: shipped gate + manager + UI + locale',
      gate + manager + uiChunk + locale,
      22_000,
    ),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await measureFloors();
  console.log(
    [
      '| what (gzip, kB = 1000 bytes) | kB | target | ÷ target |',
      '| --- | --- | --- | --- |',
      ...rows.map(({ what, bytes, target }) =>
        target
          ? `| ${what} | ${kB(bytes)} | ${kB(target)} | ${(bytes / target).toFixed(2)} |`
          : `| ${what} | ${kB(bytes)} | | |`,
      ),
    ].join('\n'),
  );
}
