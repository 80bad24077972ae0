import type { ClientInit } from '@sveltejs/kit';
import { database } from '$lib/app/database.svelte';

/**
 * Runs before SvelteKit loads the first route: the database worker starts here, so SQLite's
 * WebAssembly loads while the route's code is fetched and the page renders.
 */
export const init: ClientInit = () => {
  database.start();
};
