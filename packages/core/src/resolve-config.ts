import { createChecks, formatIssues, PROTOTYPE_KEYS, type Report, read, type Spec } from './config-checks';
import { CATEGORY_ID, isObject } from './consent-record';
import { DEFAULT_CATEGORY_IDS } from './default-categories';
import type { CategoryConfig, CategoryId, ConfigIssue, ResolvedConfig } from './types';

/** The top-level keys core reads; every feature has its own (see `checkConfig` in `consentgate`). */
export const CORE_KEYS: ReadonlyArray<string> = [
  'categories',
  'policyVersion',
  'policyUrl',
  'policyArchive',
  'cookie',
  'lifetimeDays',
  'locale',
  'translations',
  'gpc',
  'minimumAge',
  'policyChanges',
];

/**
 * The defaults of every core field. Its categories carry no texts: the built-in texts are looked
 * up where they are shown (see `categoryText`), so the gate does not ship them.
 */
export const DEFAULT_CONFIG: ResolvedConfig = {
  categories: Object.fromEntries(DEFAULT_CATEGORY_IDS.map((id) => [id, {}])),
  categoryIds: DEFAULT_CATEGORY_IDS,
  policyVersion: '1',
  policyUrl: undefined,
  policyArchive: {},
  cookie: { name: 'cg_consent', path: '/', sameSite: 'Lax', domain: undefined },
  lifetimeDays: 182,
  locale: undefined,
  translations: {},
  gpc: { honour: true, categories: ['advertising', 'pixels'] },
  minimumAge: undefined,
  policyChanges: undefined,
};

/** The checks of one field's value, shared with `normalizeConfig` so the two cannot disagree. */
export const VALID = {
  cookieName: /^[\w!#$%&'*+.^`|~-]+$/,
  domain: /^\.?[a-z0-9-]+(\.[a-z0-9-]+)*$/i,
  path: /^\/[^;\s]*$/,
  sameSite: /^(lax|strict|none)$/i,
  lifetimeDays: (v: unknown): v is number => typeof v === 'number' && v > 0 && v <= 36500,
  minimumAge: (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 99,
};

/** `Lax` for `lax`: the spelling a `Set-Cookie` header uses. */
export const sameSiteOf = (value: string): ResolvedConfig['cookie']['sameSite'] =>
  (value[0].toUpperCase() + value.slice(1).toLowerCase()) as ResolvedConfig['cookie']['sameSite'];

export interface ResolveOptions {
  /** Top-level keys other features read: not reported as unknown here. */
  otherKeys?: ReadonlyArray<string>;
}

/**
 * Checks the core slice of a site's config (anything, typically `window.consentgateConfig`) and
 * fills in defaults. Never throws: each invalid field is replaced by its default and reported
 * with its path, e.g. `{ path: 'lifetimeDays', message: 'expected a positive number' }`; a field
 * whose getter throws is reported and the others are kept. `undefined` means "no config".
 */
export function resolveConfig(
  input: unknown,
  options: ResolveOptions = {},
): { config: ResolvedConfig; issues: ConfigIssue[] } {
  const issues: ConfigIssue[] = [];
  const config = resolveWith(input, (path, message) => issues.push({ path, message }), options.otherKeys);
  return { config, issues };
}

/** {@link resolveConfig} with its own reporter (for a caller that gathers every feature's issues). */
export function resolveWith(
  input: unknown,
  report: Report,
  otherKeys: ReadonlyArray<string> = [],
): ResolvedConfig {
  const c = createChecks(report);
  const { bad, is, list, object, name, flag, text, string, matching } = c;
  if (!isObject(input)) {
    if (input !== undefined) bad('config', 'expected an object');
    return DEFAULT_CONFIG;
  }

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

  // Only the site's own texts: the built-in ones are looked up where they are shown (`categoryText`).
  const categories: Record<CategoryId, CategoryConfig> = { ...DEFAULT_CONFIG.categories };
  const categoryIds = [...DEFAULT_CONFIG.categoryIds];
  const given = read(input, 'categories', 'categories', report);
  if (given !== undefined && !isObject(given)) bad('categories', 'expected an object');
  for (const id of isObject(given) ? Object.keys(given) : []) {
    const path = `categories.${id}`;
    if (!CATEGORY_ID.test(id)) {
      bad(path, 'expected an id of a-z, 0-9 and _, starting with a letter');
      continue;
    }
    const category = object(categorySpec)(read(given as Record<string, unknown>, id, path, report), path) as
      | CategoryConfig
      | undefined;
    if (!category) continue;
    if (id === 'necessary' && category.separate) {
      bad(`${path}.separate`, 'necessary is always granted');
      category.separate = false;
    }
    categories[id] = category;
    if (!categoryIds.includes(id)) categoryIds.push(id);
  }
  const category = is(
    (v) => typeof v === 'string' && categoryIds.includes(v),
    `expected one of ${categoryIds.join(', ')}`,
  );

  const { cookie, gpc, ...options } = c.fields(
    input,
    '',
    {
      categories: () => undefined,
      policyVersion: (value, path) =>
        typeof value === 'number' && Number.isFinite(value) ? String(value) : name(value, path),
      policyUrl: string,
      policyArchive: is(c.strings, 'expected an object of URLs per version'),
      cookie: object({
        name: matching(VALID.cookieName, 'expected a cookie name (letters, digits, _ or -)'),
        domain: matching(VALID.domain, 'expected a domain like .example.com'),
        path: matching(VALID.path, 'expected a path starting with /'),
        sameSite: (value, path) =>
          typeof value === 'string' && VALID.sameSite.test(value)
            ? sameSiteOf(value)
            : bad(path, 'expected Lax, Strict or None'),
      }),
      lifetimeDays: is(VALID.lifetimeDays, 'expected a positive number (at most 36500)'),
      locale: name,
      translations: is(
        (v) => isObject(v) && Object.keys(v).every((k) => !PROTOTYPE_KEYS.includes(k) && c.strings(v[k])),
        'expected an object of string tables per locale',
      ),
      gpc: (value, path) =>
        typeof value === 'boolean'
          ? { honour: value }
          : isObject(value)
            ? { honour: true, ...(object({ categories: list(category) })(value, path) as {}) }
            : bad(path, 'expected true, false or { categories: [...] }'),
      minimumAge: is(VALID.minimumAge, 'expected a whole number of years (1 to 99)'),
      policyChanges: text,
    },
    otherKeys,
  ) as Record<string, unknown>;
  return {
    ...DEFAULT_CONFIG,
    ...options,
    gpc: { ...DEFAULT_CONFIG.gpc, ...(gpc as {}) },
    cookie: { ...DEFAULT_CONFIG.cookie, ...(cookie as {}) },
    categories,
    categoryIds,
  };
}

export { formatIssues };
