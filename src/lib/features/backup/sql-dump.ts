import type { Database } from '../../db/sqlite';
import { backupFileName, type ExportFile } from './backup';
import { quoteIdentifier } from './catalog';
import { JobTracker, type BackupJob } from './job';
import { countRows } from './table-rows';
import { TextBlobWriter } from '../../db/blobs';

interface SchemaObject {
  readonly type: string;
  readonly name: string;
  readonly tableName: string;
  readonly sql: string;
}

interface DataTable {
  readonly name: string;
  readonly virtual: boolean;
  readonly withoutRowid: boolean;
  readonly columns: readonly string[];
}

/** `daybook-YYYY-MM-DD.sql`: the whole database as SQL text that the `sqlite3` tool replays. */
export async function exportSql(raw: Database, options: { now: Date; job?: BackupJob }): Promise<ExportFile> {
  const blob = new TextBlobWriter();
  await writeSqlDump(raw, options, (line) => blob.write(`${line}\n`));
  return { fileName: backupFileName(options.now, '.sql'), data: blob.toBlob('application/sql') };
}

/**
 * The database as SQL, every table (the migration ledger and the search index too), in one
 * transaction: tables, then their rows, then indexes, views and triggers (so no trigger fires
 * while the rows go in and each index is built once), then `user_version`.
 *
 * Values are written by SQLite's own `quote()`, which gives the exact literal for text (quotes
 * doubled), integers, reals (digits enough to read back the same number), NULL and blobs (X'…').
 * The full-text table is a normal FTS5 table that stores its own text, so its rows go in like any
 * table's, each with its rowid (the key `search_index_keys` points at); its shadow tables are made
 * by its CREATE VIRTUAL TABLE and filled by those inserts.
 */
export async function writeSqlDump(raw: Database, options: { now: Date; job?: BackupJob }, writeLine: (line: string) => void): Promise<void> {
  const objects = readSchema(raw);
  const userVersion = Number(raw.selectValue('PRAGMA user_version'));
  const tables = readDataTables(raw, objects);
  const tracker = new JobTracker(options.job, 'reading', tables.reduce((sum, table) => sum + countRows(raw, table.name), 0));
  writeLine(`-- Daybook database (user_version ${userVersion}), written ${options.now.toISOString()}.`);
  writeLine('-- Replay it into a new file with the sqlite3 tool (3.38 or newer): sqlite3 daybook.sqlite3 < this-file.sql');
  writeLine('PRAGMA foreign_keys=OFF;');
  writeLine('BEGIN TRANSACTION;');
  // Shadow tables come with their virtual table, and SQLite makes its own (sqlite_sequence) itself.
  const written = new Set(tables.map((table) => table.name));
  const leftOut = new Set(objects.filter((object) => object.type === 'table' && !written.has(object.name)).map((object) => object.name));
  for (const object of objects) if (object.type === 'table' && written.has(object.name)) writeLine(`${object.sql};`);
  for (const table of tables) {
    for (const line of insertStatements(raw, table)) {
      writeLine(line);
      const checkpoint = tracker.count();
      if (checkpoint) await checkpoint;
    }
  }
  if (objects.some((object) => object.name === 'sqlite_sequence')) {
    writeLine('DELETE FROM sqlite_sequence;');
    for (const row of raw.selectArrays('SELECT quote(name), quote(seq) FROM sqlite_sequence')) writeLine(`INSERT INTO sqlite_sequence(name,seq) VALUES(${row.join(',')});`);
  }
  for (const type of ['index', 'view', 'trigger']) {
    for (const object of objects) if (object.type === type && !leftOut.has(object.tableName)) writeLine(`${object.sql};`);
  }
  writeLine(`PRAGMA user_version=${userVersion};`);
  const applicationId = Number(raw.selectValue('PRAGMA application_id'));
  if (applicationId !== 0) writeLine(`PRAGMA application_id=${applicationId};`);
  writeLine('COMMIT;');
  await tracker.checkpoint();
}

/** Everything in `sqlite_schema` with its own SQL (automatic indexes have none), in creation order. */
function readSchema(raw: Database): SchemaObject[] {
  return raw
    .selectObjects('SELECT type, name, tbl_name AS tableName, sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY rowid')
    .map((row) => ({ type: String(row.type), name: String(row.name), tableName: String(row.tableName), sql: String(row.sql) }));
}

/** Tables whose rows are written: ordinary and virtual ones, not shadow tables nor SQLite's own. */
function readDataTables(raw: Database, objects: readonly SchemaObject[]): DataTable[] {
  const listed = new Map(
    raw.selectObjects("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main'").map((row) => [String(row.name), { type: String(row.type), withoutRowid: Number(row.wr) === 1 }])
  );
  return objects.flatMap((object) => {
    const entry = listed.get(object.name);
    if (object.type !== 'table' || !entry || (entry.type !== 'table' && entry.type !== 'virtual') || object.name.startsWith('sqlite_')) return [];
    const columns = raw.selectValues('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid', [object.name]).map(String);
    return [{ name: object.name, virtual: entry.type === 'virtual', withoutRowid: entry.withoutRowid, columns }];
  });
}

/** One INSERT per row, in rowid order; a virtual table's rows keep their rowid. */
function* insertStatements(raw: Database, table: DataTable): Generator<string> {
  const names = [...(table.virtual ? ['rowid'] : []), ...table.columns];
  const target = `INSERT INTO ${quoteIdentifier(table.name)}(${names.map(quoteIdentifier).join(',')}) VALUES(`;
  const order = table.withoutRowid ? '' : ' ORDER BY rowid';
  const statement = raw.prepare(`SELECT ${names.map((name) => `quote(${name === 'rowid' ? 'rowid' : quoteIdentifier(name)})`).join(', ')} FROM ${quoteIdentifier(table.name)}${order}`);
  try {
    while (statement.step()) yield `${target}${statement.get([]).map((literal) => keepCarriageReturns(String(literal))).join(',')});`;
  } finally {
    statement.finalize();
  }
}

/**
 * The sqlite3 tool drops a carriage return that ends a line of its input, even inside a quoted
 * text, so text holding one is written with `\r` (or `\r0`, `\r1`… when the text has `\r`
 * already) and turned back by `replace()`, as the tool's own `.dump` does.
 */
export function keepCarriageReturns(literal: string): string {
  if (!literal.startsWith("'") || !literal.includes('\r')) return literal;
  let token = '\\r';
  for (let attempt = 0; literal.includes(token); attempt++) token = `\\r${attempt}`;
  return `replace(${literal.replaceAll('\r', token)},'${token}',char(13))`;
}
