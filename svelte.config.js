import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // A single-page app: every route falls back to index.html and renders on the device.
    adapter: adapter({ fallback: 'index.html', strict: true }),
    serviceWorker: { register: false }
  },
  compilerOptions: { runes: true }
};

export default config;
