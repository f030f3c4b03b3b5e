import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { STRING_KEYS } from '../src/string-keys';
import { resolveUIOptions } from '../src/ui-options';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

test('the README documents every string key', () => {
  for (const key of STRING_KEYS) expect(readme, key).toContain(`\`${key}\``);
});

test('the README documents every config.ui key', () => {
  for (const key of Object.keys(resolveUIOptions({}).options))
    expect(readme, key).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'));
  for (const key of ['radius', 'font']) expect(readme).toMatch(new RegExp(`^\\| \`${key}\` +\\|`, 'm'));
});
