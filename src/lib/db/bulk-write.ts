import type { Database } from './sqlite';

/**
 * The page cache of the import's transaction, in KiB: SQLite's default (2 MiB, 250 of the file's
 * 8 KiB pages) made a transaction that rewrites every page spill dirty pages to OPFS all along.
 * Memory taken from the WebAssembly heap stays with it.
 */
export const BULK_WRITE_CACHE_KIB = 64 * 1024;

/**
 * Sets a persistent connection up for one very large write transaction that a copy of the whole
 * file undoes (the JSON import, after its undo snapshot; see DatabaseHost.writeWithoutJournal): no
 * rollback journal, a larger page cache. Answers the function that puts configureConnection's
 * settings back once the transaction has committed. Through the WAL such a transaction is 1.6-3.5x
 * slower on OPFS (perf-notes) and is copied into the file again at its checkpoint; a rollback
 * journal writes every page twice (~0.8 s of a 10-year import). synchronous=FULL: the commit
 * flushes the file before the caller removes its note of the unfinished import.
 */
export function enterBulkWrite(raw: Pick<Database, 'exec' | 'selectValue'>): () => void {
  const cacheSize = Number(raw.selectValue('PRAGMA cache_size'));
  // Leaving WAL checkpoints it and removes it, so every committed write is in the file first.
  raw.exec('PRAGMA journal_mode = OFF');
  raw.exec('PRAGMA synchronous = FULL');
  raw.exec(`PRAGMA cache_size = -${BULK_WRITE_CACHE_KIB}`);
  return () => {
    raw.exec(`PRAGMA cache_size = ${cacheSize}`);
    raw.exec('PRAGMA journal_mode = WAL');
    raw.exec('PRAGMA synchronous = NORMAL');
  };
}
