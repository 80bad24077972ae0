/// <reference types="node" />
/**
 * One origin for the built app (build/), the bench pages (/bench/) and the generated database
 * (/bench-data/), so the bench page can put the database into the app's OPFS pool.
 *
 * The app is served as a static host serves it: hashed files under /_app/immutable/ cached for a
 * year, everything else revalidated (ETag), unknown paths fall back to index.html. The bench pages are
 * cross-origin isolated (COOP/COEP) so their timers have 5 us resolution instead of 100 us; the app's
 * own pages are not.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.sqlite3': 'application/octet-stream'
};

export interface BenchServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** A file under `root`, or null when the path leaves it or does not exist. */
function fileUnder(root: string, path: string): string | null {
  const candidate = normalize(join(root, decodeURIComponent(path)));
  if (candidate !== root && !candidate.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  if (!existsSync(candidate)) return null;
  const stats = statSync(candidate);
  if (stats.isDirectory()) {
    const index = join(candidate, 'index.html');
    return existsSync(index) ? index : null;
  }
  return candidate;
}

function send(request: IncomingMessage, response: ServerResponse, file: string, headers: Record<string, string>): void {
  const stats = statSync(file);
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  response.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
  response.setHeader('ETag', etag);
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  if (request.headers['if-none-match'] === etag) {
    response.statusCode = 304;
    response.end();
    return;
  }
  response.setHeader('Content-Length', String(stats.size));
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

export function startServer(options: { appDir: string; pageDir: string; dataDir: string }): Promise<BenchServer> {
  const isolated = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const path = url.pathname;
    if (path.startsWith('/bench-data/')) {
      const file = fileUnder(options.dataDir, path.slice('/bench-data/'.length));
      if (!file || !/\.(sqlite3|json)$/.test(file)) return notFound(response);
      return send(request, response, file, { 'Cache-Control': 'no-store' });
    }
    if (path === '/bench' || path.startsWith('/bench/')) {
      const file = fileUnder(options.pageDir, path.slice('/bench'.length) || '/');
      if (!file) return notFound(response);
      // Hashed assets are cached like the app's own /_app/immutable/ files, so both cold starts compare alike.
      const cache = path.startsWith('/bench/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
      return send(request, response, file, { 'Cache-Control': cache, ...isolated });
    }
    const file = fileUnder(options.appDir, path);
    if (file) {
      const immutable = path.startsWith('/_app/immutable/');
      // Workers started from the isolated bench page need COEP themselves; it changes nothing for the app.
      const worker: Record<string, string> = immutable && /\/workers\/worker-[^/]*\.js$/.test(path) ? { 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
      return send(request, response, file, { 'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache', ...worker });
    }
    if (extname(path) !== '') return notFound(response);
    // Single-page app: every route renders from index.html.
    const fallback = join(options.appDir, 'index.html');
    return send(request, response, fallback, { 'Cache-Control': 'no-cache' });
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          })
      });
    });
  });
}

function notFound(response: ServerResponse): void {
  response.statusCode = 404;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end('Not found');
}
