// What `pnpm pack` ships for the scanner: dist + README + licence + package.json, the bin and
// every `exports` target present, no `workspace:` range left (as the other packages' own
// packaging test checks them). Needs a build (cli-process.test.ts makes one; `pnpm build` too).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ROOT } from './support/servers';

const dir = join(ROOT, 'packages/scanner');
const out = mkdtempSync(join(tmpdir(), 'cg-scan-pack-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

test.runIf(existsSync(join(dir, 'dist/cli.js')))(
  'ships dist with the bin and the exports, README and licence, and no workspace: ranges',
  () => {
    const json = execFileSync('npx', ['-y', 'pnpm@12.21.0', 'pack', '--json', '--pack-destination', out], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tarball = join(
      out,
      JSON.parse(json.slice(json.indexOf('{')))
        .filename.split('/')
        .pop(),
    );
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((file) => file.replace(/^package\//, ''));
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    expect(files.filter((file) => !/^(dist\/|README\.md$|LICENSE$|package\.json$)/.test(file))).toEqual([]);
    expect(manifest.bin).toEqual({ 'consentgate-scan': './dist/cli.js' });
    for (const target of ['dist/cli.js', 'dist/index.js', 'dist/index.d.ts']) expect(files).toContain(target);
    expect(JSON.stringify(manifest.dependencies)).not.toContain('workspace:');
    expect(manifest.dependencies).toMatchObject({ 'playwright-core': '1.65.1' });
    // The package's declared Node floor matches what the bin's dependencies need.
    expect(manifest.engines.node).toBe(
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node,
    );
  },
  120_000,
);
