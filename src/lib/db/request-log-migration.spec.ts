import { afterEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from './migrations/bundled';
import { runMigrations } from './migrations/runner';
import { createMigrationTarget } from './migrations/target';
import { RequestLog } from './request-log';
import { StatementCache } from './statement-cache';
import { loadSqlite, type Database } from './sqlite';

const ONE_BTREE = bundledMigrations.findIndex((migration) => migration.name === 'request_log_one_btree');
const PARTIAL_PROJECT_LIST = bundledMigrations.findIndex((migration) => migration.name === 'partial_task_project_list');

let db: Database | null = null;
let statements: StatementCache | null = null;

afterEach(() => {
  statements?.clear();
  db?.close();
  db = null;
  statements = null;
});

async function migratedUpTo(count: number): Promise<{ raw: Database; migrate: () => ReturnType<typeof runMigrations> }> {
  const sqlite3 = await loadSqlite();
  const raw = new sqlite3.oo1.DB(':memory:', 'c');
  db = raw;
  const target = createMigrationTarget(sqlite3, raw);
  expect(await runMigrations(target, bundledMigrations.slice(0, count))).toMatchObject({ outcome: 'ok' });
  return { raw, migrate: () => runMigrations(target, bundledMigrations) };
}

describe('migration 0007 (the request log as one b-tree)', () => {
  it('keeps every logged answer, still refuses a second record of a key, and prunes by age', async () => {
    expect(ONE_BTREE).toBeGreaterThan(0);
    const { raw, migrate } = await migratedUpTo(ONE_BTREE);
    raw.exec(`INSERT INTO _request_log (key, result, created_at) VALUES
      ('recent', '{"value":{"id":"t1"}}', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
      ('old', '{"value":null}', '2000-01-01T00:00:00.000Z')`);

    expect(await migrate()).toMatchObject({ outcome: 'ok', schemaVersion: bundledMigrations.length });

    statements = new StatementCache(await loadSqlite(), raw);
    const log = new RequestLog(raw, statements);
    expect(log.find('recent')).toEqual({ value: { id: 't1' } });
    expect(log.find('old')).toEqual({ value: null });
    expect(() => log.record('recent', { id: 'again' })).toThrow(/UNIQUE|PRIMARY KEY|constraint/i);
    log.prune();
    expect(raw.selectValues('SELECT key FROM _request_log ORDER BY key')).toEqual(['recent']);
    expect(String(raw.selectValue("SELECT sql FROM sqlite_schema WHERE name = '_request_log'"))).toContain('WITHOUT ROWID');
    expect(raw.selectValue("SELECT count(*) FROM sqlite_schema WHERE tbl_name = '_request_log' AND type = 'index'")).toBe(0);
  });
});

describe('migration 0008 (the project list index only for tasks with a project)', () => {
  it('leaves out tasks without a project, and a project’s list still reads it in order', async () => {
    expect(PARTIAL_PROJECT_LIST).toBeGreaterThan(0);
    const { raw, migrate } = await migratedUpTo(PARTIAL_PROJECT_LIST);
    raw.exec(`INSERT INTO projects (id, name, classification) VALUES ('p1', 'Launch', 'work');
      INSERT INTO tasks (id, title, focus_date, project_id) VALUES ('t1', 'In the project', '2026-11-20', 'p1'), ('t2', 'On its own', '2026-11-21', NULL);`);

    expect(await migrate()).toMatchObject({ outcome: 'ok' });

    expect(String(raw.selectValue("SELECT sql FROM sqlite_schema WHERE name = 'tasks_project_list'"))).toContain('project_id IS NOT NULL');
    const plan = raw
      .selectObjects("EXPLAIN QUERY PLAN SELECT id FROM tasks WHERE deleted_at IS NULL AND project_id = 'p1' ORDER BY focus_date DESC, created_at, id")
      .map((row) => String(row.detail));
    expect(plan.join('\n')).toContain('USING INDEX tasks_project_list');
    expect(plan.join('\n')).not.toContain('TEMP B-TREE');
    expect(raw.selectValues("SELECT id FROM tasks WHERE deleted_at IS NULL AND project_id = 'p1'")).toEqual(['t1']);
  });
});
