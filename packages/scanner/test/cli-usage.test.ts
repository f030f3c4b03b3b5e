// Usage errors answer 2 with a message, before any browser starts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT, runCli } from '@consentgate/scanner';
import { afterAll, describe, expect, test } from 'vitest';
import { memoryIo } from './support/servers';

const dir = mkdtempSync(join(tmpdir(), 'cg-scan-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 'broken.json'), '{ "rules": [ }');
writeFileSync(join(dir, 'list.json'), '[1, 2]');

const URL = 'http://127.0.0.1:9/';

describe('consentgate-scan usage errors exit 2', () => {
  test.each([
    [[], /missing required argument 'url'/],
    [['not a url'], /not an http\(s\) URL: not a url/],
    [['ftp://example.com/'], /not an http\(s\) URL/],
    [
      [URL, '--max-pages', 'many'],
      /--max-pages <n>' argument 'many' is invalid\. expected a whole number of at least 1/,
    ],
    [[URL, '--max-pages', '0'], /expected a whole number of at least 1/],
    [[URL, '--delay-ms', '-5'], /expected a whole number/],
    [[URL, '--frobnicate'], /unknown option '--frobnicate'/],
    [[URL, '--map-host', 'localhost:4174'], /expected host\[:port\]=host\[:port\]/],
    [[URL, '--config', join(dir, 'missing.json')], /cannot read the config .*missing\.json: ENOENT/],
    [[URL, '--config', join(dir, 'broken.json')], /cannot read the config .*broken\.json: .*JSON/],
    [[URL, '--config', join(dir, 'list.json')], /is not a JSON object/],
  ])('%j', async (argv, message) => {
    const io = memoryIo({ cwd: dir });
    expect(await runCli(argv as string[], io)).toBe(EXIT.usage);
    expect(io.err()).toMatch(message);
    expect(io.out()).toBe('');
  });

  test('a CHROMIUM_PATH that names no file', async () => {
    const io = memoryIo({ cwd: dir, env: { CHROMIUM_PATH: join(dir, 'no-such-chromium') } });
    expect(await runCli([URL], io)).toBe(EXIT.usage);
    expect(io.err()).toContain('CHROMIUM_PATH points at a missing file');
  });

  test('--help prints the options and exits 0', async () => {
    const io = memoryIo({ cwd: dir });
    expect(await runCli(['--help'], io)).toBe(EXIT.clean);
    for (const flag of [
      '--max-pages',
      '--max-depth',
      '--timeout-ms',
      '--delay-ms',
      '--out',
      '--config',
      '--json',
      '--map-host',
    ])
      expect(io.out()).toContain(flag);
  });
});
