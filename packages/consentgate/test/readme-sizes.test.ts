// The sizes the README quotes stay honest: each row of its "Size" table names a size-limit
// budget from package.json, quotes that budget exactly, and quotes a measured size within 2% of
// what size-limit measures now (and not above the budget). Needs a build.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const kb = (text: string) => Number.parseFloat(text);

interface Measured {
  name: string;
  size: number;
  sizeLimit: number;
}
const measured: Measured[] = JSON.parse(
  execFileSync('npx', ['size-limit', '--json'], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }),
);

// | scenario | measured (gzip) | budget |   — rows look like: | gate: … | 15.25 kB | 15.5 kB |
const rows = [
  ...readFileSync(`${root}README.md`, 'utf8').matchAll(/^\| ([^|]+?) +\| ([\d.]+) kB +\| ([\d.]+) kB +\|$/gm),
].map(([, name, size, budget]) => ({ name, size: kb(size) * 1000, budget: kb(budget) * 1000 }));

test('every budget appears in the README, quoted exactly', () => {
  expect(rows.map((row) => row.name).sort()).toEqual(measured.map((entry) => entry.name).sort());
  for (const entry of measured) {
    expect(rows.find((row) => row.name === entry.name)?.budget, entry.name).toBe(entry.sizeLimit);
  }
});

test.each(measured)('the README quotes what $name weighs now', (entry) => {
  const row = rows.find((candidate) => candidate.name === entry.name);
  expect(row, entry.name).toBeDefined();
  expect(row!.size).toBeLessThanOrEqual(entry.sizeLimit);
  expect(
    Math.abs(row!.size - entry.size) / entry.size,
    `README says ${row!.size} B, size-limit ${entry.size} B`,
  ).toBeLessThan(0.02);
});

// | what | kB | target | ÷ target |   — the floor table below it, from `pnpm size:floor`.
test('the README quotes the size floors as bench/size-floor.mjs measures them now', async () => {
  const { measureFloors } = await import('../../../bench/size-floor.mjs');
  const quoted = new Map(
    [
      ...readFileSync(`${root}README.md`, 'utf8').matchAll(
        /^\| ([^|]+?) +\| +([\d.]+) +\| *([\d.]*) *\| *([\d.]*) *\|$/gm,
      ),
    ].map(([, what, size, target]) => [what, { size: kb(size) * 1000, target: target && kb(target) * 1000 }]),
  );
  for (const floor of await measureFloors()) {
    const row = quoted.get(floor.what);
    expect(row, floor.what).toBeDefined();
    expect(row!.target || undefined, floor.what).toBe(floor.target);
    expect(
      Math.abs(row!.size - floor.bytes) / floor.bytes,
      `${floor.what}: README says ${row!.size} B, measured ${floor.bytes} B`,
    ).toBeLessThan(0.02);
  }
}, 60_000);
