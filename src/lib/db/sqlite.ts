import sqlite3InitModule, { type Database, type SAHPoolUtil, type Sqlite3Static } from '@sqlite.org/sqlite-wasm';
import { combineWalWrites, type SyncHandle } from './wal-write-combiner';

export type { Database, SAHPoolUtil, Sqlite3Static };

/** The database file's name inside the sahpool VFS. */
export const DATABASE_FILE = '/daybook.sqlite3';

let loading: Promise<Sqlite3Static> | null = null;
let loaded: Sqlite3Static | null = null;

/** Loads the WebAssembly build once; only the sahpool VFS is used, so the other OPFS VFSes stay off. */
export function loadSqlite(): Promise<Sqlite3Static> {
  if (!loading) {
    const config = globalThis as { sqlite3ApiConfig?: unknown };
    config.sqlite3ApiConfig = { disable: { vfs: { opfs: true, 'opfs-wl': true } } };
    loading = sqlite3InitModule().then((sqlite3) => (loaded = sqlite3));
  }
  return loading;
}

/** The build `loadSqlite` loaded, for code that holds a connection (which only exists once it has). */
export function loadedSqlite(): Sqlite3Static {
  if (!loaded) throw new Error('SQLite is not loaded yet.');
  return loaded;
}

/** True where this context can keep files in the origin-private file system. */
export function hasOpfs(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

/**
 * Installs the sahpool VFS. `preserveOnInitFailure` keeps a pool held by another tab intact:
 * a failed install must never clear the person's data.
 */
export async function installPool(sqlite3: Sqlite3Static): Promise<SAHPoolUtil> {
  combineWalWritesOnce();
  const pool = await sqlite3.installOpfsSAHPoolVfs({
    name: 'daybook-sahpool',
    directory: '.daybook',
    initialCapacity: POOL_CAPACITY,
    preserveOnInitFailure: true
  });
  await pool.reserveMinimumCapacity(POOL_CAPACITY);
  return pool;
}

let combining = false;

/** One write per WAL commit instead of two per page (wal-write-combiner.ts); a worker installs it once. */
function combineWalWritesOnce(): void {
  const handles = (globalThis as { FileSystemSyncAccessHandle?: { prototype: SyncHandle } }).FileSystemSyncAccessHandle;
  if (combining || !handles) return;
  combining = true;
  combineWalWrites(handles.prototype);
}

/** The database, its WAL, temp files, and up to 17 snapshots (see backup/snapshot-schedule.ts), with room to spare. */
const POOL_CAPACITY = 32;

/** The most a WAL file keeps of its size once all of it is checkpointed (bytes). */
export const WAL_SIZE_LIMIT_BYTES = 16 * 1024 * 1024;

/** Settings every connection gets; see docs/ARCHITECTURE.md for why each is chosen. */
export function configureConnection(db: Database, storage: 'persistent' | 'memory'): void {
  db.exec('PRAGMA foreign_keys = ON');
  db.exec('PRAGMA temp_store = MEMORY');
  if (storage === 'persistent') {
    // Exclusive locking keeps the page cache between transactions and lets WAL work without shared memory.
    db.exec('PRAGMA locking_mode = EXCLUSIVE');
    db.exec('PRAGMA journal_mode = WAL');
    // In WAL, NORMAL loses no committed transaction when the tab is killed (only on power loss).
    db.exec('PRAGMA synchronous = NORMAL');
    // SQLite reuses the WAL file rather than shrink it: after one big transaction it would keep
    // that size (a 259 MB file after a restore here). Cut back to this when the WAL starts over.
    db.exec(`PRAGMA journal_size_limit = ${WAL_SIZE_LIMIT_BYTES}`);
  }
}

/**
 * Checkpoints the whole WAL into the database file and cuts the WAL file to nothing. Called after
 * work that is already done (or undone): a failure here costs only the space, which the idle
 * checkpoint and journal_size_limit give back later, so it must not turn that work into an error.
 */
export function giveBackWalSpace(db: Database): void {
  try {
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } catch (error) {
    console.warn('The WAL could not be truncated now; its space comes back at a later checkpoint.', error);
  }
}

/** Recognises the error a second tab gets when the first tab's worker holds the files. */
export function isHeldByAnotherContext(error: unknown): boolean {
  const text = error instanceof Error ? `${error.name} ${error.message}` : String(error);
  return /NoModificationAllowed|createSyncAccessHandle|Access Handles cannot be created/i.test(text);
}

/**
 * Takes the connection's authorizer away. An allow-everything callback left in its place would
 * still be called from SQLite into JavaScript for every table and column each later statement
 * prepares. sqlite-wasm's types only take a function; SQLite takes NULL for "none".
 */
export function removeAuthorizer(sqlite3: Sqlite3Static, db: Database): void {
  const setAuthorizer = sqlite3.capi.sqlite3_set_authorizer as unknown as (db: Database, xAuth: 0, userData: 0) => number;
  setAuthorizer(db, 0, 0);
}
