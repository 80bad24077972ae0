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
    const reader = new RowReader(sqlite3, statement);
    const rows: unknown[] = [];
    while (statement.step()) rows.push(reader.read());
    statement.finalize();
    expect(rows).toEqual(db.selectObjects(sql));
    expect(rows[0]).toMatchObject({ id: 'a', b: new Uint8Array([1, 2]), empty: null, doubled: 2 });
  });

  it('gives integers beyond 2^53 as BigInt and the rest as numbers, and long or non-Latin text whole', async () => {
    const sqlite3 = await loadSqlite();
    db = new sqlite3.oo1.DB(':memory:', 'c');
    const long = 'Nakamura 日本語 ✓ '.repeat(500);
    const sql = `SELECT 9007199254740991 AS safe, 9007199254740993 AS big, -9007199254740993 AS negative, 0 AS zero, -7 AS small,
      1e300 AS huge, ? AS long, '' AS blank, x'' AS emptyBlob, zeroblob(3) AS zeros`;
    const statement = db.prepare(sql).bind([long]);
    expect(statement.step()).toBe(true);
    const row = new RowReader(sqlite3, statement).read();
    statement.finalize();
    expect(row).toEqual(db.selectObject(sql, [long]));
    expect(row).toMatchObject({ safe: 9007199254740991, big: 9007199254740993n, negative: -9007199254740993n, long, blank: '', zeros: new Uint8Array(3) });
  });

  it('reads a row as values in column order, as get([]) does', async () => {
    const sqlite3 = await loadSqlite();
    db = new sqlite3.oo1.DB(':memory:', 'c');
    const sql = "SELECT 'a' AS t, 2 AS n, 2.5 AS r, NULL AS z, x'01' AS b, 9007199254740993 AS big";
    const statement = db.prepare(sql);
    statement.step();
    const values = new RowReader(sqlite3, statement).values();
    statement.finalize();
    expect(values).toEqual(db.selectArray(sql));
  });

  it('refuses a finalized statement instead of reading freed memory', async () => {
    const sqlite3 = await loadSqlite();
    db = new sqlite3.oo1.DB(':memory:', 'c');
    const statement = db.prepare('SELECT 1 AS one');
    const reader = new RowReader(sqlite3, statement);
    statement.step();
    expect(reader.read()).toEqual({ one: 1 });
    statement.finalize();
    expect(() => reader.read()).toThrow(/finalized/);
  });
});
