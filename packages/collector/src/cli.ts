// `consentgate-collector serve | migrate | retention`. The database is PostgreSQL when
// DATABASE_URL is set, else PGlite in --data-dir. The admin token comes from the environment
// (CONSENTGATE_ADMIN_TOKEN), never from an argument, so it does not show in `ps`.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { createCollector } from './collector';
import { openDatabase } from './db';
import { migrate } from './migrations';
import { applyRetention, ensurePartitions } from './partitions';
import { categoriesOfSiteConfig } from './site-categories';

const DEFAULT_DATA_DIR = '.consentgate-collector';

const integer = (min: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`expected an integer ≥ ${min}`);
  return n;
};
const list = (value: string) =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

interface DatabaseFlags {
  dataDir: string;
}

function database({ dataDir }: DatabaseFlags) {
  const url = process.env.DATABASE_URL;
  return {
    url,
    dataDir: resolve(dataDir),
    describe: url ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${resolve(dataDir)}`,
  };
}

const dataDirOption = () =>
  new Option('--data-dir <dir>', 'PGlite data folder, used when DATABASE_URL is unset').default(
    DEFAULT_DATA_DIR,
  );
const retentionOption = () =>
  new Option('--retention-months <n>', 'months of receipts kept').argParser(integer(1)).default(24);

const program = new Command('consentgate-collector')
  .description(
    'Stores ConsentGate receipts (proof of consent) in PostgreSQL, or PGlite when DATABASE_URL is unset.',
  )
  .showHelpAfterError();

program
  .command('serve')
  .description('run the HTTP service (migrates and creates partitions first)')
  .addOption(
    new Option('--port <port>', 'port to listen on (0: a free one)').argParser(integer(0)).default(4175),
  )
  .option('--host <host>', 'address to listen on', '127.0.0.1')
  .addOption(dataDirOption())
  .addOption(new Option('--origins <list>', "the site's origins, comma-separated ('*': any)").argParser(list))
  .addOption(
    new Option('--categories <list>', 'category ids a receipt may name, comma-separated')
      .argParser(list)
      .conflicts('config'),
  )
  .option('--config <file>', "the site's ConsentGate config (JSON): its categories are accepted")
  .addOption(retentionOption())
  .addOption(
    new Option('--ip <mode>', 'what is kept of the client address')
      .choices(['truncate', 'none'])
      .default('truncate'),
  )
  .addOption(
    new Option('--rate-limit <n>', 'requests per client per minute and route (0: no limit)')
      .argParser(integer(0))
      .default(600),
  )
  .option('--trust-proxy', 'read the client address from X-Forwarded-For (behind a load balancer)', false)
  .addOption(
    new Option('--group-window-ms <ms>', 'group commit: how long a receipt waits for others').argParser(
      integer(0),
    ),
  )
  .addOption(
    new Option(
      '--group-in-flight <n>',
      'group commit: statements in flight at once (default: the pool size)',
    ).argParser(integer(1)),
  )
  .addOption(
    new Option('--log-level <level>', 'pino log level')
      .choices(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
  )
  .action(async (flags) => {
    const db = database(flags);
    const categories = flags.config
      ? categoriesOfSiteConfig(JSON.parse(readFileSync(flags.config, 'utf8')))
      : flags.categories;
    const collector = await createCollector({
      databaseUrl: db.url,
      dataDir: db.dataDir,
      origins: flags.origins,
      categories,
      retentionMonths: flags.retentionMonths,
      ip: flags.ip,
      rateLimit: flags.rateLimit === 0 ? false : flags.rateLimit,
      trustProxy: flags.trustProxy,
      groupCommit: { windowMs: flags.groupWindowMs, parallel: flags.groupInFlight },
      logger: { level: flags.logLevel },
    });
    const { app } = collector;
    if (!flags.origins?.length) app.log.warn('no --origins: browsers on every origin are refused (403)');
    if (!process.env.CONSENTGATE_ADMIN_TOKEN)
      app.log.warn('CONSENTGATE_ADMIN_TOKEN is unset: admin routes answer 503');
    const url = await collector.start({ port: flags.port, host: flags.host });
    // One plain line whatever the log level, for people and for scripts that wait for it.
    process.stdout.write(`consentgate-collector listening on ${url} (${db.describe})\n`);
    let stopping = false;
    const stop = (signal: string) => {
      if (stopping) return;
      stopping = true;
      app.log.info(`${signal}: finishing the receipts in flight`);
      collector.close().then(
        () => process.exit(0),
        (error) => {
          app.log.error({ err: error }, 'close failed');
          process.exit(1);
        },
      );
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });

program
  .command('migrate')
  .description('bring the schema up to date and create the month partitions ahead, then exit')
  .addOption(dataDirOption())
  .action(async (flags) => {
    const where = database(flags);
    const db = await openDatabase(where);
    try {
      const ran = await migrate(db);
      const created = await ensurePartitions(db);
      console.log(
        `${where.describe}: ${ran.length ? `ran ${ran.join(', ')}` : 'schema up to date'}; ${created.length ? `created ${created.join(', ')}` : 'partitions in place'}`,
      );
    } finally {
      await db.close();
    }
  });

program
  .command('retention')
  .description('delete receipts older than the retention period (drops whole month partitions), then exit')
  .addOption(dataDirOption())
  .addOption(retentionOption())
  .action(async (flags) => {
    const where = database(flags);
    const db = await openDatabase(where);
    try {
      await migrate(db);
      const result = await applyRetention(db, { months: flags.retentionMonths });
      console.log(
        `${where.describe}: kept what arrived since ${result.cutoff}; dropped ${result.droppedPartitions.length ? result.droppedPartitions.join(', ') : 'no partition'}; deleted ${result.deletedRows} rows from the default partitions and ${result.deletedKeys} keys`,
      );
    } finally {
      await db.close();
    }
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`consentgate-collector: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
