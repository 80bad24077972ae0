import * as v from 'valibot';
import type { Session } from '../../db/session';
import type { Database } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  countKinds,
  KINDS,
  OLDEST_IMPORTABLE_SCHEMA_VERSION,
  type BackupDocument,
  type BackupRow,
  type KindCount
} from './backup';
import { quoteIdentifier, readUserTables, type UserTable } from './catalog';
import { withRollback } from './dry-run';
import type { BackupJob } from './job';
import { replaceAllData, withForeignKeysCheckedAtEnd, type Connection } from './replace-all';
import { countRows } from './table-rows';

/** What an import would bring in, and what it would replace. */
export interface JsonImportPreview {
  readonly schemaVersion: number;
  readonly exportedAt: string;
  /** Rows per table in the backup. */
  readonly rows: Readonly<Record<string, number>>;
  readonly totalRows: number;
  /** The backup's content as a person counts it ("120 tasks, 3 in the trash"). */
  readonly kinds: readonly KindCount[];
  /** The earliest and latest `created_at` among the backup's rows. */
  readonly dateRange: { readonly earliest: string; readonly latest: string } | null;
  /** What is in Daybook now: all of it is replaced by an import. */
  readonly current: readonly KindCount[];
}

export interface JsonImportResult {
  readonly rows: Readonly<Record<string, number>>;
  readonly totalRows: number;
  readonly kinds: readonly KindCount[];
}

export interface JsonImportOptions {
  /** The schema version this app was built for (its number of migrations). */
  readonly appSchemaVersion: number;
  readonly job?: BackupJob;
}

/**
 * Checks a backup as completely as an import would (every row goes through the database's
 * constraints and triggers) and undoes it, so the preview's verdict is the import's.
 */
export async function previewJsonImport(session: Session, text: string, options: JsonImportOptions): Promise<JsonImportPreview> {
  options.job?.onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const tables = readUserTables(session.raw);
  const document = parseBackupDocument(text, { appSchemaVersion: options.appSchemaVersion, tables });
  const current = countCurrentKinds(session.raw, tables);
  await withForeignKeysCheckedAtEnd(session.raw, () => withRollback(session, () => replaceAllData(session, document, tables, options.job)));
  return { ...summarize(document), schemaVersion: document.schemaVersion, exportedAt: document.exportedAt, dateRange: dateRange(document), current };
}

/**
 * Replaces all of the person's data with the backup's, ids and timestamps as they are. Must run
 * inside a transaction (a `write` command's): on any error the caller rolls back and the data
 * stays as it was. Faster inside `withForeignKeysCheckedAtEnd` (around the transaction).
 */
export async function importJson(connection: Connection, text: string, options: JsonImportOptions): Promise<JsonImportResult> {
  options.job?.onProgress?.({ phase: 'checking', done: 0, total: 1 });
  const tables = readUserTables(connection.raw);
  const document = parseBackupDocument(text, { appSchemaVersion: options.appSchemaVersion, tables });
  await replaceAllData(connection, document, tables, options.job);
  return summarize(document);
}

const refuse = (message: string) => new RpcFailure('validation', message, 'document');

const notDaybook = 'This file is not a Daybook backup (it does not say "format": "daybook").';
const wholeNumber = (label: string) => v.pipe(v.number(`${label} must be a number.`), v.integer(`${label} must be a whole number.`));

/** The first fields say what the file is; checked first so a foreign file gets a plain answer. */
const Header = v.looseObject(
  {
    format: v.literal(BACKUP_FORMAT, notDaybook),
    formatVersion: wholeNumber('The backup format version'),
    schemaVersion: v.pipe(wholeNumber('The schema version'), v.minValue(1, 'The schema version must be 1 or more.'))
  },
  notDaybook
);

const Value = v.union([v.string(), v.pipe(v.number(), v.finite()), v.null()], 'A value must be text, a number or null.');
const Row = v.record(v.string(), Value, 'A row must be an object of column names and values.');

/** A backup document of format version 1; which tables and columns it may have is checked against the schema. */
export const BackupDocumentSchema = v.object({
  format: v.literal(BACKUP_FORMAT),
  formatVersion: v.literal(BACKUP_FORMAT_VERSION),
  schemaVersion: v.pipe(v.number(), v.integer()),
  exportedAt: v.string('The export time must be text.'),
  tables: v.record(v.string(), v.array(Row, 'A table must be a list of rows.'), 'The tables must be an object of table names and rows.')
});

/**
 * The document with its rows left unchecked, for the fast path of parseBackupDocument: checking
 * every value of 400,000 rows through the schema took ~2 s, a plain loop a fraction of that.
 */
const DocumentShape = v.object({
  ...BackupDocumentSchema.entries,
  tables: v.record(v.string(), v.array(v.unknown()))
});

/** True when every row is an object of text, finite numbers and nulls: what the full schema accepts. */
function holdsOnlyRows(tables: Record<string, unknown[]>): tables is Record<string, BackupRow[]> {
  for (const rows of Object.values(tables)) {
    for (const row of rows) {
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return false;
      for (const value of Object.values(row)) {
        if (value !== null && typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) return false;
      }
    }
  }
  return true;
}

/**
 * The document checked against BackupDocumentSchema. Its shape goes through the schema and the
 * rows through a plain loop; only a document the loop finds fault with goes through the whole
 * schema, whose first issue is the message.
 */
function checkDocument(data: unknown): BackupDocument {
  const shape = v.safeParse(DocumentShape, data);
  if (shape.success && holdsOnlyRows(shape.output.tables)) return { ...shape.output, tables: shape.output.tables };
  const parsed = v.safeParse(BackupDocumentSchema, data);
  if (!parsed.success) throw refuse(describeIssue(parsed.issues[0]));
  return parsed.output;
}

/** Parses and checks a backup against this app's schema; refuses with a sentence saying what is wrong. */
export function parseBackupDocument(text: string, expected: { appSchemaVersion: number; tables: readonly UserTable[] }): BackupDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw refuse(`This file is not JSON, so it is not a Daybook backup${detail}.`);
  }
  const header = v.safeParse(Header, data);
  if (!header.success) throw refuse(header.issues[0].message);
  checkVersions(header.output, expected.appSchemaVersion);
  const document = checkDocument(data);
  checkTables(document, expected.tables);
  return document;
}

function checkVersions({ formatVersion, schemaVersion }: v.InferOutput<typeof Header>, appSchemaVersion: number): void {
  if (formatVersion > BACKUP_FORMAT_VERSION) {
    throw refuse(`This backup was made by a newer version of Daybook (backup format ${formatVersion}; this version reads format ${BACKUP_FORMAT_VERSION}). Update Daybook to import it.`);
  }
  if (formatVersion !== BACKUP_FORMAT_VERSION) throw refuse(`This backup has an unknown format version (${formatVersion}); Daybook reads format ${BACKUP_FORMAT_VERSION}.`);
  if (schemaVersion > appSchemaVersion) {
    throw refuse(`This backup was made by a newer version of Daybook (schema ${schemaVersion}; this version has schema ${appSchemaVersion}). Update Daybook to import it.`);
  }
  if (schemaVersion < OLDEST_IMPORTABLE_SCHEMA_VERSION) {
    throw refuse(`This backup was made by an older version of Daybook (schema ${schemaVersion}), whose data this version cannot import yet.`);
  }
}

/** "tables.tasks.3.title" -> `Row 4 of "tasks", column "title": ...`. */
function describeIssue(issue: v.BaseIssue<unknown>): string {
  const [, table, row, column] = (issue.path ?? []).map((item) => item.key);
  if (typeof table !== 'string') return issue.message;
  const where = typeof row === 'number' ? `Row ${row + 1} of "${table}"${typeof column === 'string' ? `, column "${column}"` : ''}` : `The table "${table}"`;
  return `${where}: ${issue.message}`;
}

/** Every table of this schema is there (empty ones too), and nothing this schema does not have. */
function checkTables(document: BackupDocument, tables: readonly UserTable[]): void {
  const known = new Map(tables.map((table) => [table.name, new Set(table.columns)]));
  for (const [name, rows] of Object.entries(document.tables)) {
    const columns = known.get(name);
    if (!columns) throw refuse(`The backup has a table "${name}" that this version of Daybook does not have.`);
    rows.forEach((row, index) => {
      const unknown = Object.keys(row).find((column) => !columns.has(column));
      if (unknown !== undefined) throw refuse(`Row ${index + 1} of "${name}" has a column "${unknown}" that this version of Daybook does not have.`);
    });
  }
  const missing = tables.find((table) => !Object.hasOwn(document.tables, table.name));
  if (missing) throw refuse(`The backup has no "${missing.name}" table; a Daybook backup lists every table, even empty ones.`);
  if ((document.tables.profile ?? []).length === 0) throw refuse('The backup has no profile (the settings row); it is not a complete Daybook backup.');
}

function summarize(document: BackupDocument): JsonImportResult {
  const rows = Object.fromEntries(Object.entries(document.tables).map(([table, list]) => [table, list.length]));
  const totalRows = Object.values(rows).reduce((sum, count) => sum + count, 0);
  return { rows, totalRows, kinds: countKinds(document.tables) };
}

function dateRange(document: BackupDocument): JsonImportPreview['dateRange'] {
  let earliest: string | null = null;
  let latest: string | null = null;
  for (const table of Object.keys(KINDS)) {
    for (const row of document.tables[table] ?? []) {
      const created = row.created_at;
      if (typeof created !== 'string') continue;
      if (earliest === null || created < earliest) earliest = created;
      if (latest === null || created > latest) latest = created;
    }
  }
  return earliest !== null && latest !== null ? { earliest, latest } : null;
}

function countCurrentKinds(raw: Database, tables: readonly UserTable[]): KindCount[] {
  return Object.entries(KINDS).flatMap(([tableName, label]) => {
    const table = tables.find((candidate) => candidate.name === tableName);
    if (!table) return [];
    const name = quoteIdentifier(table.name);
    const count = countRows(raw, table.name);
    if (count === 0) return [];
    const inTrash = table.columns.includes('deleted_at') ? Number(raw.selectValue(`SELECT count(*) FROM ${name} WHERE deleted_at IS NOT NULL`)) : 0;
    return [{ table: table.name, label, count, inTrash }];
  });
}
