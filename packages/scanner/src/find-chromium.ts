// Which Chromium the scanner runs, found the way the repo's tests find theirs
// (e2e/support/chromium.mjs): $CHROMIUM_PATH, Debian's /usr/bin/chromium, then Playwright's own.
import { existsSync } from 'node:fs';

/** Thrown when `$CHROMIUM_PATH` names a file that is not there. */
export class ChromiumNotFoundError extends Error {
  constructor(path: string) {
    super(`CHROMIUM_PATH points at a missing file: ${path}`);
    this.name = 'ChromiumNotFoundError';
  }
}

/**
 * The Chromium executable: `$CHROMIUM_PATH` (throws {@link ChromiumNotFoundError} when that
 * file is missing), else `/usr/bin/chromium` when it exists, else `undefined` (Playwright then
 * uses a browser it downloaded itself, `npx playwright install chromium`).
 */
export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const fromEnv = env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new ChromiumNotFoundError(fromEnv);
    return fromEnv;
  }
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/**
 * Launch flags: headless on a machine without a GPU, no background traffic of Chromium's own
 * (it would show up as requests no page made). `--no-sandbox` only as root, where Chromium
 * cannot sandbox itself; a scan of untrusted sites is safer as a normal user.
 */
export function chromiumArgs(isRoot = process.getuid?.() === 0): string[] {
  return [
    ...(isRoot ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}
