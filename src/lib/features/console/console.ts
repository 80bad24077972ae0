import * as v from 'valibot';

/** The most rows one query answers with; the rest is left out and `truncated` says so. */
export const ROW_LIMIT = 1000;
/** A query still running after this long is stopped by SQLite's progress handler. */
export const TIME_LIMIT_MS = 5000;

export const QueryInput = v.object({
  sql: v.pipe(
    v.string('Write a query first.'),
    v.nonEmpty('Write a query first.'),
    v.maxLength(100_000, 'The query is too long (100,000 characters at most).')
  )
});

/** One column as `PRAGMA table_info` describes it. */
export interface SchemaColumn {
  readonly name: string;
  /** The declared type, as written in the schema ("TEXT", "INTEGER"; empty for a view's expression). */
  readonly type: string;
  readonly notnull: boolean;
  /** Position in the primary key (1, 2, …), or 0 when the column is not part of it. */
  readonly pk: number;
}

export type SchemaTableKind = 'table' | 'view' | 'virtual';

/** A table or view the console can read, for the schema browser. */
export interface SchemaTable {
  readonly name: string;
  readonly kind: SchemaTableKind;
  /** Bookkeeping the app keeps for itself (migrations, request log, search index), not the person's data. */
  readonly internal: boolean;
  readonly columns: readonly SchemaColumn[];
}

/** A cell as the console shows it: blobs become a short description, big integers text. */
export type ConsoleCell = string | number | null;

export interface QueryResult {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly ConsoleCell[])[];
  /** True when the query had more than `ROW_LIMIT` rows and only the first ones are here. */
  readonly truncated: boolean;
  readonly elapsedMs: number;
}

/** Tables the app keeps for itself (the full-text index's shadow tables are left out by type). */
const INTERNAL_TABLES = new Set(['_migrations', '_request_log', 'search_index', 'search_index_keys']);

/** True for the app's own bookkeeping (migrations, request log, search index), not the person's data. */
export function isInternalTable(name: string): boolean {
  return INTERNAL_TABLES.has(name);
}

/** `tasks` -> `"tasks"`, safe for any name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The query a click on a table in the schema browser starts with. */
export function previewQuery(table: string): string {
  return `SELECT * FROM ${quoteIdentifier(table)} LIMIT 100`;
}

/** "BLOB, 12 bytes": what the console shows instead of binary data. */
export function describeBlob(byteLength: number): string {
  return `BLOB, ${byteLength} ${byteLength === 1 ? 'byte' : 'bytes'}`;
}

/**
 * A name for a statement the console refused, for the message only (the refusal itself comes from
 * the connection): `CREATE TABLE`, `DROP INDEX`, or the first keyword (`VACUUM`).
 */
export function statementLabel(sql: string): string {
  const text = sql.replace(/^(\s|--[^\n]*(\n|$)|\/\*[\s\S]*?\*\/)+/, '');
  const schemaChange = /^(CREATE|DROP)\s+(?:(?:TEMP|TEMPORARY|UNIQUE|VIRTUAL)\s+)*(TABLE|INDEX|VIEW|TRIGGER)\b/i.exec(text);
  if (schemaChange?.[1] && schemaChange[2]) return `${schemaChange[1]} ${schemaChange[2]}`.toUpperCase();
  const keyword = /^[A-Za-z]+/.exec(text)?.[0];
  return keyword ? keyword.toUpperCase() : 'This statement';
}
