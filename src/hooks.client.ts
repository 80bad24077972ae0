import type { ClientInit } from '@sveltejs/kit';
import { database } from '$lib/app/database.svelte';
import { prepareDateFormats } from '$lib/app/dates';

/**
 * Runs before SvelteKit loads the first route: the database worker starts here, so SQLite's
 * WebAssembly loads while the route's code is fetched and the page renders.
 */
export const init: ClientInit = () => {
  database.start();
  // The main thread is idle while the worker opens the database (where there is no idle callback, Today pays it).
  if ('requestIdleCallback' in window) requestIdleCallback(prepareDateFormats, { timeout: 2000 });
};
