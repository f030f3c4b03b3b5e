// The sizes the README quotes stay honest: each row of its "Size" table names a size-limit
// budget from package.json, quotes that budget exactly, and quotes a measured size that is
// within 5% of what the built file weighs now (gzip -9) and not above the budget. Needs a build.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(root + path, 'utf8');

interface Budget {
  name: string;
  path: string | string[];
  limit: string;
}
const budgets: Budget[] = JSON.parse(read('package.json'))['size-limit'];
const kb = (text: string) => Number.parseFloat(text.replace(/\s*kB$/i, '').replace(/\s*KB$/, ''));
const gzipped = (paths: string[]) =>
  paths.reduce((sum, path) => sum + gzipSync(readFileSync(root + path), { level: 9 }).length, 0);

// | scenario | measured (gzip) | budget |   — rows look like: | gate: … | 2.91 kB | 3 kB |
const rows = [...read('README.md').matchAll(/^\| ([^|]+?) +\| ([\d.]+ kB) +\| ([\d.]+ kB) +\|$/gm)].map(
  ([, name, measured, budget]) => ({ name, measured: kb(measured), budget: kb(budget) }),
);

test('every budget appears in the README, quoted exactly', () => {
  expect(rows.map((row) => row.name).sort()).toEqual(budgets.map((budget) => budget.name).sort());
  for (const budget of budgets) {
    expect(rows.find((row) => row.name === budget.name)?.budget, budget.name).toBe(kb(budget.limit));
  }
});

test.each(budgets)('the README quotes what $name weighs now', (budget) => {
  const row = rows.find((candidate) => candidate.name === budget.name);
  const actual = gzipped([budget.path].flat()) / 1000;
  expect(row, budget.name).toBeDefined();
  expect(row!.measured).toBeLessThanOrEqual(kb(budget.limit));
  expect(
    Math.abs(row!.measured - actual) / actual,
    `README says ${row!.measured} kB, built file is ${actual} kB`,
  ).toBeLessThan(0.05);
});
