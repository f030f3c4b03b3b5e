import { resolveBlockerConfig } from '@consentgate/blocker';
import type { ConfigIssue } from '@consentgate/core';
import { describe, expect, test } from 'vitest';

const ids = ['necessary', 'analytics', 'advertising', 'pixels', 'functional'];
function resolve(input: unknown) {
  const issues: ConfigIssue[] = [];
  const config = resolveBlockerConfig(input, ids, (path, message) => issues.push({ path, message }));
  return { config, issues };
}

describe('resolveBlockerConfig', () => {
  test('defaults: no rules, every flag off', () => {
    expect(resolve(undefined)).toEqual({
      config: {
        rules: [],
        blockSameOrigin: false,
        debug: false,
        replayHeldRequests: false,
        reloadOnRevoke: false,
      },
      issues: [],
    });
  });

  test('valid values are kept', () => {
    const { config, issues } = resolve({
      rules: [
        { category: 'analytics', match: ['*.tracker.com', 'cdn.example.com/ads/', 'example.org:8080'] },
      ],
      debug: true,
      blockSameOrigin: true,
      reloadOnRevoke: true,
      replayHeldRequests: true,
    });
    expect(issues).toEqual([]);
    expect(config).toEqual({
      rules: [
        { category: 'analytics', match: ['*.tracker.com', 'cdn.example.com/ads/', 'example.org:8080'] },
      ],
      debug: true,
      blockSameOrigin: true,
      reloadOnRevoke: true,
      replayHeldRequests: true,
    });
  });

  test('flags that are not booleans are reported and off', () => {
    const { config, issues } = resolve({
      debug: 'yes',
      blockSameOrigin: 1,
      reloadOnRevoke: null,
      replayHeldRequests: {},
    });
    expect(issues).toEqual([
      { path: 'blockSameOrigin', message: 'expected true or false' },
      { path: 'debug', message: 'expected true or false' },
      { path: 'replayHeldRequests', message: 'expected true or false' },
      { path: 'reloadOnRevoke', message: 'expected true or false' },
    ]);
    expect(config).toMatchObject({
      debug: false,
      blockSameOrigin: false,
      reloadOnRevoke: false,
      replayHeldRequests: false,
    });
  });

  test('rule problems are reported with their paths; invalid rules and patterns are dropped', () => {
    const { config, issues } = resolve({
      rules: [
        { category: 'analytics', match: ['*.ok.com'] },
        { category: 'nope', match: ['a.com'] },
        { category: 'advertising', match: ['ads.com', 'bad host', 'http://x.com', 3] },
        'x',
        { match: ['a.com'] },
        { category: 'functional', match: 'a.com' },
      ],
    });
    expect(issues).toEqual([
      {
        path: 'rules[1].category',
        message: 'expected one of necessary, analytics, advertising, pixels, functional',
      },
      {
        path: 'rules[2].match[1]',
        message: 'expected a host pattern like *.example.com or example.com/path',
      },
      {
        path: 'rules[2].match[2]',
        message: 'expected a host pattern like *.example.com or example.com/path',
      },
      {
        path: 'rules[2].match[3]',
        message: 'expected a host pattern like *.example.com or example.com/path',
      },
      { path: 'rules[3]', message: 'expected an object' },
      { path: 'rules[4].category', message: 'required' },
      { path: 'rules[5].match', message: 'expected an array' },
    ]);
    expect(config.rules).toEqual([
      { category: 'analytics', match: ['*.ok.com'] },
      { category: 'advertising', match: ['ads.com'] },
    ]);
    expect(resolve({ rules: {} }).issues.map((issue) => issue.path)).toEqual(['rules']);
  });

  test('a getter that throws is reported by its path; the other fields are kept', () => {
    const { config, issues } = resolve({
      debug: true,
      get rules(): unknown {
        throw new Error('trap');
      },
    });
    expect(issues).toEqual([{ path: 'rules', message: 'unreadable (Error: trap)' }]);
    expect(config).toMatchObject({ rules: [], debug: true });
  });
});
