import { afterEach, describe, expect, it } from 'vitest';
import { RowBinder, type BindableValue } from './row-binder';
import { loadSqlite, type Database } from './sqlite';

let db: Database | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

/** A fresh in-memory database made by `schema`, with `insert` prepared and a RowBinder on it. */
async function binderFor(schema: string, insert: string) {
  const sqlite3 = await loadSqlite();
  const raw = new sqlite3.oo1.DB(':memory:', 'c');
  db = raw;
  raw.exec(schema);
  const statement = raw.prepare(insert);
  return { raw, statement, binder: new RowBinder({ sqlite3, raw }, statement) };
}

const ROWS: BindableValue[][] = [
  ['plain', 1, 1.5, null],
  ['', 0, -0.25, 'é ✓ 日本 🦆'],
  ['x'.repeat(20_000), 2 ** 31, 2 ** 53 - 1, 'after a long one'],
  ['a\u0000b', -(2 ** 31) - 1, 1e15, '\ud800 lone surrogate'],
  // Around the short-text limit (short-text.ts), and non-ASCII after ASCII in a short text.
  ['0158c3b2-6c01-72fa-a736-58f1f9224dfc', 3, 0.5, 'y'.repeat(127)],
  ['z'.repeat(128), 4, 0.75, 'w'.repeat(129)],
  ['ascii first, then é', 5, 1, 'last char ✓']
];

describe('RowBinder', () => {
  it('stores text, numbers and NULL exactly as sqlite-wasm’s bind() does, long and empty text included', async () => {
    const { raw, statement, binder } = await binderFor('CREATE TABLE fast (t, n, r, u); CREATE TABLE usual (t, n, r, u)', 'INSERT INTO fast VALUES (?, ?, ?, ?)');
    for (const row of ROWS) {
      binder.bind(row);
      statement.step();
      statement.reset(true);
    }
    binder.free();
    statement.finalize();
    for (const row of ROWS) raw.exec({ sql: 'INSERT INTO usual VALUES (?, ?, ?, ?)', bind: row });

    const read = (table: string) => raw.selectArrays(`SELECT t, typeof(t), n, typeof(n), r, typeof(r), u, typeof(u) FROM ${table} ORDER BY rowid`);
    expect(read('fast')).toEqual(read('usual'));
    expect(read('fast')[1]).toEqual(['', 'text', 0, 'integer', -0.25, 'real', 'é ✓ 日本 🦆', 'text']);
  });

  it('keeps a whole number too large for 64 bits as a real number', async () => {
    const { raw, statement, binder } = await binderFor('CREATE TABLE t (r)', 'INSERT INTO t VALUES (?)');
    binder.bind([1e300]);
    statement.step();
    statement.finalize();
    binder.free();
    expect(raw.selectArray('SELECT r, typeof(r) FROM t')).toEqual([1e300, 'real']);
  });

  it('refuses a row with the wrong number of values', async () => {
    const { statement, binder } = await binderFor('CREATE TABLE t (a, b)', 'INSERT INTO t VALUES (?, ?)');
    expect(() => binder.bind(['only one'])).toThrow('The statement takes 2 values, not 1.');
    statement.finalize();
  });

  it('runs a row at a time, refusing a row the table refuses with the database’s words and going on with the next', async () => {
    const { raw, statement, binder } = await binderFor('CREATE TABLE t (id TEXT PRIMARY KEY, n INTEGER CHECK (n > 0))', 'INSERT INTO t VALUES (?, ?)');
    binder.run(['a', 1]);
    expect(() => binder.run(['b', 0])).toThrow(/CHECK constraint failed: n > 0/);
    expect(() => binder.run(['a', 2])).toThrow(/UNIQUE constraint failed: t\.id/);
    binder.run(['c', 3]);
    binder.free();
    statement.finalize();
    expect(raw.selectArrays('SELECT id, n FROM t ORDER BY id')).toEqual([
      ['a', 1],
      ['c', 3]
    ]);
  });
});
