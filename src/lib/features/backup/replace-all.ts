import type { Database } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import type { BackupDocument, BackupRow } from './backup';
import { quoteIdentifier, type UserTable } from './catalog';
import { JobTracker, type BackupJob } from './job';
import { rowFailure } from './row-failure';
import { countRows } from './table-rows';

/**
 * Deletes every user row, then inserts the backup's, parents before children. Triggers keep the
 * search index; the histories that inserting tasks and skills writes are cleared before the
 * backup's own histories go in, so the result is the backup exactly.
 */
export async function replaceAllData(raw: Database, document: BackupDocument, tables: readonly UserTable[], job?: BackupJob): Promise<void> {
  // Foreign keys are checked once at the end (see checkForeignKeys), so row order within a table cannot trip them.
  raw.exec('PRAGMA defer_foreign_keys = ON');
  const restoreSearchIndex = deferSearchIndex(raw);
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
    // What triggers wrote while the tables before this one were filled (task status and skill history).
    raw.exec(`DELETE FROM ${quoteIdentifier(table.name)}`);
    const inserter = new RowInserter(raw, table.name);
    try {
      for (const { row, index } of parentsFirst(table, document.tables[table.name] ?? [])) {
        try {
          inserter.insert(row);
        } catch (error) {
          throw rowFailure({ where: describeRow(table.name, index, row), field: 'document' }, error);
        }
        await writing.advance();
      }
    } finally {
      inserter.finalize();
    }
  }
  await writing.checkpoint();
  for (const sql of indexes) raw.exec(sql);
  restoreSearchIndex();
  checkForeignKeys(raw, document, tables);
  checkCounts(raw, document, tables);
}

/**
 * Swaps the full-text table for a plain table of the same name and columns while the rows go in,
 * and answers the function that builds the full-text table from it in one statement. The search
 * triggers keep writing "search_index" by name, into the plain table: indexing each document as
 * its row is inserted cost ~180 µs per task, and deleting the old rows re-tokenized every document.
 */
function deferSearchIndex(raw: Database): () => void {
  const definition = raw.selectValue("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'search_index'");
  if (typeof definition !== 'string') return () => undefined;
  raw.exec('DROP TABLE search_index');
  raw.exec('CREATE TABLE search_index (entity_type, entity_id, title, body)');
  return () => {
    raw.exec('CREATE TABLE _search_index_rows AS SELECT rowid AS search_rowid, entity_type, entity_id, title, body FROM search_index');
    raw.exec('DROP TABLE search_index');
    raw.exec(definition);
    raw.exec(
      'INSERT INTO search_index (rowid, entity_type, entity_id, title, body) SELECT search_rowid, entity_type, entity_id, title, body FROM _search_index_rows ORDER BY search_rowid'
    );
    raw.exec('DROP TABLE _search_index_rows');
  };
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

/** Prepared INSERTs, one per set of columns (a backup's rows normally all have the same). */
class RowInserter {
  readonly #statements = new Map<string, ReturnType<Database['prepare']>>();

  constructor(
    private readonly raw: Database,
    private readonly table: string
  ) {}

  insert(row: BackupRow): void {
    const columns = Object.keys(row);
    const key = columns.join('\u0000');
    let statement = this.#statements.get(key);
    if (!statement) {
      const names = columns.map(quoteIdentifier).join(', ');
      const sql = columns.length === 0 ? `INSERT INTO ${quoteIdentifier(this.table)} DEFAULT VALUES` : `INSERT INTO ${quoteIdentifier(this.table)} (${names}) VALUES (${columns.map(() => '?').join(', ')})`;
      statement = this.raw.prepare(sql);
      this.#statements.set(key, statement);
    }
    if (columns.length > 0) statement.bind(columns.map((column) => row[column] ?? null));
    try {
      statement.stepReset();
    } finally {
      statement.reset(true);
    }
  }

  finalize(): void {
    for (const statement of this.#statements.values()) statement.finalize();
    this.#statements.clear();
  }
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
