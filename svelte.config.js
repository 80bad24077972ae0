import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { readFileSync } from 'node:fs';
import { inlineScriptHashes, prestartingWorker } from './src/build-time/prestart-worker.js';

/** app.html's own inline script (it starts the database worker) is allowed by its hash. */
const templateScripts = inlineScriptHashes(readFileSync(new URL('./src/app.html', import.meta.url), 'utf8'));

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route falls back to index.html and renders on the device.
    // The fallback page then gets the built database worker's URL for app.html's inline script.
    adapter: prestartingWorker(adapter({ fallback: 'index.html', strict: true }), { page: 'build/index.html' }),
    serviceWorker: { register: false },
    // Nothing leaves the device: a strict policy, delivered as a <meta> tag so it works on any static host.
    // SvelteKit hashes its own inline start-up script; the only other inline script is app.html's.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval', ...templateScripts],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:', 'blob:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'worker-src': ['self'],
        'manifest-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self']
      }
    }
  },
  compilerOptions: { runes: true }
};

export default config;
