// A throwaway PostgreSQL cluster for tests and the benchmark: initdb in a temp folder, started on
// a free port of 127.0.0.1 (as the `postgres` OS user when run as root, which PostgreSQL requires),
// trust auth, stopped and deleted afterwards. Uses Debian's binaries (/usr/lib/postgresql/N/bin)
// or $PG_BIN. .ci/run installs Debian's `postgresql` when they are missing.
//
//   eval "$(node e2e/support/postgres.mjs start)"   # exports CG_TEST_DATABASE_URL and CG_TEST_PGDATA
//   node e2e/support/postgres.mjs stop "$CG_TEST_PGDATA"
//
// From code: `const pg = await startPostgres(); … pg.url … await pg.stop();`
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder with initdb, pg_ctl and postgres (newest Debian version first), or null. */
export function findPostgresBin() {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : null;
}

const isRoot = () => process.getuid?.() === 0;

// PostgreSQL refuses to run as root: as root, each command runs as the `postgres` user.
function run(bin, command, args, cwd) {
  const file = join(bin, command);
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  return execFileSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts a new cluster. Resolves with `{ url, dir, stop() }`; `url` is
 * `postgres://postgres@127.0.0.1:PORT/postgres`. Throws, saying why, without the binaries.
 */
export async function startPostgres() {
  const bin = findPostgresBin();
  if (!bin) throw new Error('no PostgreSQL binaries (apt-get install postgresql, or set PG_BIN)');
  const dir = mkdtempSync(join(tmpdir(), 'cg-pg-'));
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  try {
    run(
      bin,
      'initdb',
      ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync'],
      dir,
    );
    // A port can be taken between the check and the start: try a few.
    for (let attempt = 1; ; attempt++) {
      const port = await freePort();
      try {
        run(
          bin,
          'pg_ctl',
          [
            '-D',
            data,
            '-l',
            join(dir, 'server.log'),
            '-w',
            '-t',
            '120',
            '-o',
            `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`,
            'start',
          ],
          dir,
        );
        const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
        return { url, dir, stop: () => stopPostgres(dir) };
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  } catch (error) {
    const log = existsSync(join(dir, 'server.log')) ? readFileSync(join(dir, 'server.log'), 'utf8') : '';
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL: ${error.stderr || error.message}\n${log}`);
  }
}

/** Stops the cluster in `dir` (what `startPostgres` made) and deletes it. */
export function stopPostgres(dir) {
  const bin = findPostgresBin();
  if (bin && existsSync(join(dir, 'data', 'postmaster.pid'))) {
    try {
      run(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'fast', '-w', 'stop'], dir);
    } catch {
      // Already stopped: nothing to do but delete.
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, dir] = process.argv.slice(2);
  if (command === 'start') {
    const pg = await startPostgres();
    process.stdout.write(`export CG_TEST_DATABASE_URL='${pg.url}'\nexport CG_TEST_PGDATA='${pg.dir}'\n`);
  } else if (command === 'stop' && (dir || process.env.CG_TEST_PGDATA)) {
    stopPostgres(dir || process.env.CG_TEST_PGDATA);
  } else {
    process.stderr.write('usage: node e2e/support/postgres.mjs start | stop <dir>\n');
    process.exit(2);
  }
}
