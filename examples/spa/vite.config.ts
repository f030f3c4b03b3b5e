import { defineConfig } from 'vite';

// Served from the repo root by examples/serve.mjs, so the build lives under this base path.
export default defineConfig({
  base: '/examples/spa/dist/',
  build: { outDir: 'dist', emptyOutDir: true },
});
