import type { SAHPoolUtil, Sqlite3Static } from '../sqlite';

/**
 * Writes a note into the pool: a file whose existence says something to the next opening (the
 * pool flushes a file's name and bytes when it writes them, so a note outlives a crash). The pool
 * only keeps database files, so a note is a tiny database holding `value`.
 */
export async function writePoolNote(sqlite3: Sqlite3Static, pool: Pick<SAHPoolUtil, 'importDb'>, fileName: string, value: string): Promise<void> {
  const note = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    note.exec('CREATE TABLE note (value TEXT NOT NULL)');
    note.exec({ sql: 'INSERT INTO note VALUES (?)', bind: [value] });
    await pool.importDb(fileName, sqlite3.capi.sqlite3_js_db_export(note));
  } finally {
    note.close();
  }
}
