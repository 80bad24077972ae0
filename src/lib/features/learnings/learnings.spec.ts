import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { CommandInput } from '../../rpc/contract';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient());
});

afterEach(() => close());

describe('learnings', () => {
  it('creates a learning with the database defaults and lists a date range newest first', async () => {
    const first = expectOk(await client.call('learnings.create', { title: 'Indexes need the leading column', type: 'aha_moment', learningDate: '2026-03-02' }));
    expect(first).toMatchObject({ content: '', source: null, meetingId: null, deletedAt: null });
    expectOk(await client.call('learnings.create', { title: 'CRDTs', type: 'concept', source: 'reading', learningDate: '2026-03-10' }));
    expectOk(await client.call('learnings.create', { title: 'Old one', type: 'insight', learningDate: '2026-02-01' }));

    const march = expectOk(await client.call('learnings.list', { from: '2026-03-01', to: '2026-03-31' }));
    expect(march.items.map((learning) => learning.title)).toEqual(['CRDTs', 'Indexes need the leading column']);
  });

  it('filters by type, source, meeting and tag', async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: 'Architecture review', meetingDate: '2026-03-05' }));
    const fromMeeting = expectOk(
      await client.call('learnings.create', { title: 'Prefer boring tech', type: 'insight', source: 'meeting', meetingId: meeting.id, learningDate: '2026-03-05' })
    );
    const reading = expectOk(await client.call('learnings.create', { title: 'Event sourcing', type: 'concept', source: 'reading', learningDate: '2026-03-06' }));
    expectOk(await client.call('learnings.create', { title: 'Sleep matters', type: 'aha_moment', source: 'self_study', learningDate: '2026-03-07' }));

    const titles = async (filter: CommandInput<'learnings.list'>) =>
      expectOk(await client.call('learnings.list', filter)).items.map((learning) => learning.title);
    expect(await titles({ type: 'concept' })).toEqual(['Event sourcing']);
    expect(await titles({ source: 'meeting' })).toEqual(['Prefer boring tech']);
    expect(await titles({ meetingId: meeting.id })).toEqual(['Prefer boring tech']);

    const db = database.context.db;
    await db.insertInto('tags').values({ id: 'tag-arch', name: 'architecture' }).execute();
    await db.insertInto('learning_tags').values([
      { learning_id: fromMeeting.id, tag_id: 'tag-arch' },
      { learning_id: reading.id, tag_id: 'tag-arch' }
    ]).execute();
    expect(await titles({ tagId: 'tag-arch' })).toEqual(['Event sourcing', 'Prefer boring tech']);
  });

  it('refuses a wrong type naming the field, and writes nothing', async () => {
    const answer = await client.call('learnings.create', { title: 'Hmm', type: 'epiphany' as never, learningDate: '2026-03-02' });
    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: 'Type is one of: aha moment, concept, insight.', field: 'type' } });
    const badDay = await client.call('learnings.create', { title: 'Hmm', type: 'insight', learningDate: '2026-02-30' });
    expect(badDay.ok === false && badDay.error).toMatchObject({ field: 'learningDate', message: 'Date must be a real calendar day.' });
    expect(expectOk(await client.call('learnings.list', {})).items).toEqual([]);
  });

  it("keeps the database's rule that a learning from a meeting has the source 'meeting'", async () => {
    const meeting = expectOk(await client.call('meetings.create', { title: '1:1', meetingDate: '2026-03-05' }));
    const answer = await client.call('learnings.create', { title: 'Ask earlier', type: 'insight', source: 'reading', meetingId: meeting.id, learningDate: '2026-03-05' });
    expect(answer).toEqual({ ok: false, error: { code: 'validation', field: 'source', message: "A learning linked to a meeting has the source 'meeting'." } });
    expect(expectOk(await client.call('learnings.list', {})).items).toEqual([]);
  });

  it('moves a learning to the trash and restores it', async () => {
    const learning = expectOk(await client.call('learnings.create', { title: 'Oops', type: 'insight', learningDate: '2026-03-02' }));
    expectOk(await client.call('learnings.delete', { id: learning.id }));
    expect(expectOk(await client.call('learnings.list', {})).items).toEqual([]);
    expect(expectOk(await client.call('learnings.restore', { id: learning.id }))).toMatchObject({ id: learning.id, deletedAt: null });
    expect(expectOk(await client.call('learnings.list', {})).items.map((item) => item.id)).toEqual([learning.id]);
  });
});
