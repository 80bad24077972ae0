import { readdirSync } from 'node:fs';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { readMigrationChecksums } from './src/lib/db/migrations/build-checksums';

const THEME = '#1f5f8b';
/** Pages tell the database worker which schema they were built for; a mismatch is refused. */
const SCHEMA_VERSION = readdirSync('migrations').filter((name) => /^\d{4}_[a-z0-9_]+\.sql$/.test(name)).length;

export default defineConfig({
  plugins: [
    sveltekit(),
    SvelteKitPWA({
      strategies: 'generateSW',
      // The page registers the service worker itself (src/lib/app/pwa.svelte.ts) and asks before updating.
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Daybook',
        short_name: 'Daybook',
        description: 'A private work-and-growth journal that keeps everything on your device.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#f7f7f5',
        theme_color: THEME,
        icons: [
          { src: '/icons/pwa-64x64.png', sizes: '64x64', type: 'image/png' },
          { src: '/icons/pwa-192x192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' }
        ],
        shortcuts: [{ name: 'New task', short_name: 'New task', url: '/?new=task', icons: [{ src: '/icons/pwa-192x192.png', sizes: '192x192' }] }]
      },
      workbox: {
        // The whole shell, the database worker and sqlite3.wasm, so a hard reload works offline.
        globPatterns: ['client/**/*.{js,css,html,ico,png,svg,webmanifest,wasm}'],
        // sqlite-wasm names these with new URL(), so they are built, but the worker never loads them:
        // the Worker1 promiser's worker and the "opfs" VFS's helper (only sahpool is used), 248 KB.
        globIgnores: ['**/sqlite3-worker1-*.js', '**/sqlite3-opfs-async-proxy-*.js'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: '/',
        cleanupOutdatedCaches: true
      },
      kit: { adapterFallback: 'index.html', spa: { fallbackMapping: '/' } }
    })
  ],
  define: {
    __DAYBOOK_SCHEMA_VERSION__: JSON.stringify(SCHEMA_VERSION),
    // Hashed once here instead of in the worker on every start (db/migrations/bundled.ts).
    __DAYBOOK_MIGRATION_CHECKSUMS__: JSON.stringify(readMigrationChecksums('migrations'))
  },
  // sqlite-wasm finds its .wasm next to itself with new URL(..., import.meta.url); pre-bundling breaks that.
  optimizeDeps: { exclude: ['@sqlite.org/sqlite-wasm'] },
  worker: { format: 'es' },
  server: { fs: { allow: ['migrations'] } },
  test: {
    include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts'],
    environment: 'node',
    testTimeout: 20000
  }
});
