// `--map-host from=to`: requests to one host:port go to another. Tests point the example pages'
// `http://localhost:4174/…` at a tracker simulator on a free port; a site owner can point a
// production host at staging. Pure; the browser applies it through Playwright routing.
import type { HostMapping } from './types';

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i;

/**
 * Parses `localhost:4174=127.0.0.1:5000`. Throws an `Error` naming the problem when it is not
 * `host[:port]=host[:port]`.
 */
export function parseHostMapping(value: string): HostMapping {
  const [from, to, extra] = value.split('=');
  if (extra !== undefined || !from || !to || !HOST_PORT.test(from) || !HOST_PORT.test(to))
    throw new Error(`expected host[:port]=host[:port], got "${value}"`);
  return { from: from.toLowerCase(), to: to.toLowerCase() };
}

/** `url` with its host:port replaced by the first mapping whose `from` is its `host` (host:port). */
export function mapUrl(url: string, mappings: ReadonlyArray<HostMapping>): string {
  if (!mappings.length) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  const mapping = findMapping(parsed, mappings);
  if (!mapping) return url;
  parsed.host = mapping.to;
  return parsed.href;
}

/** The mapping that applies to `url`, if any (a `from` without a port matches every port). */
export function findMapping(url: URL, mappings: ReadonlyArray<HostMapping>): HostMapping | undefined {
  const host = url.host.toLowerCase();
  const name = url.hostname.toLowerCase();
  return mappings.find((mapping) => mapping.from === host || mapping.from === name);
}
