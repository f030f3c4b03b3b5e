/**
 * Whether the cookie `name` is covered by `pattern`: an exact name (`_gid`) or a pattern where
 * `*` stands for any run of characters (`_ga_*`, `Hm_lvt_*`). Case-sensitive, like cookie names.
 */
export function cookieMatches(name: string, pattern: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return name === pattern;
  const last = parts.pop()!;
  let at = 0;
  for (const [i, part] of parts.entries()) {
    const found = i === 0 ? (name.startsWith(part) ? 0 : -1) : name.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return name.length - last.length >= at && name.endsWith(last);
}
