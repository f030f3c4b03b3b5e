import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumLaunchOptions } from './support/chromium.mjs';

// Tests import packages by name. By default the names point at `src/`; with CG_TEST_DIST=1 they
// resolve through node_modules to the built `dist/`, so the same suite checks what ships.
const fromSrc = process.env.CG_TEST_DIST !== '1';
const root = new URL('../', import.meta.url);
const src = (path: string) => fileURLToPath(new URL(path, root));
const alias = fromSrc
  ? [
      { find: /^@consentgate\/core$/, replacement: src('packages/core/src/index.ts') },
      { find: /^@consentgate\/blocker$/, replacement: src('packages/blocker/src/index.ts') },
      { find: /^@consentgate\/ui$/, replacement: src('packages/ui/src/index.ts') },
      { find: /^consentgate$/, replacement: src('packages/consentgate/src/index.ts') },
      { find: /^consentgate\/server$/, replacement: src('packages/consentgate/src/server.ts') },
      { find: /^@consentgate\/collector$/, replacement: src('packages/collector/src/index.ts') },
      { find: /^@consentgate\/scanner$/, replacement: src('packages/scanner/src/index.ts') },
    ]
  : [];

export default defineConfig({
  resolve: { alias },
  root: fileURLToPath(root),
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/test/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['packages/*/test/browser/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: chromiumLaunchOptions() }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
