import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { WorkerEvent } from '../../rpc/contract';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let database: TestDatabase;
let events: WorkerEvent[];
let close: () => void;

beforeEach(async () => {
  ({ client, database, events, close } = await openTestClient({ now: () => new Date('2026-11-23T09:00:00.000Z') }));
});

afterEach(() => close());

/** 20,000 tags with long-ish names: enough pages that deleting them leaves a lot of free space. */
function fillTags(): void {
  database.host.session.raw.exec(`
    WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 20000)
    INSERT INTO tags (id, name) SELECT 'tag-' || x, 'A fairly long tag name number ' || x FROM n`);
}

describe('maintenance', () => {
  it('reports the file size, free space, page size and the person’s tables, and counts their rows when asked', async () => {
    expectOk(await client.call('tasks.create', { title: 'One', focusDate: '2026-11-23' }));
    expectOk(await client.call('tasks.create', { title: 'Two', focusDate: '2026-11-23' }));
    const stats = expectOk(await client.call('maintenance.stats', undefined));
    const raw = database.host.session.raw;
    expect(stats.pageSize).toBe(raw.selectValue('PRAGMA page_size'));
    expect(stats.databaseBytes).toBe(Number(raw.selectValue('PRAGMA page_count')) * stats.pageSize);
    expect(stats.freelistBytes).toBe(Number(raw.selectValue('PRAGMA freelist_count')) * stats.pageSize);
    // The test database lives in memory; the app's file on OPFS is in WAL mode.
    expect(stats.walMode).toBe(false);
    expect(stats.tableNames).toEqual([...stats.tableNames].sort((a, b) => a.localeCompare(b)));
    for (const hidden of ['_migrations', '_request_log', 'search_index', 'search_index_keys', 'search_index_data', 'task_actual_minutes', 'sqlite_schema']) {
      expect(stats.tableNames).not.toContain(hidden);
    }

    const rows = expectOk(await client.call('maintenance.tableRows', undefined));
    expect(rows.map((table) => table.name)).toEqual(stats.tableNames);
    expect(rows).toContainEqual({ name: 'tasks', rows: 2 });
    expect(rows).toContainEqual({ name: 'tags', rows: 0 });
  });

  it('analyzes inside its own write transaction, keeps the statistics, and announces no table of the person', async () => {
    fillTags();
    const stats = expectOk(await client.call('maintenance.analyze', undefined));
    expect(stats.tableNames).toContain('tags');
    const raw = database.host.session.raw;
    expect(database.host.session.isAutocommit()).toBe(true);
    expect(raw.selectValue("SELECT stat FROM sqlite_stat1 WHERE tbl = 'tags' AND idx IS NOT NULL LIMIT 1")).toMatch(/^20000 /);
    expect(events.filter((event) => event.type === 'changed')).toEqual([]);
  });

  it('compacts the file after a big delete and leaves the data as it was', async () => {
    expectOk(await client.call('tasks.create', { title: 'Still here', focusDate: '2026-11-23' }));
    fillTags();
    const full = expectOk(await client.call('maintenance.stats', undefined));
    database.host.session.raw.exec('DELETE FROM tags');
    const afterDelete = expectOk(await client.call('maintenance.stats', undefined));
    expect(afterDelete.databaseBytes).toBe(full.databaseBytes);
    expect(afterDelete.freelistBytes).toBeGreaterThan(full.databaseBytes / 2);

    const compacted = expectOk(await client.call('maintenance.vacuum', undefined));

    expect(compacted.freelistBytes).toBe(0);
    expect(compacted.databaseBytes).toBeLessThan(full.databaseBytes / 2);
    const rows = expectOk(await client.call('maintenance.tableRows', undefined));
    expect(rows).toContainEqual({ name: 'tasks', rows: 1 });
    expect(rows).toContainEqual({ name: 'tags', rows: 0 });
    expect(database.host.session.raw.selectValue('PRAGMA integrity_check')).toBe('ok');
    // The connection is back in autocommit, and writes go on as before.
    expectOk(await client.call('tasks.create', { title: 'After compacting', focusDate: '2026-11-23' }));
  });

  it('empties the trash through trash.empty and the stats show it', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Gone', focusDate: '2026-11-23' }));
    expectOk(await client.call('tasks.delete', { id: task.id }));
    expect(expectOk(await client.call('maintenance.tableRows', undefined))).toContainEqual({ name: 'tasks', rows: 1 });
    expect(expectOk(await client.call('trash.empty', undefined))).toEqual({ purged: 1 });
    expect(expectOk(await client.call('maintenance.tableRows', undefined))).toContainEqual({ name: 'tasks', rows: 0 });
  });
});
