import { afterEach, describe, expect, it } from 'vitest';
import { RowReader } from './row-reader';
import { loadSqlite, type Database } from './sqlite';

let db: Database | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

describe('RowReader', () => {
  it('reads rows as sqlite-wasm’s object mode does: names, text, numbers, NULL and blobs', async () => {
    const sqlite3 = await loadSqlite();
    db = new sqlite3.oo1.DB(':memory:', 'c');
    db.exec("CREATE TABLE t (id TEXT, n INTEGER, r REAL, b BLOB, empty TEXT); INSERT INTO t VALUES ('a', 1, 1.5, x'0102', NULL), ('é', 2, -0.25, NULL, '')");
    const sql = 'SELECT id, n, r, b, empty, n * 2 AS doubled FROM t ORDER BY n';
    const statement = db.prepare(sql);
    const reader = new RowReader(statement);
    const rows: unknown[] = [];
    while (statement.step()) rows.push(reader.read());
    statement.finalize();
    expect(rows).toEqual(db.selectObjects(sql));
    expect(rows[0]).toMatchObject({ id: 'a', b: new Uint8Array([1, 2]), empty: null, doubled: 2 });
  });
});
