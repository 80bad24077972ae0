import type { Database } from '../../db/sqlite';

/**
 * Tables the app keeps for itself or derives from the others: never part of a backup's data.
 * The full-text index (`search_index`, a virtual table, and its shadow tables) is left out by type.
 */
const INTERNAL_TABLES = new Set(['_migrations', '_request_log', 'search_index_keys']);

/** One table that holds the person's data, as the live schema describes it. */
export interface UserTable {
  readonly name: string;
  /** Column names in table order (hidden and generated columns left out). */
  readonly columns: readonly string[];
  /** Primary-key columns in key order; rows are read in this order. */
  readonly primaryKey: readonly string[];
  /** Other tables this one refers to by foreign key. */
  readonly parents: readonly string[];
  /** Foreign keys from this table to itself (a goal's parent goal): `from` refers to `to`. */
  readonly selfReferences: readonly { readonly from: string; readonly to: string }[];
}

/** `tasks` -> `"tasks"`, safe for any name. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Every user table of the database, parents before children (a table comes after every table it
 * refers to), ties in creation order. Read from the live schema, so a new migration's tables are
 * in backups without a change here.
 */
export function readUserTables(raw: Database): UserTable[] {
  const names = raw
    .selectValues(
      `SELECT s.name FROM sqlite_schema AS s JOIN pragma_table_list AS t ON t.name = s.name AND t.schema = 'main'
       WHERE s.type = 'table' AND t.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY s.rowid`
    )
    .map(String)
    .filter((name) => !INTERNAL_TABLES.has(name));
  return dependencyOrder(names.map((name) => describeTable(raw, name)));
}

function describeTable(raw: Database, name: string): UserTable {
  const columns = raw.selectObjects('SELECT name, pk FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid', [name]);
  const keys = raw.selectObjects('SELECT "table" AS parent, "from", "to" FROM pragma_foreign_key_list(?) ORDER BY id, seq', [name]);
  const primaryKey = columns
    .filter((column) => Number(column.pk) > 0)
    .sort((a, b) => Number(a.pk) - Number(b.pk))
    .map((column) => String(column.name));
  const parents = [...new Set(keys.map((key) => String(key.parent)).filter((parent) => parent !== name))];
  const selfReferences = keys
    .filter((key) => key.parent === name)
    .map((key) => ({ from: String(key.from), to: key.to === null ? (primaryKey[0] ?? 'rowid') : String(key.to) }));
  return { name, columns: columns.map((column) => String(column.name)), primaryKey, parents, selfReferences };
}

/** Kahn's algorithm over the foreign keys; a loop between tables (none today) keeps creation order. */
function dependencyOrder(tables: readonly UserTable[]): UserTable[] {
  const known = new Set(tables.map((table) => table.name));
  const placed = new Set<string>();
  const ordered: UserTable[] = [];
  while (ordered.length < tables.length) {
    const ready =
      tables.find((table) => !placed.has(table.name) && table.parents.every((parent) => placed.has(parent) || !known.has(parent))) ??
      tables.find((table) => !placed.has(table.name));
    if (!ready) break;
    placed.add(ready.name);
    ordered.push(ready);
  }
  return ordered;
}
