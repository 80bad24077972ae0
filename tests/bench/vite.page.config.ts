import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Builds the benchmark's pages (tests/bench/page) into tests/bench/.data/page, served at /bench/. */
export default defineConfig({
  root: here('./page'),
  base: '/bench/',
  logLevel: 'warn',
  publicDir: false,
  build: {
    outDir: here('./.data/page'),
    emptyOutDir: true,
    target: 'esnext',
    minify: false,
    rollupOptions: { input: { index: here('./page/index.html'), bare: here('./page/bare.html') } }
  },
  // Started from vite-node (NODE_ENV=development): the pages are still a production build.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] }
});
