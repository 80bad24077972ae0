import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, queryPlan, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { TRASHABLE } from './trash';
import { trashPageQuery } from './trash.repo';

let client: RpcClient;
let close: () => void;
let database: TestDatabase;
let clock = new Date('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  ({ client, close, database } = await openTestClient({ now: () => clock }));
});

afterEach(() => close());

describe('trash', () => {
  it('reads each kind from its trash index in order and stops at the page: no table scanned or sorted', async () => {
    const { db } = database.context;
    const plan = await queryPlan(db, trashPageQuery(101, 0).compile(db));
    const tables = Object.values(TRASHABLE).map(({ table }) => table);
    for (const table of tables) expect(plan).toContainEqual(expect.stringMatching(new RegExp(`^SEARCH ${table} USING (COVERING )?INDEX ${table}_trash \\(deleted_at>\\?\\)`)));
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE|^SCAN/m);
  });

  it('lists trashed items of every kind, newest first, and restores one', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Old task', focusDate: '2026-11-23' }));
    const person = expectOk(await client.call('people.create', { name: 'Former colleague' }));
    expectOk(await client.call('tasks.delete', { id: task.id }));
    clock = new Date('2026-11-23T10:00:00.000Z');
    expectOk(await client.call('people.delete', { id: person.id }));

    const trash = expectOk(await client.call('trash.list', {}));
    expect(trash.items.map((item) => [item.kind, item.label])).toEqual([
      ['person', 'Former colleague'],
      ['task', 'Old task']
    ]);
    expectOk(await client.call('trash.restore', { kind: 'task', id: task.id }));
    expect(expectOk(await client.call('tasks.get', { id: task.id })).title).toBe('Old task');
    expect(expectOk(await client.call('trash.list', {})).items).toHaveLength(1);
  });

  it('purges for good, refuses to purge what is not in the trash, and empties the rest', async () => {
    const live = expectOk(await client.call('projects.create', { name: 'Keep', classification: 'work' }));
    const gone = expectOk(await client.call('projects.create', { name: 'Gone', classification: 'work' }));
    const also = expectOk(await client.call('organizations.create', { name: 'Old employer' }));
    expect(await client.call('trash.purge', { kind: 'project', id: live.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expectOk(await client.call('projects.delete', { id: gone.id }));
    expectOk(await client.call('organizations.delete', { id: also.id }));
    expectOk(await client.call('trash.purge', { kind: 'project', id: gone.id }));
    expect(await client.call('projects.restore', { id: gone.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(expectOk(await client.call('trash.empty', undefined))).toEqual({ purged: 1 });
    expect(expectOk(await client.call('trash.list', {})).items).toEqual([]);
    expect(expectOk(await client.call('projects.get', { id: live.id })).name).toBe('Keep');
  });
});
