import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import type { Database, Sqlite3Static } from './sqlite';

type Statement = ReturnType<Database['prepare']>;

/** The few C functions of SQLite this calls directly (sqlite-wasm types its exports loosely). */
interface ColumnExports {
  sqlite3_column_type(statement: number, index: number): number;
  sqlite3_column_double(statement: number, index: number): number;
  sqlite3_column_int64(statement: number, index: number): bigint;
  sqlite3_column_text(statement: number, index: number): number;
  sqlite3_column_blob(statement: number, index: number): number;
  sqlite3_column_bytes(statement: number, index: number): number;
}

const SQLITE_INTEGER = 1;
const SQLITE_FLOAT = 2;
const SQLITE_TEXT = 3;
const SQLITE_BLOB = 4;
const decoder = new TextDecoder();

/**
 * Reads the current row of a statement as a column-name object, with the values sqlite-wasm's
 * `get({})` gives (integers as numbers while they are safe, BigInt beyond; blobs copied out).
 * Its `get()` asks for every column's name on every row, checks the statement per column and finds
 * each text's end with a JavaScript loop over the bytes: in a Chromium profile of a search answering
 * 37 hits, reading the row was a third of the worker's time. Here the names are read once per
 * statement and values come from SQLite's C functions, a text's length from `sqlite3_column_bytes`.
 */
export class RowReader {
  readonly #sqlite3: Sqlite3Static;
  readonly #exports: ColumnExports;
  #names: readonly string[] | null = null;

  constructor(
    sqlite3: Sqlite3Static,
    private readonly statement: Statement
  ) {
    this.#sqlite3 = sqlite3;
    this.#exports = sqlite3.wasm.exports as ColumnExports;
  }

  read(): Record<string, SqlValue> {
    const names = (this.#names ??= this.statement.getColumnNames([]));
    const pointer = this.statement.pointer;
    if (pointer === undefined) throw new Error('The statement was already finalized.');
    const row: Record<string, SqlValue> = {};
    for (let index = 0; index < names.length; index++) row[names[index] as string] = this.#value(pointer, index);
    return row;
  }

  /** The current row's values in column order. */
  values(): SqlValue[] {
    const pointer = this.statement.pointer;
    if (pointer === undefined) throw new Error('The statement was already finalized.');
    const count = this.statement.columnCount;
    const values = new Array<SqlValue>(count);
    for (let index = 0; index < count; index++) values[index] = this.#value(pointer, index);
    return values;
  }

  #value(statement: number, index: number): SqlValue {
    const exports = this.#exports;
    switch (exports.sqlite3_column_type(statement, index)) {
      case SQLITE_INTEGER: {
        // A double holds every integer up to 2^53 exactly; larger ones are read again as 64-bit.
        const value = exports.sqlite3_column_double(statement, index);
        if (Number.isSafeInteger(value)) return value;
        return exports.sqlite3_column_int64(statement, index);
      }
      case SQLITE_FLOAT:
        return exports.sqlite3_column_double(statement, index);
      case SQLITE_TEXT: {
        // sqlite3_column_bytes after sqlite3_column_text: the length of the UTF-8 text just made.
        const text = exports.sqlite3_column_text(statement, index);
        const bytes = exports.sqlite3_column_bytes(statement, index);
        // heap8u() answers a view of the memory as it is now (a text's conversion may have grown it).
        // (A byte-by-byte string for short ASCII, as RowBinder writes them, made 3 million
        // concatenated strings out of a JSON export and slowed it and the next import down.)
        return bytes === 0 ? '' : decoder.decode(this.#sqlite3.wasm.heap8u().subarray(text, text + bytes));
      }
      case SQLITE_BLOB: {
        const blob = exports.sqlite3_column_blob(statement, index);
        const bytes = exports.sqlite3_column_bytes(statement, index);
        return bytes === 0 ? new Uint8Array(0) : this.#sqlite3.wasm.heap8u().slice(blob, blob + bytes);
      }
      default:
        return null;
    }
  }
}
