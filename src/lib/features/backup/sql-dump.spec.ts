import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DatabaseHost } from '../../db/database-host';
import { bundledMigrations } from '../../db/migrations/bundled';
import { loadSqlite, type Database, type Sqlite3Static } from '../../db/sqlite';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { quoteIdentifier } from './catalog';
import { readBackupDocument } from './json-export';
import { fillWithSampleData } from './sample-data';
import { writeSqlDump } from './sql-dump';

let sqlite3: Sqlite3Static;
let folder: string;
let client: RpcClient;
let database: TestDatabase;
let close: () => void;
const now = new Date('2026-03-05T12:00:00.000Z');

beforeAll(async () => {
  sqlite3 = await loadSqlite();
  folder = mkdtempSync(join(tmpdir(), 'daybook-dump-'));
  const version = spawnSync('sqlite3', ['--version'], { encoding: 'utf8' });
  if (version.error) throw new Error('These tests replay dumps in the sqlite3 tool: install it (apt-get install sqlite3).');
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

beforeEach(async () => {
  ({ client, database, close } = await openTestClient({ now: () => now }));
});

afterEach(() => close());

let replays = 0;

/** Runs the dump in the real sqlite3 tool into a new file and opens that file here. */
function replayInSqliteTool(dump: string): Database {
  const file = join(folder, `replay-${++replays}.sqlite3`);
  const run = spawnSync('sqlite3', ['-bail', file], { input: dump, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const bytes = new Uint8Array(readFileSync(file));
  const replayed = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
  const flags = sqlite3.capi.SQLITE_DESERIALIZE_FREEONCLOSE | sqlite3.capi.SQLITE_DESERIALIZE_RESIZEABLE;
  replayed.checkRc(sqlite3.capi.sqlite3_deserialize(replayed, 'main', pointer, bytes.byteLength, bytes.byteLength, flags));
  return replayed;
}

/** In the sqlite3 tool, what a query prints in list mode. */
function sqliteTool(file: string, sql: string): string {
  return spawnSync('sqlite3', [file, sql], { encoding: 'utf8' }).stdout.trim();
}

/**
 * Every table's rows as exact SQL literals (type included), in rowid order (a WITHOUT ROWID table in
 * its key's order); the FTS table with its rowids.
 */
function allRows(raw: Database): Record<string, string[][]> {
  const tables = raw
    .selectObjects("SELECT name, type, wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'virtual') AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .map((row) => ({ name: String(row.name), virtual: row.type === 'virtual', withoutRowid: row.wr === 1 }));
  return Object.fromEntries(
    tables.map(({ name, virtual, withoutRowid }) => {
      const columns = raw.selectValues('SELECT name FROM pragma_table_xinfo(?) WHERE hidden = 0 ORDER BY cid', [name]).map((column) => `quote(${quoteIdentifier(String(column))})`);
      const select = `SELECT ${virtual ? 'rowid, ' : ''}${columns.join(', ')} FROM ${quoteIdentifier(name)}${withoutRowid ? '' : ' ORDER BY rowid'}`;
      return [name, raw.selectArrays(select).map((row) => row.map(String))];
    })
  );
}

function schemaOf(raw: Database): string[] {
  return raw.selectArrays('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name').map((row) => row.map(String).join(' | '));
}

describe('backup.exportSql', () => {
  it('reports how far it has read and, when cancelled, stops without a file', async () => {
    for (let index = 0; index < 600; index++) expectOk(await client.call('tags.create', { name: `tag-${index}` }));
    const controller = new AbortController();
    const progress: number[] = [];
    const onProgress = (done: number) => {
      progress.push(done);
      controller.abort();
    };
    const answer = await client.call('backup.exportSql', undefined, { signal: controller.signal, onProgress });
    expect(progress).toEqual([500]);
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'Stopped before the end, as asked; nothing was changed.' } });
  });

  it('replays in the sqlite3 tool into the same schema, the same rows in every table, and the same user_version', async () => {
    await fillWithSampleData(client);
    const file = expectOk(await client.call('backup.exportSql', undefined));
    expect(file.fileName).toBe('daybook-2026-03-05.sql');
    expect(file.data.type).toBe('application/sql');
    const source = database.host.session.raw;
    const replayed = replayInSqliteTool(await file.data.text());
    try {
      expect(allRows(replayed)).toEqual(allRows(source));
      expect(Object.keys(allRows(source))).toEqual(expect.arrayContaining(['_migrations', '_request_log', 'search_index', 'search_index_keys', 'tasks']));
      expect(schemaOf(replayed)).toEqual(schemaOf(source));
      expect(replayed.selectValue('PRAGMA user_version')).toBe(bundledMigrations.length);
      expect(await readBackupDocument(replayed, { now })).toEqual(await readBackupDocument(source, { now }));
    } finally {
      replayed.close();
    }
  });

  it('gives a database that passes integrity checks, whose search index matches and whose triggers work', async () => {
    await fillWithSampleData(client);
    const dump = await expectOk(await client.call('backup.exportSql', undefined)).data.text();
    const file = join(folder, 'checked.sqlite3');
    expect(spawnSync('sqlite3', ['-bail', file], { input: dump, encoding: 'utf8' }).status).toBe(0);
    expect(sqliteTool(file, 'PRAGMA integrity_check')).toBe('ok');
    expect(sqliteTool(file, 'PRAGMA foreign_key_check')).toBe('');
    expect(sqliteTool(file, "INSERT INTO search_index(search_index) VALUES('integrity-check'); SELECT 'fts ok'")).toBe('fts ok');
    const search = "SELECT entity_type || ':' || entity_id FROM search_index WHERE search_index MATCH 'backups' ORDER BY rowid";
    const expected = database.host.session.raw.selectValues(search).map(String).join('\n');
    expect(expected).not.toBe('');
    expect(sqliteTool(file, search)).toBe(expected);
    // The triggers came last and work: a new task gets its first status in the history.
    const history = sqliteTool(
      file,
      "PRAGMA foreign_keys=ON; INSERT INTO tasks (id, title) VALUES ('replayed-task', 'After the replay'); SELECT to_status FROM task_status_history WHERE task_id = 'replayed-task';"
    );
    expect(history).toBe('todo');
  });

  it('gives a file this app opens as its own database, migrations recognised', async () => {
    await fillWithSampleData(client);
    const replayed = replayInSqliteTool(await expectOk(await client.call('backup.exportSql', undefined)).data.text());
    const host = new DatabaseHost({ loadSqlite, migrations: bundledMigrations });
    const status = await host.adopt(sqlite3, replayed, 'memory');
    expect(status).toMatchObject({ state: 'ready', schemaVersion: bundledMigrations.length });
    host.close();
  });

  it('writes every kind of value as an exact literal: quotes, new lines, NULL, large integers, reals and blobs', async () => {
    const scratch = new sqlite3.oo1.DB(':memory:', 'c');
    try {
      scratch.exec(`CREATE TABLE "odd ""name"" table" ("a value", b INTEGER PRIMARY KEY);
        CREATE TABLE counters (id INTEGER PRIMARY KEY AUTOINCREMENT, label TEXT);
        CREATE VIEW "odd view" AS SELECT count(*) AS n FROM "odd ""name"" table";
        PRAGMA user_version = 7;`);
      // As SQL literals, so what is stored is exactly what the test means (JavaScript would bind 1.0 as 1).
      const literals = [
        "'it''s \"quoted\"; -- not a comment'",
        "'line one' || char(10) || 'line two' || char(13, 10) || 'three' || char(9) || 'tabbed'",
        "'Zürich, 東京, 🚀'",
        "'control ' || char(1, 13, 27, 31, 127) || ' end'",
        "'a literal \\r and a real ' || char(13) || ' one'",
        "''",
        'NULL',
        '0',
        '-1',
        '9007199254740993',
        '-9223372036854775808',
        '1.0',
        '0.1',
        '-2.5e-300',
        '1e308',
        '123456789.123456789',
        "X'00ff1027'",
        "X''"
      ];
      for (const literal of literals) scratch.exec(`INSERT INTO "odd ""name"" table" ("a value") VALUES (${literal})`);
      scratch.exec("INSERT INTO counters (label) VALUES ('one'), ('two'); DELETE FROM counters WHERE label = 'two';");
      const lines: string[] = [];
      await writeSqlDump(scratch, { now }, (line) => lines.push(line));
      const dump = lines.join('\n');
      expect(dump).toContain("X'00FF1027'");
      expect(dump).toContain("'it''s \"quoted\"; -- not a comment'");
      const replayed = replayInSqliteTool(dump);
      try {
        expect(allRows(replayed)).toEqual(allRows(scratch));
        expect(replayed.selectArrays('SELECT name, seq FROM sqlite_sequence')).toEqual([['counters', 2]]);
        expect(replayed.selectValue('SELECT n FROM "odd view"')).toBe(literals.length);
        expect(replayed.selectValue('PRAGMA user_version')).toBe(7);
        expect(replayed.selectValues('SELECT typeof("a value") FROM "odd ""name"" table" ORDER BY b')).toEqual(
          scratch.selectValues('SELECT typeof("a value") FROM "odd ""name"" table" ORDER BY b')
        );
      } finally {
        replayed.close();
      }
    } finally {
      scratch.close();
    }
  });
});
