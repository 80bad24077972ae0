import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import { RowReader } from '../../db/row-reader';
import { loadedSqlite, type Database } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import type { BackupRow, BackupValue } from './backup';
import { quoteIdentifier, type UserTable } from './catalog';
import { JobTracker, type BackupJob } from './job';

/** Every user table's rows in primary-key order, as plain values. Reports `reading` progress. */
export async function readAllRows(raw: Database, tables: readonly UserTable[], job?: BackupJob): Promise<Record<string, BackupRow[]>> {
  const result: Record<string, BackupRow[]> = {};
  await forEachRow(raw, tables, job, {
    table: (table) => (result[table.name] = []),
    row: (table, row) => result[table.name]?.push(row)
  });
  return result;
}

/** Told of each table as it starts, then of each of its rows. */
export interface RowVisitor {
  table(table: UserTable): void;
  row(table: UserTable, row: BackupRow): void;
}

/** Visits every user table's rows in primary-key order, table after table, reporting `reading` progress. */
export async function forEachRow(raw: Database, tables: readonly UserTable[], job: BackupJob | undefined, visitor: RowVisitor): Promise<void> {
  const total = tables.reduce((sum, table) => sum + countRows(raw, table.name), 0);
  const tracker = new JobTracker(job, 'reading', total);
  for (const table of tables) {
    visitor.table(table);
    for (const values of selectRows(raw, table)) {
      visitor.row(table, Object.fromEntries(table.columns.map((column, index) => [column, toBackupValue(values[index] ?? null, table.name, column)])));
      const checkpoint = tracker.count();
      if (checkpoint) await checkpoint;
    }
  }
  await tracker.checkpoint();
}

export function countRows(raw: Database, table: string): number {
  return Number(raw.selectValue(`SELECT count(*) FROM ${quoteIdentifier(table)}`));
}

/** The rows of one table as arrays in column order, primary key first to last. */
function* selectRows(raw: Database, table: UserTable): Generator<SqlValue[]> {
  const order = table.primaryKey.length > 0 ? table.primaryKey.map(quoteIdentifier).join(', ') : 'rowid';
  const statement = raw.prepare(`SELECT ${table.columns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table.name)} ORDER BY ${order}`);
  // RowReader: sqlite-wasm's get() was ~2 s of a 10-year JSON export (Chromium CPU profile).
  const reader = new RowReader(loadedSqlite(), statement);
  try {
    while (statement.step()) yield reader.values();
  } finally {
    statement.finalize();
  }
}

/** STRICT tables hold text, integers and reals here; anything else cannot go into JSON faithfully. */
function toBackupValue(value: SqlValue, table: string, column: string): BackupValue {
  if (value === null || typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint' && Number.isSafeInteger(Number(value))) return Number(value);
  throw new RpcFailure('internal', `The column "${column}" of "${table}" holds a value a backup cannot carry (${describe(value)}).`);
}

function describe(value: SqlValue): string {
  if (typeof value === 'bigint') return 'a number too large for JSON';
  if (typeof value === 'number') return 'an infinite number';
  return 'binary data';
}
