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

const titles = async (filter: CommandInput<'decisions.list'>) =>
  expectOk(await client.call('decisions.list', filter)).items.map((decision) => decision.title);

describe('decisions', () => {
  it('creates a decision with the database defaults and lists a date range, filtered by category and tag', async () => {
    const move = expectOk(
      await client.call('decisions.create', {
        title: 'Take the platform role',
        decisionDate: '2026-03-03',
        category: 'career',
        confidenceLevel: 7,
        wouldDecideSameAgain: true
      })
    );
    expect(move).toMatchObject({ context: '', actualOutcome: '', reversed: 0, wouldDecideSameAgain: 1, reviewDate: null, deletedAt: null });
    expectOk(await client.call('decisions.create', { title: 'Sell the car', decisionDate: '2026-03-15', category: 'finance' }));
    expectOk(await client.call('decisions.create', { title: 'Run in the mornings', decisionDate: '2026-04-01', category: 'health' }));

    expect(await titles({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['Sell the car', 'Take the platform role']);
    expect(await titles({ category: 'health' })).toEqual(['Run in the mornings']);

    await database.context.db.insertInto('tags').values({ id: 'tag-big', name: 'big' }).execute();
    await database.context.db.insertInto('decision_tags').values({ decision_id: move.id, tag_id: 'tag-big' }).execute();
    expect(await titles({ tagId: 'tag-big' })).toEqual(['Take the platform role']);
  });

  it('links the people consulted, lists them, and filters decisions by person', async () => {
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const ben = expectOk(await client.call('people.create', { name: 'Ben' }));
    const decision = expectOk(await client.call('decisions.create', { title: 'Change teams', decisionDate: '2026-03-03' }));
    expectOk(await client.call('decisions.create', { title: 'Unrelated', decisionDate: '2026-03-04' }));
    expectOk(await client.call('decisions.addPerson', { id: decision.id, personId: ben.id }));
    expectOk(await client.call('decisions.addPerson', { id: decision.id, personId: ana.id }));

    expect(expectOk(await client.call('decisions.people', { id: decision.id })).map((person) => person.name)).toEqual(['Ana', 'Ben']);
    expect(await titles({ personId: ana.id })).toEqual(['Change teams']);

    expectOk(await client.call('decisions.removePerson', { id: decision.id, personId: ben.id }));
    expect(expectOk(await client.call('decisions.people', { id: decision.id })).map((person) => person.name)).toEqual(['Ana']);
    // A person in the trash is not listed.
    expectOk(await client.call('people.delete', { id: ana.id }));
    expect(expectOk(await client.call('decisions.people', { id: decision.id }))).toEqual([]);
  });

  it('lists the live decisions due for review whose outcome is not recorded yet', async () => {
    const create = async (title: string, extra: Partial<CommandInput<'decisions.create'>> = {}) =>
      expectOk(await client.call('decisions.create', { title, decisionDate: '2026-01-10', ...extra }));
    await create('Due long ago', { reviewDate: '2026-02-01' });
    await create('Due today', { reviewDate: '2026-03-10' });
    await create('Due tomorrow', { reviewDate: '2026-03-11' });
    await create('No review planned');
    await create('Already reviewed', { reviewDate: '2026-02-15', actualOutcome: 'Worked out.', outcomeDate: '2026-02-20' });
    const trashed = await create('Trashed', { reviewDate: '2026-02-01' });
    expectOk(await client.call('decisions.delete', { id: trashed.id }));
    const blank = await create('Outcome left blank', { reviewDate: '2026-03-01', actualOutcome: '   ' });

    const due = async () => expectOk(await client.call('decisions.dueForReview', { on: '2026-03-10' }));
    const first = await due();
    expect(first.items.map((decision) => decision.title)).toEqual(['Due long ago', 'Outcome left blank', 'Due today']);
    expect(first.hasMore).toBe(false);
    // Only what the list shows: no prose.
    expect(first.items[1]).toEqual({ id: blank.id, title: 'Outcome left blank', category: null, importance: null, decisionDate: '2026-01-10', reviewDate: '2026-03-01' });

    expectOk(await client.call('decisions.update', { id: blank.id, actualOutcome: 'Fine after all.' }));
    expect((await due()).items.map((decision) => decision.title)).toEqual(['Due long ago', 'Due today']);

    const badDay = await client.call('decisions.dueForReview', { on: 'today' });
    expect(badDay.ok === false && badDay.error).toMatchObject({ field: 'on', message: 'Day must be a date like 2026-11-23.' });
  });

  it('pages the decisions due for review: each once, in review order, hasMore until the last page', async () => {
    const reviewDays = ['2026-02-03', '2026-02-01', '2026-02-02', '2026-02-01', '2026-02-05', '2026-02-04', '2026-02-01'];
    for (const [index, reviewDate] of reviewDays.entries()) {
      expectOk(await client.call('decisions.create', { title: `Decision ${index}`, decisionDate: '2026-01-10', reviewDate }));
    }
    const whole = expectOk(await client.call('decisions.dueForReview', { on: '2026-03-10' }));
    expect(whole.items.map((item) => item.reviewDate)).toEqual([...reviewDays].sort());
    const pages = [0, 3, 6].map(async (offset) => expectOk(await client.call('decisions.dueForReview', { on: '2026-03-10', limit: 3, offset })));
    const answers = await Promise.all(pages);
    expect(answers.map((page) => page.hasMore)).toEqual([true, true, false]);
    expect(answers.flatMap((page) => page.items.map((item) => item.id))).toEqual(whole.items.map((item) => item.id));
    expect(await client.call('decisions.dueForReview', { on: '2026-03-10', limit: 0 })).toMatchObject({ ok: false, error: { field: 'limit' } });
  });

  it('refuses a wrong category and a confidence out of range naming the field, and writes nothing', async () => {
    const wrong = await client.call('decisions.create', { title: 'Hm', decisionDate: '2026-03-03', category: 'school' as never });
    expect(wrong.ok === false && wrong.error).toMatchObject({ code: 'validation', field: 'category' });
    const confidence = await client.call('decisions.create', { title: 'Hm', decisionDate: '2026-03-03', confidenceLevel: 0 });
    expect(confidence).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Confidence is a whole number from 1 to 10.', field: 'confidenceLevel' }
    });
    expect(await titles({})).toEqual([]);
  });

  it("passes on the database's date and reversal rules", async () => {
    const early = await client.call('decisions.create', { title: 'Hm', decisionDate: '2026-03-03', reviewDate: '2026-03-01' });
    expect(early).toEqual({ ok: false, error: { code: 'validation', field: 'reviewDate', message: 'The review date cannot be before the decision.' } });
    const decision = expectOk(await client.call('decisions.create', { title: 'Hm', decisionDate: '2026-03-03' }));
    const reason = await client.call('decisions.update', { id: decision.id, reversalReason: 'Changed my mind' });
    expect(reason).toEqual({ ok: false, error: { code: 'validation', field: 'reversed', message: 'Only a reversed decision has a reversal date or reason.' } });
    const reversed = expectOk(
      await client.call('decisions.update', { id: decision.id, reversed: true, reversalDate: '2026-03-20', reversalReason: 'Changed my mind' })
    );
    expect(reversed).toMatchObject({ reversed: 1, reversalDate: '2026-03-20' });
  });

  it('moves a decision to the trash and restores it', async () => {
    const decision = expectOk(await client.call('decisions.create', { title: 'Oops', decisionDate: '2026-03-03', reviewDate: '2026-03-04' }));
    expectOk(await client.call('decisions.delete', { id: decision.id }));
    expect(await titles({})).toEqual([]);
    expect(expectOk(await client.call('decisions.dueForReview', { on: '2026-03-10' }))).toEqual({ items: [], hasMore: false });
    expectOk(await client.call('decisions.restore', { id: decision.id }));
    expect(expectOk(await client.call('decisions.dueForReview', { on: '2026-03-10' })).items.map((item) => item.id)).toEqual([decision.id]);
  });
});
