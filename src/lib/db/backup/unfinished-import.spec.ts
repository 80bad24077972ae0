import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, loadSqlite } from '../sqlite';
import { fakeDatabaseBytes, memoryPool } from './memory-pool';
import { snapshotName, parseSnapshotName, type SnapshotInfo } from './snapshot-schedule';
import { markerName, markImportFinished, markImportStarted, recoverUnfinishedImport } from './unfinished-import';

const takenAt = new Date('2026-12-03T18:00:00.000Z');

/** A pool as an import leaves it when the tab dies: the undo snapshot, the note, a half-written file and its WAL. */
async function poolCutShortMidImport(): Promise<{ pool: ReturnType<typeof memoryPool>; undo: SnapshotInfo; before: Uint8Array }> {
  const pool = memoryPool();
  const before = fakeDatabaseBytes(8192, 7);
  const undo = parseSnapshotName(snapshotName('restore', takenAt, before.length));
  if (!undo) throw new Error('snapshot name');
  await pool.importDb(undo.name, before);
  await markImportStarted(await loadSqlite(), pool, undo);
  await pool.importDb(DATABASE_FILE, fakeDatabaseBytes(16384, 99));
  await pool.importDb(`${DATABASE_FILE}-wal`, fakeDatabaseBytes(4096, 3));
  return { pool, undo, before };
}

describe('recoverUnfinishedImport', () => {
  it('does nothing when no import was cut short', async () => {
    const pool = memoryPool();
    const live = fakeDatabaseBytes(4096);
    await pool.importDb(DATABASE_FILE, live);
    expect(await recoverUnfinishedImport(pool)).toBeNull();
    expect(pool.files.get(DATABASE_FILE)).toEqual(live);
  });

  it('puts the undo snapshot back in place of the half-written file, drops its WAL, and removes the note last', async () => {
    const { pool, undo, before } = await poolCutShortMidImport();
    expect(await recoverUnfinishedImport(pool)).toEqual({ restoredFrom: undo });
    expect(pool.files.get(DATABASE_FILE)).toEqual(before);
    expect(pool.getFileNames().sort()).toEqual([DATABASE_FILE, undo.name].sort());
    // The snapshot stays: it is still the person's undo.
    expect(pool.files.get(undo.name)).toEqual(before);
    expect(await recoverUnfinishedImport(pool)).toBeNull();
  });

  it('says so, and leaves the file as it is, when the undo snapshot is gone', async () => {
    const { pool, undo } = await poolCutShortMidImport();
    const halfWritten = pool.files.get(DATABASE_FILE);
    pool.unlink(undo.name);
    expect(await recoverUnfinishedImport(pool)).toEqual({ restoredFrom: null });
    expect(pool.files.get(DATABASE_FILE)).toEqual(halfWritten);
    expect(pool.getFileNames().some((name) => name === markerName(undo))).toBe(false);
  });
});

describe('the note of an unfinished import', () => {
  it('is a small database naming the snapshot, there from the start of the import until it is finished', async () => {
    const sqlite3 = await loadSqlite();
    const pool = memoryPool();
    const undo = parseSnapshotName(snapshotName('restore', takenAt, 4096));
    if (!undo) throw new Error('snapshot name');
    await markImportStarted(sqlite3, pool, undo);
    const note = new sqlite3.oo1.DB(':memory:', 'c');
    const bytes = pool.exportFile(markerName(undo));
    const buffer = sqlite3.wasm.allocFromTypedArray(bytes);
    const rc = sqlite3.capi.sqlite3_deserialize(note, 'main', buffer, bytes.length, bytes.length, sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE);
    expect(rc).toBe(0);
    expect(note.selectValue('SELECT value FROM note')).toBe(undo.name);
    note.close();
    markImportFinished(pool, undo);
    expect(pool.getFileNames()).toEqual([]);
  });
});
