import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient());
});

afterEach(() => close());

describe('tags', () => {
  it('ensures a tag by name without duplicates, case-insensitively', async () => {
    const first = expectOk(await client.call('tags.ensure', { name: 'Deep Work' }));
    const again = expectOk(await client.call('tags.ensure', { name: 'deep work' }));
    expect(again.id).toBe(first.id);
    const clash = await client.call('tags.create', { name: 'DEEP WORK' });
    expect(clash.ok === false && clash.error.code).toBe('conflict');
  });

  it('tags a task and a meeting, filters by tag, and forgets links when the tag goes', async () => {
    const tag = expectOk(await client.call('tags.ensure', { name: 'q4' }));
    const task = expectOk(await client.call('tasks.create', { title: 'Plan Q4', focusDate: '2026-11-23' }));
    expectOk(await client.call('tasks.create', { title: 'Untagged', focusDate: '2026-11-23' }));
    const meeting = expectOk(await client.call('meetings.create', { title: 'Q4 review', meetingDate: '2026-11-23' }));
    expectOk(await client.call('tags.attach', { tagId: tag.id, kind: 'task', entityId: task.id }));
    expectOk(await client.call('tags.attach', { tagId: tag.id, kind: 'meeting', entityId: meeting.id }));

    expect(expectOk(await client.call('tasks.list', { tagId: tag.id })).items.map((t) => t.title)).toEqual(['Plan Q4']);
    expect(expectOk(await client.call('meetings.list', { tagId: tag.id })).items.map((m) => m.id)).toEqual([meeting.id]);
    expect(expectOk(await client.call('tags.forEntity', { kind: 'task', entityId: task.id })).map((t) => t.name)).toEqual(['q4']);

    expectOk(await client.call('tags.delete', { id: tag.id }));
    expect(expectOk(await client.call('tags.forEntity', { kind: 'task', entityId: task.id }))).toEqual([]);
  });

  it('refuses to tag something that does not exist, and an unknown kind', async () => {
    const tag = expectOk(await client.call('tags.ensure', { name: 'x' }));
    const missing = await client.call('tags.attach', { tagId: tag.id, kind: 'task', entityId: 'nope' });
    expect(missing.ok === false && missing.error.code).toBe('constraint');
    // @ts-expect-error: 'habit' cannot be tagged; the worker says so too.
    const unknown = await client.call('tags.attach', { tagId: tag.id, kind: 'habit', entityId: 'x' });
    expect(unknown.ok === false && unknown.error).toMatchObject({ code: 'validation', field: 'kind' });
  });
});
