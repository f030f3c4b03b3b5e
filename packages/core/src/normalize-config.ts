// The config as the gate reads it synchronously, in every visitor's <head>: type-safe, falling
// back to the default per field, with no messages and no deep checks. What it cannot take as
// given makes it `suspect`, and the gate then loads the full validation (resolveConfig and each
// feature's checks) off the blocking path, which names every problem. A test keeps the two in
// step: for a valid config they agree on everything; for any config, on what the gate uses.
import { CATEGORY_ID, isObject } from './consent-record';
import { CORE_KEYS, DEFAULT_CONFIG, sameSiteOf, VALID } from './resolve-config';
import type { CategoryConfig, ResolvedConfig } from './types';

const TEXT = (v: unknown) => typeof v === 'string' || isObject(v);

/**
 * Reads `input` into a {@link ResolvedConfig} without reporting: every field of the wrong kind
 * gets its default. `suspect` is true when anything was off (or a key is unknown, given the
 * `otherKeys` that other features read). Never throws.
 */
export function normalizeConfig(
  input: unknown,
  otherKeys: ReadonlyArray<string> = [],
): { config: ResolvedConfig; suspect: boolean } {
  let suspect = input !== undefined && !isObject(input);
  const get = (o: Record<string, unknown>, key: string): unknown => {
    try {
      return o[key];
    } catch {
      suspect = true;
    }
  };
  const keys = (o: unknown): string[] => {
    try {
      return isObject(o) ? Object.keys(o) : [];
    } catch {
      suspect = true;
      return [];
    }
  };
  // `o[key]` when `ok`, else (and then suspect) `fallback`; `undefined` is "not given".
  const take = <T>(o: unknown, key: string, ok: (v: unknown) => boolean, fallback: T): T => {
    if (!isObject(o)) return fallback;
    const value = get(o, key);
    if (value === undefined) return fallback;
    if (ok(value)) return value as T;
    suspect = true;
    return fallback;
  };
  const root = isObject(input) ? input : {};
  for (const key of keys(root)) if (!CORE_KEYS.includes(key) && !otherKeys.includes(key)) suspect = true;

  // Only the site's own texts: the built-in ones are looked up where they are shown (`categoryText`).
  const categories: Record<string, CategoryConfig> = { ...DEFAULT_CONFIG.categories };
  const categoryIds = [...DEFAULT_CONFIG.categoryIds];
  const given = take(root, 'categories', isObject, {} as Record<string, unknown>);
  for (const id of keys(given)) {
    const raw = get(given, id);
    if (!CATEGORY_ID.test(id) || !isObject(raw)) {
      suspect = true;
      continue;
    }
    const category: Record<string, unknown> = {};
    for (const key of keys(raw)) {
      const ok =
        key === 'separate'
          ? (v: unknown) => typeof v === 'boolean'
          : key === 'cookies' || key === 'services'
            ? Array.isArray
            : key === 'recipient'
              ? isObject
              : key === 'label' || key === 'description'
                ? TEXT
                : () => false;
      const value = take(raw, key, ok, undefined);
      if (value !== undefined) category[key] = value;
    }
    if (Array.isArray(category.cookies)) {
      const names = (category.cookies as unknown[]).filter((name) => typeof name === 'string' && name);
      if (names.length !== category.cookies.length) suspect = true;
      category.cookies = names;
    }
    if (id === 'necessary' && category.separate) {
      suspect = true;
      category.separate = false;
    }
    categories[id] = category;
    if (!categoryIds.includes(id)) categoryIds.push(id);
  }

  const cookie = take(root, 'cookie', isObject, {} as Record<string, unknown>);
  for (const key of keys(cookie)) if (!['name', 'path', 'sameSite', 'domain'].includes(key)) suspect = true;
  const policyVersion = take(
    root,
    'policyVersion',
    (v) => (typeof v === 'string' && v !== '') || (typeof v === 'number' && Number.isFinite(v)),
    DEFAULT_CONFIG.policyVersion,
  );
  const gpc = get(root, 'gpc');
  const gpcCategories = take(gpc, 'categories', Array.isArray, DEFAULT_CONFIG.gpc.categories as unknown[]);
  if (gpc !== undefined && typeof gpc !== 'boolean' && !isObject(gpc)) suspect = true;
  const string = (v: unknown) => typeof v === 'string';
  const matches = (pattern: RegExp) => (v: unknown) => typeof v === 'string' && pattern.test(v);
  const config: ResolvedConfig = {
    categories,
    categoryIds,
    policyVersion: String(policyVersion),
    policyUrl: take(root, 'policyUrl', string, undefined),
    policyArchive: take(root, 'policyArchive', isObject, {}),
    cookie: {
      name: take(cookie, 'name', matches(VALID.cookieName), DEFAULT_CONFIG.cookie.name),
      path: take(cookie, 'path', matches(VALID.path), DEFAULT_CONFIG.cookie.path),
      sameSite: sameSiteOf(take(cookie, 'sameSite', matches(VALID.sameSite), DEFAULT_CONFIG.cookie.sameSite)),
      domain: take(cookie, 'domain', matches(VALID.domain), undefined),
    },
    lifetimeDays: take(root, 'lifetimeDays', VALID.lifetimeDays, DEFAULT_CONFIG.lifetimeDays),
    locale: take(root, 'locale', (v) => typeof v === 'string' && v !== '', undefined),
    translations: take(root, 'translations', isObject, {}),
    gpc: {
      honour: gpc !== false,
      categories: gpcCategories.filter((id): id is string => {
        const ok = typeof id === 'string' && categoryIds.includes(id);
        suspect ||= !ok;
        return ok;
      }),
    },
    minimumAge: take(root, 'minimumAge', VALID.minimumAge, undefined),
    policyChanges: take(root, 'policyChanges', TEXT, undefined),
  };
  return { config, suspect };
}
