// The machine a run was measured on, as the README quotes it.
import { execFileSync } from 'node:child_process';
import { cpus, platform, release, totalmem } from 'node:os';

export function machine(browserVersion) {
  const out = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    nproc: Number(out('nproc', [])) || cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${platform()} ${release()}`,
    node: process.version,
    chromium: browserVersion,
  };
}
