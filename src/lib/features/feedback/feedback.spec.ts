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

const contents = async (filter: CommandInput<'feedback.list'>) =>
  expectOk(await client.call('feedback.list', filter)).items.map((item) => item.content);

describe('feedback', () => {
  it('creates feedback and lists a date range newest first', async () => {
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const created = expectOk(
      await client.call('feedback.create', { fromPersonId: ana.id, feedbackDate: '2026-03-03', content: '  Great demo.  ', sentiment: 'positive' })
    );
    expect(created).toMatchObject({ fromPersonId: ana.id, content: 'Great demo.', category: null, sentiment: 'positive', deletedAt: null });
    expectOk(await client.call('feedback.create', { feedbackDate: '2026-03-20', content: 'Write smaller PRs.', category: 'technical' }));
    expectOk(await client.call('feedback.create', { feedbackDate: '2026-04-01', content: 'April note.' }));

    expect(await contents({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['Write smaller PRs.', 'Great demo.']);
  });

  it('filters by person, category, sentiment and tag', async () => {
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const ben = expectOk(await client.call('people.create', { name: 'Ben' }));
    const first = expectOk(
      await client.call('feedback.create', { fromPersonId: ana.id, feedbackDate: '2026-03-01', content: 'Clear design doc.', category: 'technical', sentiment: 'positive' })
    );
    expectOk(
      await client.call('feedback.create', { fromPersonId: ben.id, feedbackDate: '2026-03-02', content: 'Speak up in planning.', category: 'behavioral', sentiment: 'constructive' })
    );
    expectOk(await client.call('feedback.create', { fromPersonId: ana.id, feedbackDate: '2026-03-03', content: 'Fine.', category: 'general', sentiment: 'neutral' }));

    expect(await contents({ fromPersonId: ana.id })).toEqual(['Fine.', 'Clear design doc.']);
    expect(await contents({ category: 'behavioral' })).toEqual(['Speak up in planning.']);
    expect(await contents({ sentiment: 'positive', fromPersonId: ana.id })).toEqual(['Clear design doc.']);

    await database.context.db.insertInto('tags').values({ id: 'tag-writing', name: 'writing' }).execute();
    await database.context.db.insertInto('feedback_tags').values({ feedback_id: first.id, tag_id: 'tag-writing' }).execute();
    expect(await contents({ tagId: 'tag-writing' })).toEqual(['Clear design doc.']);
  });

  it('refuses a wrong sentiment and empty content naming the field, and writes nothing', async () => {
    const wrong = await client.call('feedback.create', { feedbackDate: '2026-03-01', content: 'Hm.', sentiment: 'angry' as never });
    expect(wrong).toEqual({ ok: false, error: { code: 'validation', message: 'Sentiment is one of: positive, constructive, neutral.', field: 'sentiment' } });
    const empty = await client.call('feedback.create', { feedbackDate: '2026-03-01', content: '   ' });
    expect(empty.ok === false && empty.error).toMatchObject({ field: 'content', message: 'Feedback is required.' });
    expect(await contents({})).toEqual([]);
  });

  it('moves feedback to the trash and restores it', async () => {
    const item = expectOk(await client.call('feedback.create', { feedbackDate: '2026-03-01', content: 'Oops.' }));
    expectOk(await client.call('feedback.delete', { id: item.id }));
    expect(await contents({})).toEqual([]);
    expect(await client.call('feedback.get', { id: item.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This piece of feedback no longer exists.' }
    });
    expectOk(await client.call('feedback.restore', { id: item.id }));
    expect(await contents({})).toEqual(['Oops.']);
  });
});
