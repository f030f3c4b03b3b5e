// `node examples/serve.mjs` (the last step of README command 1): one index page that links the
// three examples, and the tracker simulator's live log on its own origin.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';

let server: ChildProcess | undefined;
let site = '';
let log = '';

test.beforeAll(async () => {
  // serve.mjs also starts the receipts collector, whose PGlite takes seconds on a loaded machine.
  test.setTimeout(120_000);
  const root = fileURLToPath(new URL('../', import.meta.url));
  // Port 0: free ports, so parallel runs (and a demo already running on 4173/4174) never collide.
  server = spawn(process.execPath, ['examples/serve.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      TRACKER_PORT: '0',
      COLLECTOR_PORT: '0',
      COLLECTOR_DATA_DIR: 'memory://',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    server!.once('exit', (code) => reject(new Error(`serve.mjs exited (${code}):\n${output}`)));
    server!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk;
      const found = /examples:\s+(\S+)[\s\S]*tracker log:\s+(\S+)/.exec(output);
      if (found) {
        [, site, log] = found;
        resolve();
      }
    });
  });
});

test.afterAll(() => {
  server?.kill();
});

test('the index page links the three examples and the consent log, and each one opens', async ({ page }) => {
  await page.goto(site);
  await expect(page.getByRole('heading', { name: 'ConsentGate examples' })).toBeVisible();
  const examples = [
    ['Open the marketing site →', 'Notes that think with you.'],
    ['Open the single-page app →', 'Find your next trail'],
    ['Open the dashboard →', 'Banner designer'],
    ['Open the consent log →', 'Consent log'],
  ];
  for (const [link, heading] of examples) {
    await page.goto(site);
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }
  // serve.mjs runs a collector and hands the consent log its URL and token (on 127.0.0.1 only).
  await expect(page.getByRole('status').first()).toHaveText(/^Connected to http:\/\/127\.0\.0\.1:\d+$/);
});

test('the tracker log shows each hit as it arrives, and clears', async ({ page, request }) => {
  await request.get(new URL('/reset', log).href);
  await page.goto(log);
  await expect(page.getByText('No hits yet')).toBeVisible();
  await request.get(new URL('/px/from-the-test.gif?page=https%3A%2F%2Fexample.test%2F', log).href);
  const row = page.getByRole('row').filter({ hasText: '/px/from-the-test.gif' });
  await expect(row).toContainText('pixels');
  await expect(row).toContainText('https://example.test/');
  await page.getByRole('button', { name: 'Clear the log' }).click();
  await expect(page.getByText('No hits yet')).toBeVisible();
});
