import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import type { Database } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import {
  describeBlob,
  isInternalTable,
  ROW_LIMIT,
  statementLabel,
  TIME_LIMIT_MS,
  type ConsoleCell,
  type QueryResult,
  type SchemaTable,
  type SchemaTableKind
} from './console';
import { refusal, runReadOnly, type ReadConnection } from './read-only-guard';

/**
 * The tables, views and virtual tables of the main database with their columns: the person's
 * tables first, then the app's own, each group by name. SQLite's own tables and the full-text
 * index's shadow tables are left out.
 */
export function readSchema(raw: Database): SchemaTable[] {
  const rows = raw.selectObjects(
    `SELECT name, type FROM pragma_table_list
     WHERE schema = 'main' AND type IN ('table', 'view', 'virtual') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`
  );
  const tables = rows.map((row): SchemaTable => {
    const name = String(row.name);
    const columns = raw.selectObjects('SELECT name, type, "notnull", pk FROM pragma_table_info(?) ORDER BY cid', [name]);
    return {
      name,
      kind: row.type as SchemaTableKind,
      internal: isInternalTable(name),
      columns: columns.map((column) => ({
        name: String(column.name),
        type: String(column.type ?? ''),
        notnull: Number(column.notnull) === 1,
        pk: Number(column.pk)
      }))
    };
  });
  return tables.sort((a, b) => Number(a.internal) - Number(b.internal) || a.name.localeCompare(b.name));
}

export interface QueryOptions {
  readonly rowLimit?: number;
  readonly timeLimitMs?: number;
}

/**
 * Runs one read-only statement and answers its first `rowLimit` rows. The connection refuses any
 * change (see `runReadOnly`); text with more than one statement is refused before anything runs.
 */
export function runQuery(connection: ReadConnection, sql: string, options: QueryOptions = {}): QueryResult {
  const rowLimit = options.rowLimit ?? ROW_LIMIT;
  const started = performance.now();
  return runReadOnly(connection, { sql, timeLimitMs: options.timeLimitMs ?? TIME_LIMIT_MS }, () => {
    const { capi } = connection.sqlite3;
    if (!containsStatement(connection, sql)) throw new RpcFailure('validation', 'There is no statement to run: write a SELECT.', 'sql');
    const statement = connection.raw.prepare(sql);
    try {
      // SQLite stops at the end of the first statement; whatever it left over must be empty.
      const first = capi.sqlite3_sql(statement);
      if (containsStatement(connection, sql.slice(first.length))) {
        throw new RpcFailure('validation', 'The console runs one statement at a time: remove everything after the first “;”.', 'sql');
      }
      // VACUUM never asks the authorizer; SQLite still knows it writes.
      if (!capi.sqlite3_stmt_readonly(statement)) throw refusal(statementLabel(first));
      const columns = statement.getColumnNames([]);
      const rows: ConsoleCell[][] = [];
      let truncated = false;
      while (statement.step()) {
        if (rows.length === rowLimit) {
          truncated = true;
          break;
        }
        rows.push(statement.get([]).map(toCell));
      }
      return { columns, rows, truncated, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
    } finally {
      statement.finalize();
    }
  });
}

/** True when `sql` holds a statement (or something SQLite cannot parse), false for only spaces, comments and `;`. */
function containsStatement(connection: ReadConnection, sql: string): boolean {
  const { capi, wasm } = connection.sqlite3;
  const stack = wasm.pstack.pointer;
  try {
    const pointerToStatement = wasm.pstack.alloc(8);
    const resultCode = capi.sqlite3_prepare_v3(connection.raw, sql, -1, 0, pointerToStatement, null);
    const statement = wasm.peekPtr(pointerToStatement);
    if (statement) capi.sqlite3_finalize(statement);
    return resultCode !== capi.SQLITE_OK || statement !== 0;
  } finally {
    wasm.pstack.restore(stack);
  }
}

function toCell(value: SqlValue): ConsoleCell {
  if (value === null || typeof value === 'string' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return value.toString();
  return describeBlob(value.byteLength);
}
