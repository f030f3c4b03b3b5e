/**
 * Whether `host` is covered by `pattern`: `'example.com'` matches that host only, `'*.example.com'`
 * matches `example.com` and every sub-domain, `'*'` matches any host. Case-insensitive; a
 * trailing dot (fully-qualified name) is ignored.
 */
export function hostMatches(host: string, pattern: string): boolean {
  host = host.toLowerCase().replace(/\.$/, '');
  pattern = pattern.toLowerCase().replace(/\.$/, '');
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) {
    pattern = pattern.slice(2);
    return host === pattern || host.endsWith(`.${pattern}`);
  }
  return host === pattern;
}
