import { afterEach, describe, expect, it, vi } from 'vitest';
import { DatabaseHost, type DatabaseHostOptions } from './database-host';
import { bundledMigrations } from './migrations/bundled';
import { runMigrations } from './migrations/runner';
import { createMigrationTarget } from './migrations/target';
import { configureConnection, loadSqlite, WAL_SIZE_LIMIT_BYTES } from './sqlite';

let host: DatabaseHost | null = null;

afterEach(() => {
  vi.useRealTimers();
  host?.close();
  host = null;
});

/** An open host on a memory database whose request log holds one entry old enough to prune, and a count of the entries. */
async function hostWithAnOldRequest(
  options: Pick<DatabaseHostOptions, 'housekeepingIntervalMs' | 'rehearse'> & { housekeepingPauseMs: number }
): Promise<{ opened: DatabaseHost; count: () => number }> {
  const opened = new DatabaseHost({ loadSqlite, migrations: bundledMigrations, housekeepingDelayMs: 20, ...options });
  host = opened;
  await opened.open('memory');
  const { raw } = opened.session;
  raw.exec(`INSERT INTO _request_log (key, result, created_at) VALUES ('old', '{}', '2000-01-01T00:00:00.000Z')`);
  return { opened, count: () => Number(raw.selectValue('SELECT count(*) FROM _request_log')) };
}

describe('DatabaseHost', () => {
  it('checkpoints a restored copy into the file at once and truncates the WAL it went through', async () => {
    host = new DatabaseHost({ loadSqlite, migrations: bundledMigrations });
    await host.open('memory');
    const opened = host;
    const source = new opened.session.sqlite3.oo1.DB(':memory:');
    source.exec("CREATE TABLE restored (x); INSERT INTO restored VALUES ('from the file')");
    const exec = vi.spyOn(opened.session.raw, 'exec');
    await opened.replaceWith(source);
    source.close();
    expect(exec.mock.calls.map(([sql]) => sql).at(-1)).toBe('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(opened.session.raw.selectValue('SELECT x FROM restored')).toBe('from the file');
  });

  it('gives a kept database a WAL size limit, so one big transaction does not keep the file that size', async () => {
    const sqlite3 = await loadSqlite();
    const db = new sqlite3.oo1.DB(':memory:');
    configureConnection(db, 'persistent');
    expect(Number(db.selectValue('PRAGMA journal_size_limit'))).toBe(WAL_SIZE_LIMIT_BYTES);
    db.close();
  });

  it('says plainly when this context cannot keep files, and opens a temporary database on request', async () => {
    const statuses: string[] = [];
    host = new DatabaseHost({ loadSqlite, migrations: bundledMigrations, onStatus: (status) => statuses.push(status.state) });
    // Node has no origin-private file system, like a private window without OPFS.
    const refused = await host.open('persistent');
    expect(refused).toMatchObject({ state: 'unsupported' });
    expect(() => host?.session).toThrow('The database is not open yet.');

    const temporary = await host.open('memory');
    expect(temporary).toEqual({ state: 'ready', storage: 'memory', schemaVersion: bundledMigrations.length });
    expect(statuses).toEqual(['unsupported', 'ready']);
  });

  it('says it is updating before it migrates data an older version wrote, and not for a new database', async () => {
    const sqlite3 = await loadSqlite();
    const older = new sqlite3.oo1.DB(':memory:', 'c');
    const previous = bundledMigrations.length - 1;
    await runMigrations(createMigrationTarget(sqlite3, older), bundledMigrations.slice(0, previous));
    older.exec(`PRAGMA user_version = ${previous}`);
    const statuses: string[] = [];
    host = new DatabaseHost({ loadSqlite, migrations: bundledMigrations, onStatus: (status) => statuses.push(status.state) });
    expect(await host.adopt(sqlite3, older, 'memory')).toMatchObject({ state: 'ready', schemaVersion: bundledMigrations.length });
    expect(statuses).toEqual(['updating', 'ready']);

    host.close();
    statuses.length = 0;
    host = new DatabaseHost({ loadSqlite, migrations: bundledMigrations, onStatus: (status) => statuses.push(status.state) });
    await host.open('memory');
    expect(statuses).toEqual(['ready']);
  });

  it('keeps a blocked database readable for download but refuses to work on it', async () => {
    host = new DatabaseHost({ loadSqlite, migrations: [{ id: 1, name: 'broken', sql: 'CREATE TABLE x (; nonsense' }] });
    const status = await host.open('memory');
    expect(status).toMatchObject({ state: 'blocked', report: { outcome: 'failed' } });
    expect(() => host?.session).toThrow('The database is not open yet.');
    const file = host.exportDatabase();
    expect(new TextDecoder().decode(file.slice(0, 15))).toBe('SQLite format 3');
  });

  it('prunes old request-log entries only after it is ready, and never inside an open transaction', async () => {
    const { opened, count } = await hostWithAnOldRequest({ housekeepingPauseMs: 0 });
    const { raw } = opened.session;
    raw.exec('BEGIN');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(count()).toBe(1);
    raw.exec('COMMIT');
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(count()).toBe(0);
  });

  it('keeps its housekeeping for a pause in the calls', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { opened, count } = await hostWithAnOldRequest({ housekeepingPauseMs: 60 });
    expect(count()).toBe(1);
    // A call every 20 ms for 200 ms: never a 60 ms pause.
    for (let i = 0; i < 10; i++) {
      opened.callStarted();
      opened.callEnded();
      await vi.advanceTimersByTimeAsync(20);
    }
    // The last call came 20 ms ago: 60 ms after it, and not before, the old entry goes.
    await vi.advanceTimersByTimeAsync(39);
    expect(count()).toBe(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(count()).toBe(0);
  });

  it('comes back every interval, so a tab left open for days still does its housekeeping each day', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { opened, count } = await hostWithAnOldRequest({ housekeepingPauseMs: 10, housekeepingIntervalMs: 1000 });
    await vi.advanceTimersByTimeAsync(40);
    expect(count()).toBe(0);
    opened.session.raw.exec(`INSERT INTO _request_log (key, result, created_at) VALUES ('old again', '{}', '2000-01-01T00:00:00.000Z')`);
    await vi.advanceTimersByTimeAsync(900);
    expect(count()).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(count()).toBe(0);
  });

  it('rehearses the first writes once per opening, at its first pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const rehearse = vi.fn(async () => {});
    const { opened } = await hostWithAnOldRequest({ housekeepingPauseMs: 60, housekeepingIntervalMs: 1000, rehearse });
    opened.callStarted();
    opened.callEnded();
    await vi.advanceTimersByTimeAsync(59);
    expect(rehearse).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2);
    expect(rehearse).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(rehearse).toHaveBeenCalledTimes(1);
  });

  it('does not count a long call as a pause', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { opened, count } = await hostWithAnOldRequest({ housekeepingPauseMs: 60 });
    opened.callStarted();
    await vi.advanceTimersByTimeAsync(500);
    expect(count()).toBe(1);
    opened.callEnded();
    await vi.advanceTimersByTimeAsync(59);
    expect(count()).toBe(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(count()).toBe(0);
  });
});
