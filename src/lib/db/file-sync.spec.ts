import { describe, expect, it } from 'vitest';
import { syncMainFile } from './file-sync';
import { loadSqlite } from './sqlite';

describe('syncMainFile', () => {
  it('reaches the main file’s xSync through its VFS and answers whether the flush succeeded', async () => {
    const sqlite3 = await loadSqlite();
    // Under Node the build's unix VFS keeps files in Emscripten's memory file system.
    const db = new sqlite3.oo1.DB('/file-sync-test.sqlite3', 'c');
    try {
      db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1)');
      expect(syncMainFile(sqlite3, db)).toBe(true);
      expect(db.selectValue('SELECT x FROM t')).toBe(1);
    } finally {
      db.close();
    }
  });

  it('answers false, and flushes nothing, for a database with no file', async () => {
    const sqlite3 = await loadSqlite();
    const db = new sqlite3.oo1.DB(':memory:', 'c');
    expect(syncMainFile(sqlite3, db)).toBe(false);
    db.close();
  });
});
