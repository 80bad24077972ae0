import { RowBinder, type BindableValue } from '../../db/row-binder';
import type { Database, Sqlite3Static } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import type { BackupDocument, BackupRow } from './backup';
import { quoteIdentifier, type UserTable } from './catalog';
import { JobTracker, type BackupJob } from './job';
import { rowFailure } from './row-failure';
import { deferSearchIndex, readSearchSources } from './search-index-rebuild';
import { countRows } from './table-rows';

/** The open connection: its handle, and the sqlite-wasm namespace it belongs to. */
export interface Connection {
  readonly sqlite3: Sqlite3Static;
  readonly raw: Database;
}

/**
 * Runs `work` (a transaction around replaceAllData) with foreign keys not enforced row by row:
 * deleting every row made SQLite look up each row's children, ~5 of a 10-year import's seconds,
 * and replaceAllData checks every key in one pass at the end anyway (checkForeignKeys). The pragma
 * has no effect inside a transaction, so this goes around it; it is a connection setting, so a
 * crash cannot leave it off.
 */
export async function withForeignKeysCheckedAtEnd<T>(raw: Database, work: () => Promise<T>): Promise<T> {
  raw.exec('PRAGMA foreign_keys = OFF');
  try {
    return await work();
  } finally {
    raw.exec('PRAGMA foreign_keys = ON');
  }
}

/**
 * Deletes every user row, then inserts the backup's, parents before children. The search index is
 * built once all rows are in (search-index-rebuild.ts); the triggers that write history rows when a row goes in (task status, skill
 * confidence) are off meanwhile, as the backup carries its own histories: the result is the backup
 * exactly. All of it runs in the caller's transaction, schema changes included.
 */
export async function replaceAllData(connection: Connection, document: BackupDocument, tables: readonly UserTable[], job?: BackupJob): Promise<void> {
  const { raw } = connection;
  // Foreign keys are checked once at the end (see checkForeignKeys), so row order within a table cannot trip them.
  raw.exec('PRAGMA defer_foreign_keys = ON');
  const restoreTriggers = suspendTriggers(raw, tables);
  const restoreSearchIndex = deferSearchIndex(raw, readSearchSources(raw, tables));
  const deleting = new JobTracker(job, 'deleting', tables.reduce((sum, table) => sum + countRows(raw, table.name), 0));
  for (const table of [...tables].reverse()) {
    const count = countRows(raw, table.name);
    raw.exec(`DELETE FROM ${quoteIdentifier(table.name)}`);
    await deleting.advance(count);
  }
  await deleting.checkpoint();

  const indexes = dropSecondaryIndexes(raw, tables);
  const writing = new JobTracker(job, 'writing', Object.values(document.tables).reduce((sum, rows) => sum + rows.length, 0));
  for (const table of tables) {
    // A safety net: rows a trigger not suspended wrote while the tables before this one were filled.
    raw.exec(`DELETE FROM ${quoteIdentifier(table.name)}`);
    const inserter = new RowInserter(connection, table.name);
    try {
      for (const { row, index } of parentsFirst(table, document.tables[table.name] ?? [])) {
        try {
          inserter.insert(row);
        } catch (error) {
          throw rowFailure({ where: describeRow(table.name, index, row), field: 'document' }, error);
        }
        const checkpoint = writing.count();
        if (checkpoint) await checkpoint;
      }
    } finally {
      inserter.finalize();
    }
  }
  await writing.checkpoint();
  const indexing = new JobTracker(job, 'indexing', 1);
  await indexing.checkpoint();
  restoreTriggers();
  for (const sql of indexes) raw.exec(sql);
  restoreSearchIndex();
  checkForeignKeys(raw, document, tables);
  checkCounts(raw, document, tables);
  await indexing.advance();
  await indexing.checkpoint();
}

/**
 * Drops, until the returned function makes them again, the user tables' triggers that do nothing
 * useful while everything is replaced: DELETE triggers (they take rows out of the search index,
 * which is rebuilt anyway) and INSERT triggers that write rows into a user table (the histories
 * the backup brings itself; they were written and then deleted again). Validation triggers stay.
 */
function suspendTriggers(raw: Database, tables: readonly UserTable[]): () => void {
  const names = new Set(tables.map((table) => table.name));
  const triggers = raw
    .selectObjects("SELECT name, tbl_name AS tableName, sql FROM sqlite_schema WHERE type = 'trigger'")
    .filter((trigger) => names.has(String(trigger.tableName)) && isSuspendable(String(trigger.sql), names));
  for (const trigger of triggers) raw.exec(`DROP TRIGGER ${quoteIdentifier(String(trigger.name))}`);
  return () => {
    for (const trigger of triggers) raw.exec(String(trigger.sql));
  };
}

function isSuspendable(sql: string, userTables: ReadonlySet<string>): boolean {
  const event = /\b(?:BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|DELETE|UPDATE)\b/i.exec(sql)?.[1]?.toUpperCase();
  if (event === 'DELETE') return true;
  if (event !== 'INSERT' || !/\bAFTER\s+INSERT\b/i.test(sql)) return false;
  const written = [...sql.matchAll(/\bINSERT\s+INTO\s+"?(\w+)"?/gi)].map((match) => match[1] ?? '');
  return written.some((table) => userTables.has(table));
}

/**
 * Drops the tables' non-unique indexes and answers the SQL that makes them again: building an index
 * once from all the rows is much faster than keeping it up to date row by row. Unique indexes stay,
 * so a repeated key is still refused at its row, with the row named.
 */
function dropSecondaryIndexes(raw: Database, tables: readonly UserTable[]): string[] {
  const names = new Set(tables.map((table) => table.name));
  const indexes = raw
    .selectObjects("SELECT name, tbl_name AS tableName, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL")
    .filter((index) => names.has(String(index.tableName)) && !/^CREATE\s+UNIQUE\b/i.test(String(index.sql)));
  for (const index of indexes) raw.exec(`DROP INDEX ${quoteIdentifier(String(index.name))}`);
  return indexes.map((index) => String(index.sql));
}

interface PreparedInsert {
  readonly statement: ReturnType<Database['prepare']>;
  readonly binder: RowBinder;
}

/** Prepared INSERTs, one per set of columns (a backup's rows normally all have the same). */
class RowInserter {
  readonly #statements = new Map<string, PreparedInsert>();
  /** The columns of the previous row and their statement: rows of one table nearly always match. */
  #last: { readonly columns: readonly string[]; readonly prepared: PreparedInsert } | null = null;

  constructor(
    private readonly connection: Connection,
    private readonly table: string
  ) {}

  insert(row: BackupRow): void {
    const columns = Object.keys(row);
    const { binder } = this.#preparedFor(columns);
    const values: BindableValue[] = new Array<BindableValue>(columns.length);
    for (let index = 0; index < columns.length; index++) values[index] = row[columns[index] as string] ?? null;
    binder.run(values);
  }

  finalize(): void {
    for (const { statement, binder } of this.#statements.values()) {
      binder.free();
      statement.finalize();
    }
    this.#statements.clear();
    this.#last = null;
  }

  #preparedFor(columns: readonly string[]): PreparedInsert {
    const last = this.#last;
    if (last && sameColumns(last.columns, columns)) return last.prepared;
    const prepared = this.#prepared(columns);
    this.#last = { columns, prepared };
    return prepared;
  }

  #prepared(columns: readonly string[]): PreparedInsert {
    const key = columns.join('\u0000');
    const known = this.#statements.get(key);
    if (known) return known;
    const names = columns.map(quoteIdentifier).join(', ');
    const table = quoteIdentifier(this.table);
    const sql = columns.length === 0 ? `INSERT INTO ${table} DEFAULT VALUES` : `INSERT INTO ${table} (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
    const statement = this.connection.raw.prepare(sql);
    const prepared = { statement, binder: new RowBinder(this.connection, statement) };
    this.#statements.set(key, prepared);
    return prepared;
  }
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/**
 * A table's rows with every row after the row it refers to in the same table (a goal after its
 * parent goal), so the goal-tree triggers see each parent; otherwise in the backup's order.
 * Refuses rows that refer to each other in a loop.
 */
export function parentsFirst(table: Pick<UserTable, 'name' | 'selfReferences'>, rows: readonly BackupRow[]): { row: BackupRow; index: number }[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (table.selfReferences.length === 0) return indexed;
  const byKey = new Map(table.selfReferences.map(({ to }) => [to, new Map(rows.map((row, index) => [row[to], index]))]));
  const state = new Array<'new' | 'visiting' | 'done'>(rows.length).fill('new');
  const ordered: { row: BackupRow; index: number }[] = [];
  const path: number[] = [];
  const visit = (index: number) => {
    if (state[index] === 'done') return;
    if (state[index] === 'visiting') throw loopFailure(table, rows, [...path.slice(path.indexOf(index)), index]);
    state[index] = 'visiting';
    path.push(index);
    const row = rows[index] ?? {};
    for (const { from, to } of table.selfReferences) {
      const parent = row[from];
      const parentIndex = parent === null || parent === undefined ? undefined : byKey.get(to)?.get(parent);
      // A row that is its own parent is refused by its CHECK constraint, with its own message.
      if (parentIndex !== undefined && parentIndex !== index) visit(parentIndex);
    }
    path.pop();
    state[index] = 'done';
    ordered.push({ row, index });
  };
  for (let index = 0; index < rows.length; index++) visit(index);
  return ordered;
}

function loopFailure(table: Pick<UserTable, 'name' | 'selfReferences'>, rows: readonly BackupRow[], loop: readonly number[]): RpcFailure {
  const described = loop.map((index) => `row ${index + 1}${idNote(rows[index])}`).join(' → ');
  const columns = table.selfReferences.map(({ from }) => `"${from}"`).join(' or ');
  return new RpcFailure('validation', `Rows of "${table.name}" refer to each other in a loop through ${columns}: ${described}.`, 'document');
}

/** Names the first row that refers to something the backup does not have. */
function checkForeignKeys(raw: Database, document: BackupDocument, tables: readonly UserTable[]): void {
  const [violation] = raw.selectObjects('PRAGMA foreign_key_check');
  if (!violation) return;
  const table = String(violation.table);
  const column = raw.selectValue('SELECT "from" FROM pragma_foreign_key_list(?) WHERE id = ?', [table, Number(violation.fkid)]);
  const keyColumns = tables.find((candidate) => candidate.name === table)?.primaryKey ?? [];
  const key = keyColumns.length > 0 ? raw.selectObject(`SELECT ${keyColumns.map(quoteIdentifier).join(', ')} FROM ${quoteIdentifier(table)} WHERE rowid = ?`, [Number(violation.rowid)]) : undefined;
  const rows = document.tables[table] ?? [];
  const index = key ? rows.findIndex((row) => keyColumns.every((name) => row[name] === key[name])) : -1;
  const row = rows[index];
  const where = row ? describeRow(table, index, row) : `A row of "${table}"`;
  throw new RpcFailure(
    'constraint',
    `${where}, column "${String(column)}": it refers to a row of "${String(violation.parent)}" that is not in the backup. (The database said: FOREIGN KEY constraint failed.)`,
    'document'
  );
}

/** A last guard: each table now holds exactly the backup's rows, no more (a trigger) and no fewer. */
function checkCounts(raw: Database, document: BackupDocument, tables: readonly UserTable[]): void {
  for (const table of tables) {
    const expected = document.tables[table.name]?.length ?? 0;
    const actual = countRows(raw, table.name);
    if (actual !== expected) {
      throw new RpcFailure('internal', `After importing, "${table.name}" would have ${actual} rows instead of the backup's ${expected}; nothing was changed.`);
    }
  }
}

/** `Row 4 of "tasks" (id 0193…)`: rows counted from 1 in the order of the file. */
function describeRow(table: string, index: number, row: BackupRow): string {
  return `Row ${index + 1} of "${table}"${idNote(row)}`;
}

function idNote(row: BackupRow | undefined): string {
  return typeof row?.id === 'string' ? ` (id ${row.id})` : '';
}
