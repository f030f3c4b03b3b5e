// Runs the real `consentgate-collector` bin (packages/collector/dist/cli.js) as a child process.
// The bin is built first when it is missing or older than the sources (rollup, collector only).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const CLI = `${root}packages/collector/dist/cli.js`;

const newest = (dir: string): number =>
  Math.max(...readdirSync(dir).map((name) => statSync(`${dir}/${name}`).mtimeMs));

/** Builds dist/ with the repo's one rollup config when it is missing or stale. */
export function ensureBuilt() {
  const src = `${root}packages/collector/src`;
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= newest(src)) return;
  const rollup = createRequire(`${root}package.json`).resolve('rollup/dist/bin/rollup');
  const builds = existsSync(`${root}packages/core/dist/index.d.ts`) ? 'collector' : 'core,collector';
  execFileSync(process.execPath, [rollup, '-c', 'rollup.config.mjs'], {
    cwd: root,
    env: { ...process.env, CG_BUILD: builds },
    stdio: 'pipe',
  });
}

/** A started collector process. */
export interface CollectorProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once it has exited. */
  exited: Promise<number | string>;
}

/**
 * Starts `consentgate-collector <args>` and resolves once it prints that it is listening.
 * `DATABASE_URL` is set only when `databaseUrl` is given.
 */
export function startCli(
  args: string[],
  {
    databaseUrl,
    env = {},
    timeoutMs = 120_000,
  }: { databaseUrl?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<CollectorProcess> {
  const { DATABASE_URL: _, ...base } = process.env;
  const child = spawn(process.execPath, [CLI, ...args], {
    env: { ...base, ...env, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the collector did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the collector exited (${code}) before listening:\n${output}`));
    });
    const read = (chunk: Buffer) => {
      output += chunk;
      const found = /^consentgate-collector listening on (http:\/\/\S+)/m.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ child, url: found[1]!, output: () => output, exited });
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  });
}

/** Polls `condition` every 20 ms until it holds; throws after `timeoutMs`. */
export async function until(condition: () => boolean, timeoutMs: number, what: string) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
