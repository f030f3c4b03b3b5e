// What `pnpm pack` ships for every package: dist + README + licence + package.json, no
// `workspace:` ranges left, and every `exports` target present in the tarball. Needs a build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const out = mkdtempSync(join(tmpdir(), 'cg-pack-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Exports = string | { [condition: string]: Exports };
interface Manifest {
  exports: Record<string, Exports>;
  dependencies?: Record<string, string>;
}

function pack(dir: string): { files: string[]; manifest: Manifest } {
  const json = execFileSync('npx', ['-y', 'pnpm@12.21.0', 'pack', '--json', '--pack-destination', out], {
    cwd: join(root, 'packages', dir),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { filename } = JSON.parse(json.slice(json.indexOf('{')));
  const tarball = join(out, filename.split('/').pop());
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((file) => file.replace(/^package\//, ''));
  const manifest = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
  );
  return { files, manifest };
}

function exportTargets(exports: Exports): string[] {
  return typeof exports === 'string' ? [exports] : Object.values(exports).flatMap(exportTargets);
}

describe.each(['core', 'blocker', 'ui', 'consentgate'])('the %s package', (dir) => {
  const { files, manifest } = pack(dir);

  test('ships only dist, README, licence and package.json', () => {
    const stray = files.filter((file) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(file));
    expect(stray).toEqual([]);
    expect(files).toContain('README.md');
    expect(files).toContain('LICENSE');
  });

  test('every exports target (types and default) is in the tarball', () => {
    const targets = exportTargets(manifest.exports).map((target) => target.replace(/^\.\//, ''));
    expect(targets.length).toBeGreaterThan(1);
    for (const target of targets) expect(files).toContain(target);
    expect((manifest.exports['.'] as Record<string, string>).types).toMatch(/\.d\.ts$/);
  });

  test('has no workspace: ranges left in its dependencies', () => {
    expect(JSON.stringify(manifest.dependencies ?? {})).not.toContain('workspace:');
  });
});

// The gate and every sibling file it loads from its own folder, as classic scripts.
const SCRIPT_FILES = [
  'consentgate.js',
  ...['manager', 'check', 'receipts', 'ui'].map((m) => `consentgate.${m}.js`),
];

test('the script-tag files ship with consentgate, as classic scripts', { timeout: 120_000 }, () => {
  const { files } = pack('consentgate');
  expect(files).toEqual(expect.arrayContaining(SCRIPT_FILES.map((file) => `dist/${file}`)));
  for (const file of SCRIPT_FILES)
    expect(readFileSync(join(root, `packages/consentgate/dist/${file}`), 'utf8'), file).not.toMatch(
      /^\s*(import|export)\b/m,
    );
});
