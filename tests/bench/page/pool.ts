import type { SAHPoolUtil, Sqlite3Static } from '../../../src/lib/db/sqlite';
import type { PoolTarget } from './protocol';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Installs a sahpool VFS with the app's options (src/lib/db/sqlite.ts: room for 24 files, never clear
 * the pool on a failed install), retrying while another context is still letting go of the files
 * (a page that just closed).
 */
export async function install(sqlite3: Sqlite3Static, target: PoolTarget, retryMs: number): Promise<{ pool: SAHPoolUtil; attempts: number }> {
  const deadline = performance.now() + retryMs;
  const options: Parameters<Sqlite3Static['installOpfsSAHPoolVfs']>[0] & { forceReinitIfPreviouslyFailed: boolean } = {
    name: target.poolName,
    directory: target.directory,
    initialCapacity: 24,
    preserveOnInitFailure: true,
    forceReinitIfPreviouslyFailed: true
  };
  for (let attempts = 1; ; attempts++) {
    try {
      const pool = await sqlite3.installOpfsSAHPoolVfs(options);
      // A pool this worker paused earlier comes back from the cache paused.
      if (pool.isPaused()) await pool.unpauseVfs();
      return { pool, attempts };
    } catch (error) {
      if (performance.now() > deadline) throw error;
      await sleep(10);
    }
  }
}
