// Build-time helpers (plain JavaScript: svelte.config.js imports them) for the inline script in
// src/app.html that starts the database worker while the page's own code loads.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The attribute of app.html's inline script that carries the worker's URL (empty in the template). */
const URL_ATTRIBUTE = 'data-database-worker=""';
/** The database worker's built entry (src/lib/db/worker.ts); its hash changes with every release. */
const WORKER_FILE = /^worker-[\w-]+\.js$/;

/**
 * The CSP source of every inline script in an HTML template (`sha256-…`), so the policy allows
 * exactly those scripts. A script's text never changes at build time (the worker URL travels in an
 * attribute, outside the hashed text).
 * @param {string} html
 * @returns {`sha256-${string}`[]}
 */
export function inlineScriptHashes(html) {
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, text = '']) => /** @type {const} */ (`sha256-${createHash('sha256').update(text).digest('base64')}`)
  );
}

/**
 * The page with the worker's URL in the inline script's attribute.
 * @param {string} html
 * @param {string} url
 */
export function withWorkerUrl(html, url) {
  const found = html.split(URL_ATTRIBUTE).length - 1;
  if (found !== 1) throw new Error(`Expected one ${URL_ATTRIBUTE} in the page, found ${found}.`);
  return html.replace(URL_ATTRIBUTE, `data-database-worker="${url}"`);
}

/**
 * The built database worker's file name in `dir` (the client's workers folder).
 * @param {string} dir
 */
export function databaseWorkerFile(dir) {
  const files = readdirSync(dir).filter((name) => WORKER_FILE.test(name));
  const [file] = files;
  if (files.length !== 1 || !file) throw new Error(`Expected one database worker in ${dir}, found: ${files.join(', ') || 'none'}`);
  return file;
}

/**
 * Wraps an adapter that writes a fallback page: once it has written it, the page's inline script
 * gets the built worker's URL. Vite hashes that URL after SvelteKit has read app.html, so the
 * template cannot carry it.
 * @param {import('@sveltejs/kit').Adapter} adapter
 * @param {{ page: string }} options the fallback page the adapter writes, e.g. build/index.html
 * @returns {import('@sveltejs/kit').Adapter}
 */
export function prestartingWorker(adapter, { page }) {
  return {
    ...adapter,
    async adapt(builder) {
      await adapter.adapt(builder);
      const { appDir, paths } = builder.config.kit;
      const file = databaseWorkerFile(join(builder.getClientDirectory(), appDir, 'immutable', 'workers'));
      const url = `${paths.base}/${appDir}/immutable/workers/${file}`;
      writeFileSync(page, withWorkerUrl(readFileSync(page, 'utf8'), url));
      builder.log.minor(`Database worker started by ${page}: ${url}`);
    }
  };
}
