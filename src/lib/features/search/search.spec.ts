import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { HIGHLIGHT_END, HIGHLIGHT_START, toFtsQuery } from './search';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient());
});

afterEach(() => close());

describe('toFtsQuery', () => {
  it('quotes every word and makes the last a prefix, so operators in the text are inert', () => {
    expect(toFtsQuery('design NEAR(doc')).toBe('"design" "NEAR" "doc"*');
    expect(toFtsQuery('  "; -- ')).toBeNull();
  });
});

describe('search.query', () => {
  it('finds content after insert and update, not after delete, and highlights the match', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Draft the migration plan', focusDate: '2026-11-23' }));
    const meeting = expectOk(
      await client.call('meetings.create', { title: 'Architecture review', meetingDate: '2026-11-23', outcomeNotes: 'Agreed on the migration order' })
    );

    const hits = expectOk(await client.call('search.query', { query: 'migration' }));
    expect(hits.map((hit) => hit.entityId).sort()).toEqual([task.id, meeting.id].sort());
    const taskHit = hits.find((hit) => hit.entityId === task.id);
    expect(taskHit?.entityType).toBe('task');
    expect(taskHit?.snippet).toContain(`${HIGHLIGHT_START}migration${HIGHLIGHT_END}`);

    expectOk(await client.call('tasks.update', { id: task.id, title: 'Draft the rollout plan' }));
    expect(expectOk(await client.call('search.query', { query: 'migration' })).map((hit) => hit.entityId)).toEqual([meeting.id]);
    expect(expectOk(await client.call('search.query', { query: 'rollo' })).map((hit) => hit.entityId)).toEqual([task.id]);

    expectOk(await client.call('meetings.delete', { id: meeting.id }));
    expect(expectOk(await client.call('search.query', { query: 'migration' }))).toEqual([]);
    expectOk(await client.call('meetings.restore', { id: meeting.id }));
    expect(expectOk(await client.call('search.query', { query: 'migration' })).map((hit) => hit.entityId)).toEqual([meeting.id]);
  });

  it('limits a search to some kinds and ranks title matches first', async () => {
    const inTitle = expectOk(await client.call('tasks.create', { title: 'Kubernetes upgrade', focusDate: '2026-11-23' }));
    const inBody = expectOk(
      await client.call('tasks.create', { title: 'Cluster chores', description: 'Mention kubernetes once', focusDate: '2026-11-23' })
    );
    expectOk(await client.call('people.create', { name: 'Kubernetes Expert' }));
    const tasksOnly = expectOk(await client.call('search.query', { query: 'kubernetes', types: ['task'] }));
    expect(tasksOnly.map((hit) => hit.entityId)).toEqual([inTitle.id, inBody.id]);
  });

  it('refuses an empty search with a message', async () => {
    expect(await client.call('search.query', { query: '   ' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Type something to search for.', field: 'query' }
    });
  });
});
