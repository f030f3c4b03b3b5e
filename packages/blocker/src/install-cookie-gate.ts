import { cookieMatches } from './cookie-matches';
import { type Gate, patchSetter } from './gate';

/** `[pattern, category]`, the site's first, then the catalogue's. */
export type CookieRule = readonly [string, string];

/** The category the cookie `name` belongs to, by the first matching pattern. */
export function cookieCategory(rules: ReadonlyArray<CookieRule>, name: string): string | undefined {
  return rules.find(([pattern]) => cookieMatches(name, pattern))?.[1];
}

/**
 * Drops `document.cookie` writes of cookies whose category is denied (deletions still pass).
 * Returns the function that deletes every cookie of a category, for revocation.
 */
export function installCookieGate(gate: Gate, rules: ReadonlyArray<CookieRule>): (category: string) => void {
  const w = gate._w;
  const proto = w.Document.prototype;
  const original = Object.getOwnPropertyDescriptor(proto, 'cookie');
  patchSetter(
    gate,
    proto,
    'cookie',
    (set) =>
      function (this: Document, value: unknown) {
        const text = String(value);
        const name = text.split('=')[0].trim();
        const category = cookieCategory(rules, name);
        if (category && !gate._allowed(category) && !isDeletion(text)) gate._drop('cookie', name, category);
        else set.call(this, value);
      },
  );

  return (category) => {
    if (!original?.get || !original.set) return;
    const names = String(original.get.call(w.document))
      .split(';')
      .map((pair) => pair.split('=')[0].trim())
      .filter((name) => name && cookieCategory(rules, name) === category);
    if (!names.length) return;
    // A cookie is identified by name, domain and path: clear every scope it could have been
    // written with from this page (host-only, each parent domain; `/` and each ancestor path).
    const { hostname, pathname, protocol } = w.location;
    const domains = [''];
    const labels = hostname.split('.');
    if (!/^[\d.]+$|:/.test(hostname)) {
      for (let i = 0; i < labels.length - 1; i++) domains.push(`;domain=${labels.slice(i).join('.')}`);
    }
    const paths = new Set(['/']);
    let path = '';
    for (const part of pathname.split('/').slice(1)) {
      path += `/${part}`;
      paths.add(path);
      paths.add(`${path}/`);
    }
    const secure = protocol === 'https:' ? ';secure' : '';
    for (const name of names) {
      for (const domain of domains) {
        for (const p of paths) {
          original.set.call(
            w.document,
            `${name}=;expires=Thu, 01 Jan 1970 00:00:00 GMT;path=${p}${domain}${secure}`,
          );
        }
      }
    }
    gate._log('deleted', 'cookie', names.join(' '), category);
  };
}

function isDeletion(text: string): boolean {
  const age = /;\s*max-age\s*=\s*(-?\d+)/i.exec(text);
  if (age) return Number(age[1]) <= 0;
  const expires = /;\s*expires\s*=\s*([^;]*)/i.exec(text);
  return !!expires && Date.parse(expires[1]) <= Date.now();
}
