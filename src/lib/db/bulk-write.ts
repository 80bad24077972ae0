import type { Session } from './session';

/**
 * The page cache of the import's transaction, in KiB: SQLite's default (2 MiB, 250 of the file's
 * 8 KiB pages) made a transaction that rewrites every page spill dirty pages to OPFS all along,
 * each spill after a sync of the journal. Memory taken from the WebAssembly heap stays with it.
 */
export const BULK_WRITE_CACHE_KIB = 64 * 1024;

/**
 * Runs `work`, one very large write transaction (an import that rewrites every page), in
 * rollback-journal mode with a larger page cache, then goes back to WAL and the cache as it was.
 * On OPFS a big transaction through the WAL is 1.6-3.5x slower (perf-notes), and at its commit the
 * WAL is copied back into the file. A crash in between leaves a hot journal, which the next open
 * plays back (the old data, whole) before it switches to WAL again. synchronous=FULL is the safe
 * level for a rollback journal.
 */
export async function withRollbackJournal<T>(session: Pick<Session, 'raw' | 'storage'>, work: () => Promise<T>): Promise<T> {
  if (session.storage !== 'persistent') return work();
  const cacheSize = Number(session.raw.selectValue('PRAGMA cache_size'));
  // Leaving WAL checkpoints it and removes it, so every committed write is in the file first.
  session.raw.exec('PRAGMA journal_mode = DELETE');
  session.raw.exec('PRAGMA synchronous = FULL');
  session.raw.exec(`PRAGMA cache_size = -${BULK_WRITE_CACHE_KIB}`);
  try {
    return await work();
  } finally {
    // Back to configureConnection's settings.
    session.raw.exec(`PRAGMA cache_size = ${cacheSize}`);
    session.raw.exec('PRAGMA journal_mode = WAL');
    session.raw.exec('PRAGMA synchronous = NORMAL');
  }
}
