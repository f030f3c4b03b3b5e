import { CATEGORY_ID, hasOwn, isObject } from './consent-record';
import { DEFAULT_CATEGORIES } from './default-categories';
import type {
  CategoryConfig,
  CategoryId,
  ConfigIssue,
  ConsentModeSignal,
  ResolvedConfig,
  ResolvedConsentMode,
} from './types';

type Check = (value: unknown, path: string) => unknown;
type Spec = Record<string, Check>;

const OBJECT = 'expected an object';
const strings = (value: unknown): boolean =>
  isObject(value) && Object.values(value).every((s) => typeof s === 'string');
const HOST_PATTERN = /^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d+)?(\/\S*)?$/i;
// ISO 3166-1 alpha-2, optionally with an ISO 3166-2 subdivision: what gtag accepts in `region`.
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;

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

/**
 * Checks a site's config (anything, typically `window.consentgateConfig`) and fills in defaults.
 * Never throws: each invalid field is replaced by its default and reported with its path, e.g.
 * `{ path: 'lifetimeDays', message: 'expected a positive number' }`. `undefined` means "no config".
 */
export function resolveConfig(input: unknown): { config: ResolvedConfig; issues: ConfigIssue[] } {
  try {
    return resolve(input);
  } catch (error) {
    // Only exotic input gets here (a Proxy or getter that throws).
    return {
      config: resolve(undefined).config,
      issues: [{ path: 'config', message: `unreadable (${error})` }],
    };
  }
}

function resolve(input: unknown): { config: ResolvedConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const bad = (path: string, message: string): undefined => {
    issues.push({ path, message });
  };
  const is =
    (ok: (value: unknown) => boolean, message: string): Check =>
    (value, path) =>
      ok(value) ? value : bad(path, message);
  const string = is((v) => typeof v === 'string', 'expected a string');
  const matching = (pattern: RegExp, message: string) =>
    is((v) => typeof v === 'string' && pattern.test(v), message);
  const name = is((v) => typeof v === 'string' && v !== '', 'expected a non-empty string');
  const flag = is((v) => typeof v === 'boolean', 'expected true or false');
  const text = is(
    (v) => typeof v === 'string' || strings(v),
    'expected a string or an object of strings per locale',
  );
  const list =
    (item: Check): Check =>
    (value, path) =>
      Array.isArray(value)
        ? value.map((x, i) => item(x, `${path}[${i}]`)).filter((x) => x !== undefined)
        : bad(path, 'expected an array');
  // Copies the valid fields of `value`; reports the invalid and unknown ones.
  const fields = (value: Record<string, unknown>, path: string, spec: Spec): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key in value) {
      if (!hasOwn(spec, key)) {
        const near = Object.keys(spec).filter((known) => distance(key, known) < 3)[0];
        bad(path + key, `unknown option${near ? ` (did you mean ${near}?)` : ''}`);
      } else if (value[key] !== undefined) {
        const checked = spec[key](value[key], path + key);
        if (checked !== undefined) out[key] = checked;
      }
    }
    return out;
  };
  // An object of `spec`; dropped when a `required` field is missing or invalid.
  const object =
    (spec: Spec, ...required: string[]): Check =>
    (value, path) => {
      if (!isObject(value)) return bad(path, OBJECT);
      const out = fields(value, `${path}.`, spec);
      for (const key of required)
        if (out[key] === undefined)
          return value[key] === undefined ? bad(`${path}.${key}`, 'required') : undefined;
      return out;
    };

  const categorySpec: Spec = {
    label: text,
    description: text,
    services: list(
      object(
        {
          name,
          provider: string,
          purpose: text,
          cookies: list((value, path) =>
            typeof value === 'string' && value
              ? value
              : object({ name, lifetime: text, purpose: text }, 'name')(value, path),
          ),
        },
        'name',
      ),
    ),
    cookies: list(name),
    separate: flag,
    recipient: object({ name, contact: string, purpose: text, dataTypes: text }, 'name'),
  };

  if (!isObject(input) && input !== undefined) bad('config', OBJECT);
  const root = isObject(input) ? input : {};
  const categories: Record<CategoryId, CategoryConfig> = { ...DEFAULT_CATEGORIES };
  const categoryIds = Object.keys(categories);
  const given = (root.categories === undefined ? {} : is(isObject, OBJECT)(root.categories, 'categories')) as
    | Record<string, unknown>
    | undefined;
  for (const id in given) {
    const path = `categories.${id}`;
    if (!CATEGORY_ID.test(id)) {
      bad(path, 'expected an id of a-z, 0-9 and _, starting with a letter');
      continue;
    }
    const category = object(categorySpec)(given[id], path) as CategoryConfig | undefined;
    if (!category) continue;
    const base: CategoryConfig = hasOwn(DEFAULT_CATEGORIES, id) ? DEFAULT_CATEGORIES[id] : {};
    const merged: Record<string, unknown> = { ...base, ...category };
    for (const key of ['label', 'description'] as const)
      if (isObject(base[key]) && isObject(category[key]))
        merged[key] = { ...(base[key] as {}), ...category[key] };
    if (id === 'necessary' && merged.separate) {
      bad(`${path}.separate`, 'necessary is always granted');
      merged.separate = false;
    }
    categories[id] = merged;
    if (!categoryIds.includes(id)) categoryIds.push(id);
  }

  const category = is(
    (v) => typeof v === 'string' && categoryIds.includes(v),
    `expected one of ${categoryIds.join(', ')}`,
  );
  const consentMode = (value: unknown, path: string): ResolvedConsentMode | null | undefined => {
    if (value === false) return null;
    const functional = categoryIds.includes('functional') ? ['functional'] : [];
    const mapping: Record<ConsentModeSignal, CategoryId[]> = {
      ad_storage: ['advertising'],
      ad_user_data: ['advertising'],
      ad_personalization: ['advertising'],
      analytics_storage: ['analytics'],
      functionality_storage: functional,
      personalization_storage: functional,
      security_storage: ['necessary'],
    };
    const given = (
      value === true
        ? {}
        : object({
            mapping: object(
              Object.fromEntries(Object.keys(mapping).map((signal) => [signal, list(category)])),
            ),
            regions: list(
              object(
                {
                  region: list(matching(REGION, 'expected a region code like US or US-CA')),
                  granted: list(category),
                },
                'region',
              ),
            ),
            waitForUpdate: is(
              (v) => typeof v === 'number' && v >= 0 && v <= 60000,
              'expected a number of milliseconds (0 to 60000)',
            ),
          })(value, path)
    ) as Record<string, unknown> | undefined;
    if (!given) return;
    return {
      mapping: { ...mapping, ...(given.mapping as {}) },
      // An entry left without a valid region would be a global default: dropped (already reported).
      regions: ((given.regions || []) as Array<{ region: string[]; granted?: string[] }>)
        .filter((entry) => entry.region.length)
        .map((entry) => ({ region: entry.region, granted: entry.granted || [] })),
      waitForUpdate: (given.waitForUpdate as number | undefined) ?? 500,
    };
  };

  const { cookie, gpc, ...options } = fields(root, '', {
    categories: () => undefined,
    policyVersion: (value, path) =>
      typeof value === 'number' && Number.isFinite(value) ? String(value) : name(value, path),
    policyUrl: string,
    policyArchive: is(strings, 'expected an object of URLs per version'),
    cookie: object({
      name: matching(/^[\w!#$%&'*+.^`|~-]+$/, 'expected a cookie name (letters, digits, _ or -)'),
      domain: matching(/^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i, 'expected a domain like .example.com'),
      path: matching(/^\/[^;\s]*$/, 'expected a path starting with /'),
      sameSite: (value, path) =>
        typeof value === 'string' && /^(lax|strict|none)$/i.test(value)
          ? value[0].toUpperCase() + value.slice(1).toLowerCase()
          : bad(path, 'expected Lax, Strict or None'),
    }),
    lifetimeDays: is(
      (v) => typeof v === 'number' && v > 0 && v <= 36500,
      'expected a positive number (at most 36500)',
    ),
    rules: list(
      object(
        {
          category,
          match: list(
            matching(HOST_PATTERN, 'expected a host pattern like *.example.com or example.com/path'),
          ),
        },
        'category',
        'match',
      ),
    ),
    locale: name,
    translations: is(
      (v) => isObject(v) && Object.values(v).every(strings),
      'expected an object of string tables per locale',
    ),
    ui: is(isObject, OBJECT),
    debug: flag,
    blockSameOrigin: flag,
    reloadOnRevoke: flag,
    replayHeldRequests: flag,
    googleConsentMode: (value, path) =>
      typeof value === 'boolean' || isObject(value)
        ? consentMode(value, path)
        : bad(path, 'expected true, false or an object'),
    gpc: (value, path) =>
      typeof value === 'boolean'
        ? { honour: value }
        : isObject(value)
          ? { honour: true, ...(object({ categories: list(category) })(value, path) as {}) }
          : bad(path, 'expected true, false or { categories: [...] }'),
    receipts: object(
      {
        endpoint: matching(/^\S+$/, 'expected a URL (absolute or relative to the page)'),
      },
      'endpoint',
    ),
    minimumAge: is(
      (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 99,
      'expected a whole number of years (1 to 99)',
    ),
    policyChanges: text,
  });
  const config: ResolvedConfig = {
    policyVersion: '1',
    policyUrl: undefined,
    policyArchive: {},
    lifetimeDays: 182,
    rules: [],
    locale: undefined,
    translations: {},
    ui: {},
    debug: false,
    blockSameOrigin: false,
    reloadOnRevoke: false,
    replayHeldRequests: false,
    googleConsentMode: null,
    receipts: null,
    minimumAge: undefined,
    policyChanges: undefined,
    ...options,
    gpc: { honour: true, categories: ['advertising', 'pixels'], ...(gpc as {}) },
    cookie: { name: 'cg_consent', path: '/', sameSite: 'Lax', domain: undefined, ...(cookie as {}) },
    categories,
    categoryIds,
  };
  return { config, issues };
}

/** All issues as one message (for one `console.error`), one `path: problem` per line. */
export function formatIssues(issues: ConfigIssue[]): string {
  return `invalid config, using defaults for:${issues.map((issue) => `\n  ${issue.path}: ${issue.message}`).join('')}`;
}
