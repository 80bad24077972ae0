import { afterEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../db/migrations/bundled';
import { runMigrations } from '../../db/migrations/runner';
import { createMigrationTarget } from '../../db/migrations/target';
import { loadSqlite, type Database } from '../../db/sqlite';

let db: Database | null = null;

afterEach(() => {
  db?.close();
  db = null;
});

function matches(raw: Database, query: string): string[] {
  return raw.selectValues('SELECT entity_id FROM search_index WHERE search_index MATCH ? ORDER BY rowid', [query]).map(String);
}

/** Both migrations make the FTS5 table again with new prefix options; each must keep every row. */
describe.each([
  { name: 'search_prefix_index', prefix: "prefix = '3'" },
  { name: 'search_prefix_lengths', prefix: "prefix = '3 4 5 6 7 8 9 10 11 12'" }
])('migration $name (prefix indexes for search)', ({ name, prefix }) => {
  it('rebuilds the index with every row under the same rowid, and the triggers keep it current', async () => {
    const position = bundledMigrations.findIndex((migration) => migration.name === name);
    expect(position).toBeGreaterThan(0);
    const sqlite3 = await loadSqlite();
    db = new sqlite3.oo1.DB(':memory:', 'c');
    const target = createMigrationTarget(sqlite3, db);
    expect(await runMigrations(target, bundledMigrations.slice(0, position))).toMatchObject({ outcome: 'ok' });
    db.exec(`
      INSERT INTO tasks (id, title, description, focus_date) VALUES ('t1', 'Deployment checklist', 'before the release', '2026-11-20');
      INSERT INTO journal_entries (id, entry_date, content) VALUES ('j1', '2026-11-21', 'The deploy went well');
      INSERT INTO tasks (id, title, focus_date, deleted_at) VALUES ('t2', 'Deploy in the trash', '2026-11-21', '2026-11-22T10:00:00.000Z');`);
    const before = db.selectObjects('SELECT rowid, entity_type, entity_id, title, body FROM search_index ORDER BY rowid');

    expect(await runMigrations(target, bundledMigrations.slice(0, position + 1))).toMatchObject({ outcome: 'ok', schemaVersion: position + 1 });

    expect(db.selectObjects('SELECT rowid, entity_type, entity_id, title, body FROM search_index ORDER BY rowid')).toEqual(before);
    expect(String(db.selectValue("SELECT sql FROM sqlite_schema WHERE name = 'search_index'"))).toContain(prefix);
    expect(db.selectValue("SELECT count(*) FROM sqlite_schema WHERE name = '_search_index_rows'")).toBe(0);
    expect(db.selectValue("SELECT count(*) FROM sqlite_temp_schema WHERE name = '_search_index_rows'")).toBe(0);
    expect(matches(db, '"dep"*')).toEqual(['t1', 'j1']);
    expect(matches(db, '"deplo"*')).toEqual(['t1', 'j1']);
    expect(matches(db, '"deployment"*')).toEqual(['t1']);

    db.exec("INSERT INTO learnings (id, title, type, learning_date) VALUES ('l1', 'Deploy on Fridays', 'insight', '2026-11-23')");
    db.exec("UPDATE tasks SET title = 'Release checklist', description = '' WHERE id = 't1'");
    expect(matches(db, '"dep"*')).toEqual(['j1', 'l1']);
    expect(matches(db, '"deplo"*')).toEqual(['j1', 'l1']);
    expect(matches(db, '"release"*')).toEqual(['t1']);
  });
});
