import { removeAuthorizer, type Database, type Sqlite3Static } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import { statementLabel } from './console';

/** The two things the guard needs from a session: the C API and the open connection. */
export interface ReadConnection {
  readonly sqlite3: Sqlite3Static;
  readonly raw: Database;
}

export interface ReadOnlyOptions {
  /** The text being run; names a refused statement in the message. */
  readonly sql: string;
  /** Stop the work once it has run this long. */
  readonly timeLimitMs: number;
}

type Capi = Sqlite3Static['capi'];

/** Pragmas that only describe the schema: their argument names a table or an index, never a new value. */
const DESCRIBING_PRAGMAS = new Set(['table_info', 'table_xinfo', 'table_list', 'index_list', 'index_info', 'index_xinfo', 'foreign_key_list']);
/** Pragmas that report a setting: allowed only without a value, since with one they would change it. */
const READING_PRAGMAS = new Set([
  'user_version',
  'application_id',
  'schema_version',
  'page_count',
  'page_size',
  'freelist_count',
  'journal_mode',
  'foreign_keys',
  'encoding',
  'database_list',
  'compile_options',
  // Has no setter. FTS5 runs it itself on every MATCH, so without it no full-text query could run.
  'data_version'
]);

/**
 * Runs `work` while the connection itself refuses every change: `PRAGMA query_only = ON`, an
 * authorizer that allows only reads, and a progress handler that stops it after
 * `options.timeLimitMs`. The connection is always given back as it was (no authorizer that denies,
 * no progress handler, `query_only` off), also when `work` throws. What SQLite refuses comes back
 * as an `RpcFailure` with code `validation` and a message for the person.
 */
export function runReadOnly<T>(connection: ReadConnection, options: ReadOnlyOptions, work: () => T): T {
  const { capi } = connection.sqlite3;
  const db = connection.raw;
  const state: { denied: boolean; deniedLabel: string | null; timedOut: boolean } = { denied: false, deniedLabel: null, timedOut: false };
  const deadline = performance.now() + options.timeLimitMs;
  try {
    db.exec('PRAGMA query_only = ON');
    capi.sqlite3_set_authorizer(
      db,
      (_argument, action, first, second) => {
        if (allows(capi, action, first, second)) return capi.SQLITE_OK;
        state.denied = true;
        state.deniedLabel ??= describeDenial(capi, action, first, second);
        return capi.SQLITE_DENY;
      },
      0
    );
    capi.sqlite3_progress_handler(
      db,
      1000,
      () => {
        if (performance.now() <= deadline) return 0;
        state.timedOut = true;
        return 1;
      },
      0
    );
    return work();
  } catch (error) {
    throw explain(capi, error, state, options);
  } finally {
    // The authorizer goes first: while it is in place it would refuse turning query_only off.
    capi.sqlite3_progress_handler(db, 0, 0, 0);
    removeAuthorizer(connection.sqlite3, db);
    db.exec('PRAGMA query_only = OFF');
  }
}

/** The failure for a statement that would change something. */
export function refusal(label: string): RpcFailure {
  return new RpcFailure('validation', `The console only reads: ${label} is not allowed.`, 'sql');
}

function allows(capi: Capi, action: number, first: string | 0, second: string | 0): boolean {
  switch (action) {
    case capi.SQLITE_SELECT:
    case capi.SQLITE_READ:
    case capi.SQLITE_FUNCTION:
    case capi.SQLITE_RECURSIVE:
      return true;
    case capi.SQLITE_PRAGMA: {
      const name = typeof first === 'string' ? first.toLowerCase() : '';
      return DESCRIBING_PRAGMAS.has(name) || (READING_PRAGMAS.has(name) && !second);
    }
    default:
      return false;
  }
}

/**
 * Names what was refused, or null when the denied action is SQLite's own bookkeeping (a CREATE
 * writes to `sqlite_schema`): then the statement's own words name it.
 */
function describeDenial(capi: Capi, action: number, first: string | 0, second: string | 0): string | null {
  const target = typeof first === 'string' ? first : '';
  switch (action) {
    case capi.SQLITE_INSERT:
      return target.startsWith('sqlite_') ? null : 'INSERT';
    case capi.SQLITE_UPDATE:
      return target.startsWith('sqlite_') ? null : 'UPDATE';
    case capi.SQLITE_DELETE:
      return target.startsWith('sqlite_') ? null : 'DELETE';
    case capi.SQLITE_PRAGMA:
      return second ? `PRAGMA ${target} = ${second}` : `PRAGMA ${target}`;
    case capi.SQLITE_TRANSACTION:
      return target || 'A transaction';
    case capi.SQLITE_SAVEPOINT:
      return target === 'RELEASE' ? 'RELEASE' : target === 'ROLLBACK' ? 'ROLLBACK TO' : 'SAVEPOINT';
    case capi.SQLITE_ATTACH:
      return 'ATTACH';
    case capi.SQLITE_DETACH:
      return 'DETACH';
    case capi.SQLITE_ALTER_TABLE:
      return 'ALTER TABLE';
    case capi.SQLITE_REINDEX:
      return 'REINDEX';
    case capi.SQLITE_ANALYZE:
      return 'ANALYZE';
    default:
      return null;
  }
}

function explain(
  capi: Capi,
  error: unknown,
  state: { readonly denied: boolean; readonly deniedLabel: string | null; readonly timedOut: boolean },
  options: ReadOnlyOptions
): unknown {
  if (error instanceof RpcFailure) return error;
  if (state.denied) return refusal(state.deniedLabel ?? statementLabel(options.sql));
  if (state.timedOut) {
    const seconds = Math.round(options.timeLimitMs / 100) / 10;
    return new RpcFailure('validation', `The query was stopped after ${seconds} seconds. Narrow it down with WHERE or LIMIT.`, 'sql');
  }
  const resultCode = readResultCode(error);
  if (resultCode === null) return error;
  if ((resultCode & 0xff) === capi.SQLITE_READONLY) return refusal(statementLabel(options.sql));
  const message = error instanceof Error ? error.message : String(error);
  return new RpcFailure('validation', `SQLite could not run this: ${stripPrefix(message)}`, 'sql');
}

function readResultCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('resultCode' in error)) return null;
  const code = (error as { resultCode: unknown }).resultCode;
  return typeof code === 'number' ? code : null;
}

/** "SQLITE_ERROR: sqlite3 result code 1: no such table: x" -> "no such table: x". */
function stripPrefix(message: string): string {
  return message.replace(/^SQLITE_[A-Z_]+:\s*(sqlite3 result code \d+:\s*)?/, '');
}
