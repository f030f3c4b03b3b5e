// Serves the three examples: the repo root on http://127.0.0.1:4173/ (so pages load the built
// gate from /packages/consentgate/dist/) and the tracker simulator on http://localhost:4174/,
// a different origin playing every third party. `PORT` and `TRACKER_PORT` change the ports.
//
//   node examples/serve.mjs      (after building the packages and the examples; see README)
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../e2e/support/static-server.mjs';
import { startTrackerSimulator } from './tracker-simulator/server.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const port = Number(process.env.PORT ?? 4173);
const trackerPort = Number(process.env.TRACKER_PORT ?? 4174);

const missing = [
  'packages/consentgate/dist/consentgate.js',
  'examples/spa/dist/index.html',
  'examples/dashboard/dist/index.html',
].filter((file) => !existsSync(root + file));
if (missing.length) {
  console.warn(`not built yet (run the build first, see README):\n  ${missing.join('\n  ')}`);
}

const tracker = await startTrackerSimulator({ port: trackerPort, quiet: false });
const site = await serveStatic({ root, port });
if (tracker.port !== 4174) {
  console.warn(
    `note: the example pages call their trackers at http://localhost:4174; on port ${tracker.port} the simulator receives nothing from them.`,
  );
}
console.log(`\n  ConsentGate examples:  http://127.0.0.1:${site.address().port}/examples/`);
console.log(`  tracker log:           ${tracker.url}\n`);
console.log('tracker hits appear below as they arrive (Ctrl+C stops both servers):');
