import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { CommandInput } from '../../rpc/contract';
import { ONE_SOURCE_RULE } from './action-items';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;
let clock = new Date('2026-03-10T09:00:00.000Z');

beforeEach(async () => {
  clock = new Date('2026-03-10T09:00:00.000Z');
  ({ client, database, close } = await openTestClient({ now: () => clock }));
});

afterEach(() => close());

const descriptions = async (filter: CommandInput<'actionItems.list'>) =>
  expectOk(await client.call('actionItems.list', filter)).items.map((item) => item.description);

describe('action items', () => {
  it('creates items with the database defaults and lists a due-date range soonest first', async () => {
    const item = expectOk(await client.call('actionItems.create', { description: 'Send the notes', dueDate: '2026-03-12' }));
    expect(item).toMatchObject({ status: 'todo', priority: 'medium', completedAt: null, meetingId: null, feedbackId: null });
    expectOk(await client.call('actionItems.create', { description: 'Book the room', dueDate: '2026-03-11' }));
    expectOk(await client.call('actionItems.create', { description: 'Later', dueDate: '2026-04-02' }));
    expectOk(await client.call('actionItems.create', { description: 'Someday' }));

    expect(await descriptions({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['Book the room', 'Send the notes']);
    // Soonest due first, and an item without a due date after every dated one.
    expect(await descriptions({})).toEqual(['Book the room', 'Send the notes', 'Later', 'Someday']);
  });

  it('filters by status, priority, meeting and feedback', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Retro', meetingDate: '2026-03-09' }));
    const feedback = expectOk(await client.call('feedback.create', { feedbackDate: '2026-03-08', content: 'Test more.' }));
    expectOk(await client.call('actionItems.create', { description: 'Fix the flaky test', meetingId: meeting.id, priority: 'high' }));
    expectOk(await client.call('actionItems.create', { description: 'Add property tests', feedbackId: feedback.id, status: 'in_progress' }));
    expectOk(await client.call('actionItems.create', { description: 'Standalone', priority: 'low' }));

    expect(await descriptions({ meetingId: meeting.id })).toEqual(['Fix the flaky test']);
    expect(await descriptions({ feedbackId: feedback.id })).toEqual(['Add property tests']);
    expect(await descriptions({ status: 'in_progress' })).toEqual(['Add property tests']);
    expect(await descriptions({ priority: 'low' })).toEqual(['Standalone']);
  });

  it('refuses an item from both a meeting and feedback, naming the rule, and writes nothing', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Retro', meetingDate: '2026-03-09' }));
    const feedback = expectOk(await client.call('feedback.create', { feedbackDate: '2026-03-08', content: 'Test more.' }));
    const both = await client.call('actionItems.create', { description: 'Confused', meetingId: meeting.id, feedbackId: feedback.id });
    expect(both).toEqual({ ok: false, error: { code: 'validation', message: ONE_SOURCE_RULE, field: 'feedbackId' } });
    expect(ONE_SOURCE_RULE).toMatch(/from a meeting or from feedback, not both/);
    expect(await descriptions({})).toEqual([]);

    // Adding the second source later is refused too, and the item keeps its first source.
    const item = expectOk(await client.call('actionItems.create', { description: 'From the retro', meetingId: meeting.id }));
    const later = await client.call('actionItems.update', { id: item.id, feedbackId: feedback.id });
    expect(later).toEqual({ ok: false, error: { code: 'validation', message: ONE_SOURCE_RULE, field: 'feedbackId' } });
    expect(expectOk(await client.call('actionItems.get', { id: item.id }))).toMatchObject({ meetingId: meeting.id, feedbackId: null });

    // Switching source in one edit is fine.
    const switched = expectOk(await client.call('actionItems.update', { id: item.id, meetingId: null, feedbackId: feedback.id }));
    expect(switched).toMatchObject({ meetingId: null, feedbackId: feedback.id });
  });

  it('the database refuses both sources even when written around the commands', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Retro', meetingDate: '2026-03-09' }));
    const feedback = expectOk(await client.call('feedback.create', { feedbackDate: '2026-03-08', content: 'Test more.' }));
    await expect(
      database.context.db
        .insertInto('action_items')
        .values({ id: 'raw', description: 'Raw', meeting_id: meeting.id, feedback_id: feedback.id })
        .execute()
    ).rejects.toThrow(/feedback_id: An action item comes from a meeting or from feedback, not both/);
  });

  it('stamps completedAt when the status becomes done and clears it when it leaves done', async () => {
    const item = expectOk(await client.call('actionItems.create', { description: 'Ship it' }));
    clock = new Date('2026-03-11T16:30:00.000Z');
    const done = expectOk(await client.call('actionItems.update', { id: item.id, status: 'done' }));
    expect(done).toMatchObject({ status: 'done', completedAt: '2026-03-11T16:30:00.000Z' });

    clock = new Date('2026-03-12T08:00:00.000Z');
    const renamed = expectOk(await client.call('actionItems.update', { id: item.id, description: 'Ship it today', status: 'done' }));
    expect(renamed.completedAt).toBe('2026-03-11T16:30:00.000Z');

    const reopened = expectOk(await client.call('actionItems.update', { id: item.id, status: 'in_progress' }));
    expect(reopened).toMatchObject({ status: 'in_progress', completedAt: null });

    const doneAtOnce = expectOk(await client.call('actionItems.create', { description: 'Already done', status: 'done' }));
    expect(doneAtOnce.completedAt).toBe('2026-03-12T08:00:00.000Z');
  });

  it('refuses a wrong priority and a bad due date naming the field, and writes nothing', async () => {
    const wrong = await client.call('actionItems.create', { description: 'Hm', priority: 'urgent' as never });
    expect(wrong).toEqual({ ok: false, error: { code: 'validation', message: 'Priority is one of: high, medium, low.', field: 'priority' } });
    const badDay = await client.call('actionItems.create', { description: 'Hm', dueDate: '2026-13-01' });
    expect(badDay.ok === false && badDay.error).toMatchObject({ field: 'dueDate', message: 'Due date must be a real calendar day.' });
    expect(await descriptions({})).toEqual([]);
  });

  it('moves an item to the trash and restores it', async () => {
    const item = expectOk(await client.call('actionItems.create', { description: 'Oops' }));
    expectOk(await client.call('actionItems.delete', { id: item.id }));
    expect(await descriptions({})).toEqual([]);
    const updateTrashed = await client.call('actionItems.update', { id: item.id, status: 'done' });
    expect(updateTrashed.ok === false && updateTrashed.error.code).toBe('not_found');
    expectOk(await client.call('actionItems.restore', { id: item.id }));
    expect(await descriptions({})).toEqual(['Oops']);
  });
});
