// Makes sure the browser tests have a Chromium before they start, on a machine that may have
// only Node and npm: $CHROMIUM_PATH, else /usr/bin/chromium, else Debian's package via apt
// (when root), else Playwright's own download. Prints what it uses; exits non-zero with the
// reason when nothing works.
import { execFileSync } from 'node:child_process';
import { chromiumPath } from './chromium.mjs';

const run = (cmd, args, env = {}) =>
  execFileSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });

let found = chromiumPath();
if (!found && process.platform === 'linux' && process.getuid?.() === 0) {
  try {
    console.log("ensure-chromium: installing Debian's chromium with apt-get");
    run('apt-get', ['update', '-qq']);
    run('apt-get', ['install', '-y', '-qq', 'chromium'], { DEBIAN_FRONTEND: 'noninteractive' });
    found = chromiumPath();
  } catch (error) {
    console.error(`ensure-chromium: apt-get failed (${error.message})`);
  }
}
if (!found) {
  try {
    run('npx', ['playwright', 'install', 'chromium']);
    console.log("ensure-chromium: using Playwright's own Chromium");
    process.exit(0);
  } catch {
    console.error(
      'ensure-chromium: no Chromium found. Install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
}
console.log(`ensure-chromium: ${found}`);
