// Fails when a test file sits where no runner looks for it (so no test silently never runs).
// Runners: vitest `unit` = packages/*/test/*.test.ts(x); vitest `browser` =
// packages/*/test/browser/*.test.ts(x); Playwright = e2e/**/*.spec.ts.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const skip = new Set(['node_modules', 'dist', 'dist-size', '.git', 'test-results', 'playwright-report']);
const isTest = /\.(test|spec)\.[cm]?[jt]sx?$/;
const runs = [
  /^packages\/[^/]+\/test\/[^/]+\.test\.tsx?$/,
  /^packages\/[^/]+\/test\/browser\/[^/]+\.test\.tsx?$/,
  /^e2e\/(?:[^/]+\/)*[^/]+\.spec\.ts$/,
];

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skip.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else yield relative(root, path).split('\\').join('/');
  }
}

const orphans = [...walk(root)].filter((file) => isTest.test(file) && !runs.some((run) => run.test(file)));
if (orphans.length) {
  console.error(
    `test files no runner includes (move them to packages/*/test[/browser] or e2e/):\n  ${orphans.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('test layout: every test file is run by a runner');
