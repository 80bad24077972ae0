import { DATABASE_FILE, type SAHPoolUtil, type Sqlite3Static } from '../sqlite';
import { writePoolNote } from './pool-note';
import { parseSnapshotName, type SnapshotInfo } from './snapshot-schedule';

/** The part of the pool this uses (a test gives it an in-memory one). */
export type RecoveryPool = Pick<SAHPoolUtil, 'getFileNames' | 'importDb' | 'exportFile' | 'unlink'>;

/**
 * While an import writes without a rollback journal, a file in the pool names the snapshot that
 * holds the data as it was: this prefix, then the snapshot's own name. Its existence is the note;
 * the pool flushes a file's name and bytes when it writes them, so the note outlives a crash.
 */
const MARKER_PREFIX = '/unfinished-import';

/** What the next opening found, for the person to be told. */
export type RecoveredImport =
  /** The data was put back as it was before the import, from this snapshot. */
  | { readonly restoredFrom: SnapshotInfo }
  /** The snapshot is gone (removed by hand): the data is as the import left it. */
  | { readonly restoredFrom: null };

export function markerName(undo: SnapshotInfo): string {
  return `${MARKER_PREFIX}${undo.name}`;
}

/** Writes the note that an import is about to write without its journal, `undo` being the copy that undoes it. */
export async function markImportStarted(sqlite3: Sqlite3Static, pool: RecoveryPool, undo: SnapshotInfo): Promise<void> {
  await writePoolNote(sqlite3, pool, markerName(undo), undo.name);
}

/** Removes the note, once the import is committed and on disk. */
export function markImportFinished(pool: RecoveryPool, undo: SnapshotInfo): void {
  pool.unlink(markerName(undo));
}

/**
 * Run while the database is not open: when the note of an import is there, the import did not
 * finish (the tab died, or it failed and was being undone), so the file may be half written. It
 * gets the snapshot's bytes back, its WAL and journal go (they belong to the half-written file),
 * and the note is removed last, so a crash in here repeats all of it at the next opening.
 */
export async function recoverUnfinishedImport(pool: RecoveryPool): Promise<RecoveredImport | null> {
  const files = pool.getFileNames();
  const marker = files.find((name) => name.startsWith(MARKER_PREFIX));
  if (marker === undefined) return null;
  const named = parseSnapshotName(marker.slice(MARKER_PREFIX.length));
  const undo = named && files.includes(named.name) ? named : null;
  if (undo) {
    const bytes = pool.exportFile(undo.name);
    pool.unlink(`${DATABASE_FILE}-wal`);
    pool.unlink(`${DATABASE_FILE}-journal`);
    // importDb marks the copy as a rollback-journal database; opening it switches it to WAL again.
    await pool.importDb(DATABASE_FILE, bytes);
  }
  pool.unlink(marker);
  return { restoredFrom: undo };
}
