import { defineConfig } from 'vite';

// Served from the repo root by examples/serve.mjs, so the build lives under this base path.
export default defineConfig({
  base: '/examples/dashboard/dist/',
  // Two pages: the banner designer and the consent log.
  build: { outDir: 'dist', emptyOutDir: true, rollupOptions: { input: ['index.html', 'log.html'] } },
});
