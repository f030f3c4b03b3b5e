// The building blocks every feature validates its slice of the config with (core's own
// fields, the blocker's rules, Consent Mode, receipts, the UI), so that each feature owns its
// checks and all of them report alike: one `{ path, message }` per problem, never a throw.
import { hasOwn, isObject } from './consent-record';

/** Receives one problem: the path of the field (`rules[2].match[0]`) and what was expected. */
export type Report = (path: string, message: string) => void;
/** Checks one value: returns it (possibly normalised), or `undefined` after reporting. */
export type Check = (value: unknown, path: string) => unknown;
export type Spec = Record<string, Check>;

export const OBJECT = 'expected an object';
/** Keys that would reach `Object.prototype` through a plain object: never used as a name. */
export const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];

/** `obj[key]`, or `undefined` after reporting when a getter or a Proxy throws. */
export function read(obj: Record<string, unknown>, key: string, path: string, report: Report): unknown {
  try {
    return obj[key];
  } catch (error) {
    report(path, `unreadable (${String(error)})`);
  }
}

// Edit distance, to suggest `policyVersion` for `policyVerison`.
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (const char of a) {
    const next = [row[0] + 1];
    for (let j = 0; j < b.length; j++)
      next.push(Math.min(row[j + 1] + 1, next[j] + 1, row[j] + +(char !== b[j])));
    row = next;
  }
  return row[b.length];
}

/** `unknown option`, with the nearest known key when one is close. */
export function unknownOption(key: string, known: ReadonlyArray<string>): string {
  const near = known.find((name) => distance(key, name) < 3);
  return `unknown option${near ? ` (did you mean ${near}?)` : ''}`;
}

/** The checks, bound to one reporter. */
export function createChecks(report: Report) {
  const bad = (path: string, message: string): undefined => void report(path, message);
  const is =
    (ok: (value: unknown) => boolean, message: string): Check =>
    (value, path) =>
      ok(value) ? value : bad(path, message);
  const strings = (value: unknown): boolean =>
    isObject(value) &&
    Object.keys(value).every((k) => !PROTOTYPE_KEYS.includes(k) && typeof value[k] === 'string');
  const list =
    (item: Check): Check =>
    (value, path) =>
      Array.isArray(value)
        ? value.map((x, i) => item(x, `${path}[${i}]`)).filter((x) => x !== undefined)
        : bad(path, 'expected an array');
  // Copies the valid fields of `value`; reports the invalid and unknown ones. A field whose getter
  // throws is reported and left out; the others are kept.
  const fields = (
    value: Record<string, unknown>,
    path: string,
    spec: Spec,
    skip: ReadonlyArray<string> = [],
  ) => {
    const out: Record<string, unknown> = {};
    let keys: string[];
    try {
      keys = Object.keys(value);
    } catch (error) {
      return bad(path.replace(/\.$/, '') || 'config', `unreadable (${String(error)})`) ?? out;
    }
    for (const key of keys) {
      if (skip.includes(key)) continue;
      if (!hasOwn(spec, key) || PROTOTYPE_KEYS.includes(key))
        bad(path + key, unknownOption(key, Object.keys(spec)));
      else {
        const given = read(value, key, path + key, report);
        if (given === undefined) continue;
        const checked = spec[key](given, path + key);
        if (checked !== undefined) out[key] = checked;
      }
    }
    return out;
  };
  return {
    bad,
    is,
    list,
    fields,
    string: is((v) => typeof v === 'string', 'expected a string'),
    name: is((v) => typeof v === 'string' && v !== '', 'expected a non-empty string'),
    flag: is((v) => typeof v === 'boolean', 'expected true or false'),
    text: is(
      (v) => typeof v === 'string' || strings(v),
      'expected a string or an object of strings per locale',
    ),
    strings,
    matching: (pattern: RegExp, message: string) =>
      is((v) => typeof v === 'string' && pattern.test(v), message),
    /** An object of `spec`; dropped when a `required` field is missing or invalid. */
    object:
      (spec: Spec, ...required: string[]): Check =>
      (value, path) => {
        if (!isObject(value)) return bad(path, OBJECT);
        const out = fields(value, `${path}.`, spec);
        for (const key of required)
          if (out[key] === undefined)
            return hasOwn(value, key) ? undefined : bad(`${path}.${key}`, 'required');
        return out;
      },
  };
}

/** One message for one `console.error`, one `path: problem` per line. */
export function formatIssues(issues: ReadonlyArray<{ path: string; message: string }>): string {
  return `invalid config, using defaults for:${issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')}`;
}
