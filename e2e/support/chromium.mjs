// Where to find a Chromium for the browser tests, in this order: $CHROMIUM_PATH, Debian's
// /usr/bin/chromium, then Playwright's own download (undefined lets Playwright look itself).
import { existsSync } from 'node:fs';

export function chromiumPath() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH points at a missing file: ${fromEnv}`);
    return fromEnv;
  }
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}

/** Launch flags for a closed-network, headless machine (see README "Testing"). */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const chromiumLaunchOptions = () => ({ executablePath: chromiumPath(), args: chromiumArgs });
