import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium.mjs';

// The repo root is served on E2E_PORT: specs open `/e2e/fixtures/…` and `/examples/…`, which load
// the built `packages/consentgate/dist/`. Third-party hosts are faked with page routing (never the network).
const port = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    serviceWorkers: 'block',
  },
  webServer: {
    command: `node e2e/support/static-server.mjs ${port}`,
    cwd: '..',
    url: `http://127.0.0.1:${port}/package.json`,
    reuseExistingServer: !process.env.CI,
  },
});
