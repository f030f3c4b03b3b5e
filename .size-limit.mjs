// Size budgets, per import scenario and per shipped file, gzip, kB = 1000 bytes. Each limit sits
// just above what the build measures, so growth fails `pnpm test`. The README's size table is
// checked against these by packages/consentgate/test/readme-sizes.test.ts.
const dist = 'packages/consentgate/dist';
const file = (name) => `${dist}/${name}`;
// Shipped files are measured as they are (no re-bundling).
const files = (name, path, limit) => ({
  name,
  path,
  limit,
  gzip: true,
  disablePlugins: ['@size-limit/esbuild'],
});
// npm imports are bundled by esbuild as an app's bundler would. What they import dynamically (the
// manager, the UI, each locale) is left out: an app's bundler splits it into chunks loaded later,
// off the blocking path; the script-tag rows above count those parts.
const laterChunks = {
  name: 'dynamic imports load later',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined,
    );
  },
};
const npm = (name, path, imports, limit) => ({
  name,
  path,
  import: imports,
  limit,
  gzip: true,
  modifyEsbuildConfig: (config) => ({ ...config, plugins: [...(config.plugins ?? []), laterChunks] }),
});

export default [
  files(
    'script tag, returning visit: gate + manager',
    [file('consentgate.js'), file('consentgate.manager.js')],
    '17.8 kB',
  ),
  files(
    'script tag, first visit in English: gate + manager + UI + its locale',
    [
      file('consentgate.js'),
      file('consentgate.manager.js'),
      file('consentgate.ui.js'),
      file('consentgate.ui.en.js'),
    ],
    '34 kB',
  ),
  files(
    'script tag, first visit in Chinese: gate + manager + UI + its locale',
    [
      file('consentgate.js'),
      file('consentgate.manager.js'),
      file('consentgate.ui.js'),
      file('consentgate.ui.zh-CN.js'),
    ],
    '34.3 kB',
  ),
  files('the blocking part: consentgate.js', file('consentgate.js'), '10.9 kB'),
  files('consentgate.manager.js', file('consentgate.manager.js'), '7 kB'),
  files('consentgate.ui.js', file('consentgate.ui.js'), '15.3 kB'),
  files('consentgate.ui.en.js', file('consentgate.ui.en.js'), '1.1 kB'),
  files('consentgate.ui.zh-CN.js', file('consentgate.ui.zh-CN.js'), '1.4 kB'),
  files('consentgate.check.js (only for a config that looks wrong)', file('consentgate.check.js'), '4 kB'),
  files('consentgate.receipts.js (only with receipts)', file('consentgate.receipts.js'), '3.6 kB'),
  npm(
    'npm: createConsentGate (the chunk loaded at once)',
    'packages/consentgate/dist/index.js',
    '{ createConsentGate }',
    '11.3 kB',
  ),
  npm('npm: installBlocker', 'packages/blocker/dist/index.js', '{ installBlocker }', '7.8 kB'),
  npm('npm: preview (the chunk loaded at once)', 'packages/ui/dist/index.js', '{ preview }', '17.1 kB'),
];
