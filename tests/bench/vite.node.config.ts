import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Runs the generator and the benchmark's Node side with `vite-node`, so the worker code under src/
 * (which bundles its migrations with `import.meta.glob`) runs as the app runs it. `uuidv7` is swapped
 * for a seeded, virtual-clock version so generated ids are deterministic.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  logLevel: 'warn',
  resolve: {
    alias: [{ find: /^uuidv7$/, replacement: fileURLToPath(new URL('./seed/uuidv7.ts', import.meta.url)) }]
  },
  optimizeDeps: { noDiscovery: true, include: [] },
  server: { fs: { allow: ['..'] } }
});
