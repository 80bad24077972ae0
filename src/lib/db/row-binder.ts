import { writeShortAscii } from './short-text';
import type { Database, Sqlite3Static } from './sqlite';

type Statement = ReturnType<Database['prepare']>;

/** The values a bulk insert binds: what a JSON backup can carry. */
export type BindableValue = string | number | null;

/** The few C functions of SQLite this calls directly (sqlite-wasm types its exports loosely). */
interface BindExports {
  sqlite3_bind_text(statement: number, index: number, text: number, bytes: number, destructor: number): number;
  sqlite3_bind_int(statement: number, index: number, value: number): number;
  sqlite3_bind_int64(statement: number, index: number, value: bigint): number;
  sqlite3_bind_double(statement: number, index: number, value: number): number;
  sqlite3_bind_null(statement: number, index: number): number;
  sqlite3_step(statement: number): number;
  sqlite3_reset(statement: number): number;
}

const SQLITE_DONE = 101;

/** SQLite copies the text before the bind returns, so one buffer serves every value. */
const SQLITE_TRANSIENT = -1;
const MIN_BUFFER_BYTES = 4096;
const encoder = new TextEncoder();

/**
 * Binds one row of values to a statement through SQLite's C functions. sqlite-wasm's `bind()`
 * checks the statement and allocates a C string for every text value: for a bulk import of wide
 * rows that was two thirds of the time per row (57 of 90 µs for a task, under Node). Here text is
 * encoded into one buffer reused for every value. Bind errors (a wrong index) throw like `bind()`.
 */
export class RowBinder {
  readonly #sqlite3: Sqlite3Static;
  readonly #db: Database;
  readonly #statement: Statement;
  readonly #exports: BindExports;
  #buffer = 0;
  #capacity = 0;
  /** The buffer as bytes; a view goes empty when the memory grows (its ArrayBuffer is detached). */
  #view: Uint8Array = new Uint8Array(0);

  constructor(connection: { readonly sqlite3: Sqlite3Static; readonly raw: Database }, statement: Statement) {
    this.#sqlite3 = connection.sqlite3;
    this.#db = connection.raw;
    this.#statement = statement;
    this.#exports = connection.sqlite3.wasm.exports as BindExports;
  }

  /** Binds `values` to parameters 1..n; the statement must have exactly that many. */
  bind(values: readonly BindableValue[]): void {
    const pointer = this.#statement.pointer;
    if (pointer === undefined) throw new Error('The statement was already finalized.');
    if (values.length !== this.#statement.parameterCount) throw new Error(`The statement takes ${this.#statement.parameterCount} values, not ${values.length}.`);
    for (let index = 0; index < values.length; index++) {
      const rc = this.#bindOne(pointer, index + 1, values[index] ?? null);
      if (rc !== 0) this.#sqlite3.oo1.DB.checkRc(this.#db, rc);
    }
  }

  /**
   * Binds `values`, runs the statement once (an INSERT: it answers no row) and resets it, without
   * the checks of sqlite-wasm's step() and reset() on every row. A refusal throws as step() does.
   */
  run(values: readonly BindableValue[]): void {
    this.bind(values);
    const pointer = this.#statement.pointer ?? 0;
    const rc = this.#exports.sqlite3_step(pointer);
    // The error's message is read before the reset, which would leave only its code.
    try {
      if (rc !== SQLITE_DONE) this.#sqlite3.oo1.DB.checkRc(this.#db, rc);
    } finally {
      this.#exports.sqlite3_reset(pointer);
    }
  }

  /** Frees the text buffer; the statement stays the caller's to finalize. */
  free(): void {
    if (this.#buffer !== 0) this.#sqlite3.wasm.dealloc(this.#buffer);
    this.#buffer = 0;
    this.#capacity = 0;
    this.#view = new Uint8Array(0);
  }

  #bindOne(statement: number, index: number, value: BindableValue): number {
    if (value === null) return this.#exports.sqlite3_bind_null(statement, index);
    if (typeof value === 'string') return this.#bindText(statement, index, value);
    // The same choice sqlite-wasm's bind() makes: 32-bit ints, then 64-bit, else a double.
    if ((value | 0) === value) return this.#exports.sqlite3_bind_int(statement, index, value);
    if (Number.isSafeInteger(value)) return this.#exports.sqlite3_bind_int64(statement, index, BigInt(value));
    return this.#exports.sqlite3_bind_double(statement, index, value);
  }

  #bindText(statement: number, index: number, text: string): number {
    // UTF-8 takes at most 3 bytes per UTF-16 unit. A buffer even for '': a null pointer would bind NULL.
    const needed = text.length * 3;
    if (this.#buffer === 0 || needed > this.#capacity) this.#grow(needed);
    // SQLite's copy of the previous value may have grown the memory, which empties the old view.
    if (this.#view.byteLength === 0) this.#view = this.#sqlite3.wasm.heap8u().subarray(this.#buffer, this.#buffer + this.#capacity);
    const ascii = writeShortAscii(text, this.#view);
    const written = ascii >= 0 ? ascii : encoder.encodeInto(text, this.#view).written;
    return this.#exports.sqlite3_bind_text(statement, index, this.#buffer, written, SQLITE_TRANSIENT);
  }

  #grow(bytes: number): void {
    this.free();
    this.#capacity = Math.max(bytes, MIN_BUFFER_BYTES);
    this.#buffer = this.#sqlite3.wasm.alloc(this.#capacity);
  }
}
