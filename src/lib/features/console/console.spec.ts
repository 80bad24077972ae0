import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { RpcFailure } from '../../rpc/result';
import { previewQuery, statementLabel } from './console';
import { runQuery } from './console.repo';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient({ now: () => new Date('2026-11-23T09:00:00.000Z') }));
});

afterEach(() => close());

/** Everything a refused statement could have changed: the schema, the data, the settings. */
function snapshot() {
  const raw = database.host.session.raw;
  return {
    schema: raw.selectObjects('SELECT type, name, sql FROM sqlite_schema ORDER BY name'),
    tasks: raw.selectObjects('SELECT * FROM tasks ORDER BY id'),
    userVersion: raw.selectValue('PRAGMA user_version'),
    journalMode: raw.selectValue('PRAGMA journal_mode'),
    databases: raw.selectObjects('PRAGMA database_list'),
    statistics: raw.selectValue("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'")
  };
}

describe('console.schema', () => {
  it('lists tables and views with their columns, marks the app’s own tables, and leaves out SQLite’s and the index’s shadows', async () => {
    const tables = expectOk(await client.call('console.schema', undefined));
    const names = tables.map((table) => table.name);
    const tasks = tables.find((table) => table.name === 'tasks');
    expect(tasks).toMatchObject({ kind: 'table', internal: false });
    expect(tasks?.columns[0]).toEqual({ name: 'id', type: 'TEXT', notnull: true, pk: 1 });
    expect(tasks?.columns.find((column) => column.name === 'title')).toMatchObject({ type: 'TEXT', notnull: true, pk: 0 });
    expect(tables.find((table) => table.name === 'task_actual_minutes')).toMatchObject({ kind: 'view', internal: false });
    expect(tables.find((table) => table.name === '_migrations')).toMatchObject({ internal: true });
    expect(tables.find((table) => table.name === '_request_log')).toMatchObject({ internal: true });
    expect(names.filter((name) => name.startsWith('sqlite_'))).toEqual([]);
    expect(names).not.toContain('search_index_data');
    expect(names).not.toContain('search_index_config');
    // The person's tables come first, the app's own last.
    expect(tables.findIndex((table) => table.internal)).toBeGreaterThan(names.indexOf('tasks'));
  });
});

describe('console.query', () => {
  it('answers a SELECT with joins and a CTE, with column names, rows and time taken', async () => {
    const person = expectOk(await client.call('people.create', { name: 'Ada' }));
    expectOk(await client.call('tasks.create', { title: 'Review the plan', focusDate: '2026-11-23', assigneeId: person.id }));
    const joined = expectOk(
      await client.call('console.query', {
        sql: `WITH named AS (SELECT id, name FROM people)
              SELECT t.title, n.name AS assignee FROM tasks AS t JOIN named AS n ON n.id = t.assignee_id ORDER BY t.title`
      })
    );
    expect(joined.columns).toEqual(['title', 'assignee']);
    expect(joined.rows).toEqual([['Review the plan', 'Ada']]);
    expect(joined.truncated).toBe(false);
    expect(joined.elapsedMs).toBeGreaterThanOrEqual(0);

    const counted = expectOk(
      await client.call('console.query', { sql: 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT sum(x) AS total FROM n' })
    );
    expect(counted.rows).toEqual([[15]]);
  });

  it('allows the schema-describing pragmas and reading a setting', async () => {
    const info = expectOk(await client.call('console.query', { sql: 'PRAGMA table_info(tasks)' }));
    expect(info.rows.some((row) => row[1] === 'title')).toBe(true);
    expect(expectOk(await client.call('console.query', { sql: "SELECT name FROM pragma_table_info('tags')" })).rows).toContainEqual(['name']);
    expect(expectOk(await client.call('console.query', { sql: 'PRAGMA index_list(tasks)' })).rows.length).toBeGreaterThan(0);
    const version = database.host.session.raw.selectValue('PRAGMA user_version');
    expect(expectOk(await client.call('console.query', { sql: 'PRAGMA user_version' })).rows).toEqual([[version]]);
  });

  it('runs a full-text query over the search index, with its snippet (FTS5 reads PRAGMA data_version itself)', async () => {
    expectOk(await client.call('tasks.create', { title: 'Plan the database migration', focusDate: '2026-11-23' }));
    const before = snapshot();
    const found = expectOk(
      await client.call('console.query', {
        sql: "SELECT entity_type, title, snippet(search_index, -1, '[', ']', '…', 8) AS snippet FROM search_index WHERE search_index MATCH 'migration' ORDER BY rowid DESC"
      })
    );
    expect(found.rows).toEqual([['task', 'Plan the database migration', 'Plan the database [migration]']]);
    expect(expectOk(await client.call('console.query', { sql: 'PRAGMA data_version' })).rows).toHaveLength(1);
    expect(snapshot()).toEqual(before);
  });

  it('describes blobs briefly and keeps integers beyond 2^53 exact as text', async () => {
    const result = expectOk(await client.call('console.query', { sql: "SELECT x'010203' AS data, 9007199254740993 AS big, 1.5 AS real, NULL AS empty" }));
    expect(result.rows).toEqual([['BLOB, 3 bytes', '9007199254740993', 1.5, null]]);
  });

  it.each([
    ["INSERT INTO tags (id, name) VALUES ('t1', 'new')", 'INSERT'],
    ["UPDATE tasks SET title = 'changed'", 'UPDATE'],
    ['DELETE FROM tasks', 'DELETE'],
    ['WITH doomed AS (SELECT id FROM tasks) DELETE FROM tasks WHERE id IN doomed', 'DELETE'],
    ['DROP TABLE tasks', 'DROP TABLE'],
    ['CREATE TABLE notes (body TEXT)', 'CREATE TABLE'],
    ['CREATE TEMP TABLE scratch (x)', 'CREATE TABLE'],
    ['CREATE INDEX tasks_title ON tasks (title)', 'CREATE INDEX'],
    ["ATTACH DATABASE ':memory:' AS other", 'ATTACH'],
    ['PRAGMA user_version = 5', 'PRAGMA user_version = 5'],
    ['PRAGMA journal_mode = DELETE', 'PRAGMA journal_mode = DELETE'],
    ['PRAGMA query_only = OFF', 'PRAGMA query_only = OFF'],
    ['BEGIN', 'BEGIN'],
    ['SAVEPOINT before_change', 'SAVEPOINT'],
    ['VACUUM', 'VACUUM'],
    ['ANALYZE', 'ANALYZE'],
    ['ALTER TABLE tasks ADD COLUMN extra TEXT', 'ALTER TABLE'],
    ['REINDEX', 'REINDEX']
  ])('refuses %s, changes nothing, and leaves the connection writable', async (sql, label) => {
    expectOk(await client.call('tasks.create', { title: 'Keep me', focusDate: '2026-11-23' }));
    const before = snapshot();

    const answer = await client.call('console.query', { sql });

    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: `The console only reads: ${label} is not allowed.`, field: 'sql' } });
    expect(snapshot()).toEqual(before);
    expect(database.host.session.raw.selectValue('PRAGMA query_only')).toBe(0);
    // A normal write works straight after: query_only and the authorizer were both reset.
    expectOk(await client.call('tasks.create', { title: 'Written after', focusDate: '2026-11-23' }));
    expectOk(await client.call('tags.create', { name: 'after' }));
    expect(database.host.session.raw.selectValue('SELECT count(*) FROM tasks')).toBe(2);
  });

  it('refuses two statements in one call, even when the first only reads, and runs nothing', async () => {
    expectOk(await client.call('tasks.create', { title: 'Keep me', focusDate: '2026-11-23' }));
    const before = snapshot();
    for (const sql of ['SELECT 1; SELECT 2', 'SELECT * FROM tasks; DELETE FROM tasks', 'SELECT 1;;  SELECT 2']) {
      expect(await client.call('console.query', { sql })).toMatchObject({
        ok: false,
        error: { code: 'validation', message: 'The console runs one statement at a time: remove everything after the first “;”.' }
      });
    }
    expect(snapshot()).toEqual(before);
    // A closing semicolon, blank lines and comments after the statement are fine.
    expect(expectOk(await client.call('console.query', { sql: 'SELECT 1 AS one; ;\n-- done\n/* really */' })).rows).toEqual([[1]]);
  });

  it('answers at most 1000 rows and says when it left some out', async () => {
    const many = (count: number) => `WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${count}) SELECT x FROM n`;
    const capped = expectOk(await client.call('console.query', { sql: many(1500) }));
    expect(capped.rows).toHaveLength(1000);
    expect(capped.rows.at(-1)).toEqual([1000]);
    expect(capped.truncated).toBe(true);
    const exact = expectOk(await client.call('console.query', { sql: many(1000) }));
    expect(exact.rows).toHaveLength(1000);
    expect(exact.truncated).toBe(false);
  });

  it('explains invalid SQL and empty text as validation errors', async () => {
    expect(await client.call('console.query', { sql: 'SELECT * FROM nowhere' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'SQLite could not run this: no such table: nowhere', field: 'sql' }
    });
    expect(await client.call('console.query', { sql: 'SELEC 1' })).toMatchObject({ ok: false, error: { code: 'validation', field: 'sql' } });
    expect(await client.call('console.query', { sql: '  -- nothing here\n' })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: 'There is no statement to run: write a SELECT.' }
    });
    expect(await client.call('console.query', { sql: '' })).toMatchObject({ ok: false, error: { code: 'validation', message: 'Write a query first.' } });
  });

  it('stops a runaway query at its time limit and leaves the connection as it was', () => {
    const session = database.host.session;
    const endless = 'WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n';
    let failure: unknown = null;
    try {
      runQuery(session, endless, { timeLimitMs: 100 });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(RpcFailure);
    expect(failure).toMatchObject({ error: { code: 'validation', message: 'The query was stopped after 0.1 seconds. Narrow it down with WHERE or LIMIT.' } });
    // No progress handler is left behind to interrupt the app's own work.
    session.raw.exec("INSERT INTO tags (id, name) VALUES ('t1', 'still writable')");
    expect(session.raw.selectValue('WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) SELECT count(*) FROM n')).toBe(300000);
  });
});

describe('console text helpers', () => {
  it('names a refused statement by its own words, past comments', () => {
    expect(statementLabel('  -- why\n/* note */ create temp table x (y)')).toBe('CREATE TABLE');
    expect(statementLabel('DROP INDEX IF EXISTS tasks_title')).toBe('DROP INDEX');
    expect(statementLabel('create unique index i on t (c)')).toBe('CREATE INDEX');
    expect(statementLabel('vacuum')).toBe('VACUUM');
    expect(statementLabel('')).toBe('This statement');
  });

  it('quotes any table name in the preview query', () => {
    expect(previewQuery('tasks')).toBe('SELECT * FROM "tasks" LIMIT 100');
    expect(previewQuery('odd "name"')).toBe('SELECT * FROM "odd ""name""" LIMIT 100');
  });
});
