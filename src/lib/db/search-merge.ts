import type { Database, Sqlite3Static } from './sqlite';

/**
 * Leaf pages one step merges: about a millisecond of the worker at ten years (under Node), so a
 * call that arrives meanwhile waits no longer than that.
 */
export const SEARCH_MERGE_PAGES = 16;

/**
 * One step of the search index's merging, which migration 0010 took out of the writes: FTS5
 * merges up to `pages` leaf pages of a level holding four or more segments. Answers whether it did
 * any work (FTS5's own test: the total of changes moves by two or more), so the caller repeats it
 * until there is none left.
 */
export function mergeSearchSegments(sqlite3: Sqlite3Static, raw: Database, pages = SEARCH_MERGE_PAGES): boolean {
  const before = sqlite3.capi.sqlite3_total_changes(raw);
  raw.exec(`INSERT INTO search_index (search_index, rank) VALUES ('merge', ${pages})`);
  return sqlite3.capi.sqlite3_total_changes(raw) - before >= 2;
}
