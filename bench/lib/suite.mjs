// The leak suite's own corpus (e2e/fixtures/gate/cases.ts) and fake vendor hosts
// (e2e/support/fake-vendors.ts), so the bench runs exactly the cases the gate is tested on.
// They are TypeScript; this transpiles them (typescript, types only stripped) into
// bench/node_modules/.cache/bench/e2e/ (ignored by git and the linter) with the same relative
// layout, the vendor fixture folder copied beside them.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const build = new URL('../node_modules/.cache/bench/e2e/', import.meta.url);
const ts = createRequire(new URL('package.json', root))('typescript');

function transpile(from, to) {
  const source = readFileSync(new URL(from, root), 'utf8');
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const file = new URL(to, build);
  mkdirSync(new URL('.', file), { recursive: true });
  writeFileSync(file, outputText);
  return file;
}

/** `{ cases, caseConfig, annotate, fakeVendors }` from the leak suite. */
export async function loadLeakSuite() {
  const cases = transpile('e2e/fixtures/gate/cases.ts', 'fixtures/gate/cases.mjs');
  const vendors = transpile('e2e/support/fake-vendors.ts', 'support/fake-vendors.mjs');
  const copy = fileURLToPath(new URL('fixtures/vendors', build));
  rmSync(copy, { force: true, recursive: true });
  cpSync(fileURLToPath(new URL('e2e/fixtures/vendors', root)), copy, { recursive: true });
  return { ...(await import(cases.href)), ...(await import(vendors.href)) };
}
