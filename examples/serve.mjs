// Serves the three examples: the repo root on http://127.0.0.1:4173/ (so pages load the built
// gate from /packages/consentgate/dist/) and the tracker simulator on http://localhost:4174/,
// a different origin playing every third party; and the receipts collector on
// http://127.0.0.1:4175/ (PGlite in .consentgate-collector/examples/, the site's origin allowed,
// a random admin token printed below). `PORT`, `TRACKER_PORT` and `COLLECTOR_PORT` change the
// ports; `COLLECTOR_DATA_DIR` its folder (`memory://`: nothing kept).
//
//   node examples/serve.mjs      (after building the packages and the examples; see README)
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../e2e/support/static-server.mjs';
import { startTrackerSimulator } from './tracker-simulator/server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const trackerPort = Number(process.env.TRACKER_PORT ?? 4174);
const collectorPort = Number(process.env.COLLECTOR_PORT ?? 4175);

const missing = [
  'packages/consentgate/dist/consentgate.js',
  'packages/collector/dist/index.js',
  'examples/spa/dist/index.html',
  'examples/dashboard/dist/index.html',
].filter((file) => !existsSync(root + file));
if (missing.length) {
  console.warn(`not built yet (run the build first, see README):\n  ${missing.join('\n  ')}`);
}

const tracker = await startTrackerSimulator({ port: trackerPort, quiet: false });
// The dashboard's Consent log reads the collector's admin API: this page hands it the URL and
// token, to loopback clients only (the server listens on 127.0.0.1 alone; the check says so twice).
let collectorInfo = null;
const site = await serveStatic({
  root,
  port,
  routes: {
    '/examples/collector.json': (req, res) => {
      const loopback = ['127.0.0.1', '::1', '::ffff:127.0.0.1'].includes(req.socket.remoteAddress ?? '');
      if (!loopback || !collectorInfo) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(collectorInfo));
    },
  },
});
const siteOrigin = `http://127.0.0.1:${site.address().port}`;
const { createCollector } = await import('../packages/collector/dist/index.js');
const token = process.env.CONSENTGATE_ADMIN_TOKEN || randomBytes(24).toString('hex');
const collector = await createCollector({
  dataDir: process.env.COLLECTOR_DATA_DIR ?? `${root}.consentgate-collector/examples`,
  origins: [siteOrigin, `http://localhost:${site.address().port}`],
  adminToken: token,
});
const collectorUrl = await collector.start({ port: collectorPort });
collectorInfo = { url: collectorUrl, token };
if (tracker.port !== 4174) {
  console.warn(
    `note: the example pages call their trackers at http://localhost:4174; on port ${tracker.port} the simulator receives nothing from them.`,
  );
}
console.log(`\n  ConsentGate examples:  http://127.0.0.1:${site.address().port}/examples/`);
console.log(`  tracker log:           ${tracker.url}`);
console.log(`  receipts collector:    ${collectorUrl}/v1/receipts  (PGlite; admin token ${token})\n`);
console.log('tracker hits appear below as they arrive (Ctrl+C stops the servers):');
// Close the collector's database cleanly, so PGlite needs no recovery at the next start.
for (const signal of ['SIGINT', 'SIGTERM'])
  process.once(signal, () => {
    collector.close().finally(() => process.exit(0));
  });
