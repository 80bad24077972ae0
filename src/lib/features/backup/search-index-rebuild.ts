import type { Database } from '../../db/sqlite';
import { quoteIdentifier, type UserTable } from './catalog';

/**
 * A search trigger (`tasks_search_insert`: a key, then the item's text in the index) turned into
 * a query for every row of its table at once. `rows` is the SELECT of the trigger's own
 * INSERT … SELECT with its table in the FROM clause as `NEW`, so it answers what the trigger
 * writes, row by row: (search_rowid, kind, id, title, body).
 */
export interface SearchSource {
  readonly table: string;
  readonly kind: string;
  readonly trigger: { readonly name: string; readonly sql: string };
  readonly rows: string;
}

/**
 * The shape every `*_search_insert` trigger of the migrations has. A trigger of another shape is
 * not recognised and keeps running row by row (slower, same result).
 */
const SEARCH_TRIGGER =
  /^CREATE\s+TRIGGER\s+\S+\s+AFTER\s+INSERT\s+ON\s+\S+\s+FOR\s+EACH\s+ROW\s+BEGIN\s+INSERT\s+INTO\s+search_index_keys\s*\(entity_type,\s*entity_id\)\s*VALUES\s*\('([a-z_]+)',\s*NEW\.id\);\s*INSERT\s+INTO\s+search_index\s*\(rowid,\s*entity_type,\s*entity_id,\s*title,\s*body\)\s*(SELECT\s+search_rowid,\s*'\1',\s*NEW\.id,[\s\S]+?)\s+FROM\s+search_index_keys\s+(WHERE\s+entity_type\s*=\s*'\1'\s+AND\s+entity_id\s*=\s*NEW\.id\b[^;]*);\s*END$/i;

/** The user tables' search triggers whose rows can be read for the whole table at once. */
export function readSearchSources(raw: Database, tables: readonly UserTable[]): SearchSource[] {
  const names = new Set(tables.map((table) => table.name));
  return raw
    .selectObjects("SELECT name, tbl_name AS tableName, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY rowid")
    .flatMap((row) => {
      const table = String(row.tableName);
      const trigger = { name: String(row.name), sql: String(row.sql) };
      const match = names.has(table) ? SEARCH_TRIGGER.exec(trigger.sql) : null;
      if (!match?.[1] || !match[2] || !match[3]) return [];
      const rows = `${match[2]} FROM ${quoteIdentifier(table)} AS NEW JOIN search_index_keys ${match[3]}`;
      return [{ table, kind: match[1], trigger, rows }];
    });
}

/**
 * Swaps the full-text table for a plain table of the same name and columns while the rows go in,
 * and answers the function that builds the full-text table once they are all in. The search
 * triggers of `sources` are dropped meanwhile (~100 µs per task row, under Node, for its key and
 * its text); any other search trigger keeps writing "search_index" by name, into the plain table.
 * Building the index once is much cheaper than indexing each row as it goes in, and deleting the
 * old rows would have re-tokenized every document.
 */
export function deferSearchIndex(raw: Database, sources: readonly SearchSource[]): () => void {
  const definition = raw.selectValue("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'search_index'");
  if (typeof definition !== 'string') return () => undefined;
  const settings = readSearchSettings(raw);
  for (const { trigger } of sources) raw.exec(`DROP TRIGGER ${quoteIdentifier(trigger.name)}`);
  raw.exec('DROP TABLE search_index');
  raw.exec('CREATE TABLE search_index (entity_type, entity_id, title, body)');
  // The index starts empty, so its keys go too (the delete triggers that would remove them one by one are suspended).
  raw.exec('DELETE FROM search_index_keys');
  return () => {
    numberSearchKeys(raw, sources);
    // In memory (TEMP): a copy in the file cost writing its 35 MB at ten years and left them free in the file.
    raw.exec(`CREATE TEMP TABLE _search_index_rows AS
      SELECT k.search_rowid, s.entity_type, s.entity_id, s.title, s.body FROM search_index AS s JOIN search_index_keys AS k USING (entity_type, entity_id)`);
    raw.exec('DROP TABLE search_index');
    raw.exec(definition);
    // Every kind in one pass in key order: kind by kind, FTS5 started a segment where the keys went
    // back, and merging ten segments that each span all the keys cost a third of the build.
    const rows = ['SELECT search_rowid, entity_type, entity_id, title, body FROM _search_index_rows', ...sources.map((source) => source.rows)];
    withLargeSearchHash(raw, () =>
      raw.exec(`INSERT INTO search_index (rowid, entity_type, entity_id, title, body) ${rows.join(' UNION ALL ')} ORDER BY 1`)
    );
    raw.exec('DROP TABLE temp._search_index_rows');
    for (const [key, value] of settings) raw.exec({ sql: 'INSERT INTO search_index (search_index, rank) VALUES (?, ?)', bind: [key, value] });
    for (const { trigger } of sources) raw.exec(trigger.sql);
  };
}

/**
 * The settings the migrations gave the full-text table (automerge off, 0010), which live in its
 * config table and would go with it. Put back after the build, which runs with FTS5's defaults.
 */
function readSearchSettings(raw: Database): [string, number | string][] {
  return raw
    .selectArrays("SELECT k, v FROM search_index_config WHERE k <> 'version'")
    .map(([key, value]) => [String(key), typeof value === 'number' ? value : String(value)]);
}

/** FTS5's default; its terms in memory are written out as a segment when they pass this size. */
const DEFAULT_SEARCH_HASH_BYTES = 1024 * 1024;
/** For building the whole index: fewer, larger segments to merge (the full-text part ~2x faster under Node). */
const BUILD_SEARCH_HASH_BYTES = 32 * 1024 * 1024;

/** Runs `build` with FTS5's pending-terms limit raised, then sets it back (its row in the config table removed). */
function withLargeSearchHash(raw: Database, build: () => void): void {
  raw.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${BUILD_SEARCH_HASH_BYTES})`);
  try {
    build();
  } finally {
    raw.exec(`INSERT INTO search_index (search_index, rank) VALUES ('hashsize', ${DEFAULT_SEARCH_HASH_BYTES})`);
    raw.exec("DELETE FROM search_index_config WHERE k = 'hashsize'");
  }
}

/**
 * Gives every item of `sources` its search key, numbered with the keys already there (from
 * triggers not in `sources`) in the order the items were first written, as the triggers number
 * them when items are made one by one; "newest first" search reads the index by this number. Ids
 * are UUIDv7, whose text sorts by creation time. The table is empty, so the keys inserted in that
 * order are numbered 1, 2, 3…; one time stamp for all (the default computes it twice per row).
 */
function numberSearchKeys(raw: Database, sources: readonly SearchSource[]): void {
  raw.exec('CREATE TEMP TABLE _search_keys AS SELECT entity_type, entity_id FROM search_index_keys');
  raw.exec('DELETE FROM search_index_keys');
  const items = [
    'SELECT entity_type, entity_id FROM _search_keys',
    ...sources.map(({ table, kind }) => `SELECT '${kind}', id FROM ${quoteIdentifier(table)}`)
  ];
  raw.exec(`INSERT INTO search_index_keys (entity_type, entity_id, created_at, updated_at)
    SELECT entity_type, entity_id, now, now FROM (${items.join(' UNION ALL ')}), (SELECT strftime('%Y-%m-%dT%H:%M:%fZ', 'now') AS now)
    ORDER BY entity_id, entity_type`);
  raw.exec('DROP TABLE temp._search_keys');
}
