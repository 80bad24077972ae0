import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route falls back to index.html and renders on the device.
    adapter: adapter({ fallback: 'index.html', strict: true }),
    serviceWorker: { register: false },
    // Nothing leaves the device: a strict policy, delivered as a <meta> tag so it works on any static host.
    // SvelteKit hashes its own inline start-up script; no other inline script runs.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self', 'wasm-unsafe-eval'],
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
