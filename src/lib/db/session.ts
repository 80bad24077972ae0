import { Kysely } from 'kysely';
import { OfficialWasmDialect } from 'kysely-wasm';
import { RequestLog } from './request-log';
import { registerStatementCache, StatementCache } from './statement-cache';
import type { Tables } from './schema/tables';
import type { Database, Sqlite3Static } from './sqlite';
import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import type { StorageKind } from './status';

/** Tables whose changes views never need to hear about. */
const INTERNAL_TABLE = /^(sqlite_|_migrations$|_request_log$|search_index)/;

/** One open connection: the raw handle, Kysely over it, and the tables changed by the current write. */
export class Session {
  readonly kysely: Kysely<Tables>;
  readonly requests: RequestLog;
  /** Prepared statements for the hot reads (see statement-cache.ts). */
  readonly statements: StatementCache;
  readonly #changed = new Set<string>();
  /** Told after every committed write (the host schedules its idle checkpoint here). */
  afterCommit: () => void = () => {};

  constructor(
    readonly sqlite3: Sqlite3Static,
    readonly raw: Database,
    readonly storage: StorageKind
  ) {
    this.statements = new StatementCache(sqlite3, raw);
    this.kysely = new Kysely<Tables>({ dialect: new OfficialWasmDialect({ database: asDialectDatabase(sqlite3, raw, this.statements) }) });
    this.requests = new RequestLog(raw, this.statements);
    registerStatementCache(this.kysely, this.statements);
    sqlite3.capi.sqlite3_update_hook(raw, (_context, _operation, _schema, table) => this.#changed.add(table), 0);
  }

  isAutocommit(): boolean {
    return this.sqlite3.capi.sqlite3_get_autocommit(this.raw) !== 0;
  }

  /**
   * Runs `work` as one `BEGIN IMMEDIATE` transaction: all of it commits or none of it does.
   * The caller must not start another write until this settles (the RPC server runs calls in order).
   */
  async write<T>(work: () => Promise<T>): Promise<{ value: T; changedTables: string[] }> {
    this.raw.exec('BEGIN IMMEDIATE');
    this.#changed.clear();
    try {
      const value = await work();
      this.raw.exec('COMMIT');
      this.afterCommit();
      return { value, changedTables: [...this.#changed].filter((table) => !INTERNAL_TABLE.test(table)).sort() };
    } catch (error) {
      if (!this.isAutocommit()) this.raw.exec('ROLLBACK');
      throw error;
    } finally {
      this.#changed.clear();
    }
  }

  /**
   * Runs `work` as a write and rolls it back: its statements are prepared, its code compiled and
   * its pages read, and nothing of it stays. Same ordering rule as `write`.
   */
  async rehearse(work: () => Promise<unknown>): Promise<void> {
    this.raw.exec('BEGIN IMMEDIATE');
    try {
      await work();
    } finally {
      if (!this.isAutocommit()) this.raw.exec('ROLLBACK');
      this.#changed.clear();
    }
  }

  close(): void {
    this.statements.clear();
    this.raw.close();
  }
}

type DialectDatabase = ConstructorParameters<typeof OfficialWasmDialect>[0]['database'];

/**
 * kysely-wasm declares the minimal shape it uses; sqlite-wasm's overloads need this thin bridge.
 * kysely-wasm prepares and finalizes a statement for every query; here "prepare" takes one from the
 * session's cache and "finalize" gives it back, so a repeated write is compiled once.
 */
function asDialectDatabase(sqlite3: Sqlite3Static, raw: Database, statements: StatementCache): DialectDatabase {
  return {
    changes: () => raw.changes(),
    close: () => raw.close(),
    // kysely-wasm asks this after every write; the C call answers without compiling a statement.
    selectValue: (text: string) => (text === LAST_INSERT_ROWID ? sqlite3.capi.sqlite3_last_insert_rowid(raw) : raw.selectValue(text)),
    prepare(text: string) {
      const statement = statements.checkOut(text);
      const reader = statements.readerOf(statement);
      return {
        columnCount: statement.columnCount,
        bind: (parameters: readonly SqlValue[]) => statement.bind(parameters),
        finalize: () => statements.checkIn(text, statement),
        // kysely-wasm passes an empty object to fill and uses what is returned.
        get: () => reader.read(),
        step: () => statement.step()
      };
    }
  };
}

const LAST_INSERT_ROWID = 'SELECT last_insert_rowid()';
