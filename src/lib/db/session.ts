import { Kysely } from 'kysely';
import { OfficialWasmDialect } from 'kysely-wasm';
import { RequestLog } from './request-log';
import { RowReader } from './row-reader';
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
    this.kysely = new Kysely<Tables>({ dialect: new OfficialWasmDialect({ database: asDialectDatabase(raw) }) });
    this.requests = new RequestLog(raw);
    this.statements = new StatementCache(raw);
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

  close(): void {
    this.statements.clear();
    this.raw.close();
  }
}

type DialectDatabase = ConstructorParameters<typeof OfficialWasmDialect>[0]['database'];

/** kysely-wasm declares the minimal shape it uses; sqlite-wasm's overloads need this thin bridge. */
function asDialectDatabase(raw: Database): DialectDatabase {
  return {
    changes: () => raw.changes(),
    close: () => raw.close(),
    selectValue: (text: string) => raw.selectValue(text),
    prepare(text: string) {
      const statement = raw.prepare(text);
      const reader = new RowReader(statement);
      return {
        columnCount: statement.columnCount,
        bind: (parameters: readonly SqlValue[]) => statement.bind(parameters),
        finalize: () => statement.finalize(),
        // kysely-wasm passes an empty object to fill and uses what is returned.
        get: () => reader.read(),
        step: () => statement.step()
      };
    }
  };
}
