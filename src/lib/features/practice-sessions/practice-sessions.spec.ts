import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient());
});

afterEach(() => close());

async function session(title: string, sessionDate: string) {
  return expectOk(await client.call('practiceSessions.create', { title, sessionDate }));
}

describe('practice sessions (entity commands)', () => {
  it('creates a session with the database defaults and normalised times, and edits it', async () => {
    const created = expectOk(
      await client.call('practiceSessions.create', {
        title: 'Deep work: parser',
        sessionDate: '2027-01-10',
        plannedStartAt: '2027-01-10T09:00:00Z',
        plannedEndAt: '2027-01-10T10:30:00.000Z',
        focusScore: 8
      })
    );
    expect(created).toMatchObject({
      title: 'Deep work: parser',
      sessionDate: '2027-01-10',
      plannedStartAt: '2027-01-10T09:00:00.000Z',
      plannedEndAt: '2027-01-10T10:30:00.000Z',
      focusScore: 8,
      energyLevel: null,
      notes: '',
      completed: 0,
      deletedAt: null
    });
    const done = expectOk(await client.call('practiceSessions.update', { id: created.id, completed: true, durationMinutes: 85, focusScore: null }));
    expect(done).toMatchObject({ completed: 1, durationMinutes: 85, focusScore: null, title: 'Deep work: parser' });
  });

  it('lists newest first within a date range, and filters by completion', async () => {
    for (const day of ['2027-01-01', '2027-01-15', '2027-02-01']) await session(`Session ${day}`, day);
    const january = expectOk(await client.call('practiceSessions.list', { from: '2027-01-01', to: '2027-01-31' }));
    expect(january.items.map((s) => s.sessionDate)).toEqual(['2027-01-15', '2027-01-01']);
    const first = january.items[1];
    if (!first) throw new Error('missing session');
    expectOk(await client.call('practiceSessions.update', { id: first.id, completed: true }));
    expect(expectOk(await client.call('practiceSessions.list', { completed: true })).items.map((s) => s.id)).toEqual([first.id]);
    expect(expectOk(await client.call('practiceSessions.list', { completed: false })).items).toHaveLength(2);
  });

  it('refuses out-of-range scores and a bad time, naming the field, and writes nothing', async () => {
    expect(await client.call('practiceSessions.create', { title: 'Too keen', sessionDate: '2027-01-10', focusScore: 11 })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'focusScore', message: 'Focus is a whole number from 1 to 10.' }
    });
    expect(await client.call('practiceSessions.create', { title: 'Long', sessionDate: '2027-01-10', durationMinutes: 2000 })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'durationMinutes', message: 'Duration (minutes) is a whole number from 0 to 1440.' }
    });
    const badTime = await client.call('practiceSessions.create', { title: 'When?', sessionDate: '2027-01-10', actualStartAt: 'soon' });
    expect(badTime).toEqual({ ok: false, error: { code: 'validation', field: 'actualStartAt', message: 'Actual start must be a date and time.' } });
    const backwards = await client.call('practiceSessions.create', {
      title: 'Backwards',
      sessionDate: '2027-01-10',
      actualStartAt: '2027-01-10T10:00:00Z',
      actualEndAt: '2027-01-10T09:00:00Z'
    });
    expect(backwards).toEqual({ ok: false, error: { code: 'validation', field: 'actualEndAt', message: 'The actual end must be after the actual start.' } });
    expect(expectOk(await client.call('practiceSessions.list', {})).items).toEqual([]);
  });

  it('moves a session to the trash and restores it with its goal links', async () => {
    const mid = expectOk(await client.call('goals.create', { title: 'Mid', level: 'mid_term' }));
    const short = expectOk(await client.call('goals.create', { title: 'Short', level: 'short_term', parentId: mid.id }));
    const held = await session('Held', '2027-01-10');
    expectOk(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: short.id }));
    expectOk(await client.call('practiceSessions.delete', { id: held.id }));
    expect(expectOk(await client.call('practiceSessions.list', {})).items).toEqual([]);
    expect(await client.call('practiceSessions.get', { id: held.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This practice session no longer exists.' }
    });
    expectOk(await client.call('practiceSessions.restore', { id: held.id }));
    expect(expectOk(await client.call('practiceSessions.goals', { id: held.id })).map((g) => g.id)).toEqual([short.id]);
  });
});

describe('practice session goals', () => {
  it('links short-term goals, ignores a second link, and unlinks', async () => {
    const held = await session('Held', '2027-01-10');
    const write = expectOk(await client.call('goals.create', { title: 'Write the doc', level: 'short_term' }));
    const review = expectOk(await client.call('goals.create', { title: 'Get a review', level: 'short_term' }));
    expect(expectOk(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: write.id }))).toEqual({ linked: true });
    expectOk(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: write.id }));
    expectOk(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: review.id }));
    expect(expectOk(await client.call('practiceSessions.goals', { id: held.id })).map((g) => g.title)).toEqual(['Get a review', 'Write the doc']);

    expect(expectOk(await client.call('practiceSessions.unlinkGoal', { id: held.id, goalId: review.id }))).toEqual({ linked: false });
    expect(expectOk(await client.call('practiceSessions.goals', { id: held.id })).map((g) => g.title)).toEqual(['Write the doc']);
  });

  it('refuses a goal of another level with the trigger’s sentence, and links nothing', async () => {
    const held = await session('Held', '2027-01-10');
    for (const level of ['mid_term', 'immediate'] as const) {
      const other = expectOk(await client.call('goals.create', { title: `A ${level} goal`, level }));
      expect(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: other.id })).toEqual({
        ok: false,
        error: { code: 'constraint', message: 'Only short-term goals can be linked to a practice session.' }
      });
    }
    expect(expectOk(await client.call('practiceSessions.goals', { id: held.id }))).toEqual([]);
  });

  it('keeps a linked goal short-term: changing its level is refused until it is unlinked', async () => {
    const held = await session('Held', '2027-01-10');
    const short = expectOk(await client.call('goals.create', { title: 'Short', level: 'short_term' }));
    expectOk(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: short.id }));
    const answer = await client.call('goals.update', { id: short.id, level: 'mid_term' });
    expect(answer.ok === false && answer.error).toMatchObject({ code: 'constraint', message: expect.stringMatching(/^This goal is linked/) });
    expectOk(await client.call('practiceSessions.unlinkGoal', { id: held.id, goalId: short.id }));
    expect(expectOk(await client.call('goals.update', { id: short.id, level: 'mid_term' })).level).toBe('mid_term');
  });

  it('hides trashed goals, and drops links when a session or goal is deleted for good', async () => {
    const held = await session('Held', '2027-01-10');
    const kept = expectOk(await client.call('goals.create', { title: 'Kept', level: 'short_term' }));
    const trashed = expectOk(await client.call('goals.create', { title: 'Trashed', level: 'short_term' }));
    const purged = expectOk(await client.call('goals.create', { title: 'Purged', level: 'short_term' }));
    for (const goal of [kept, trashed, purged]) expectOk(await client.call('practiceSessions.linkGoal', { id: held.id, goalId: goal.id }));

    expectOk(await client.call('goals.delete', { id: trashed.id }));
    expect(expectOk(await client.call('practiceSessions.goals', { id: held.id })).map((g) => g.title)).toEqual(['Kept', 'Purged']);

    const { db } = database.context;
    await db.deleteFrom('goals').where('id', '=', purged.id).execute();
    const links = () => db.selectFrom('practice_session_goals').select('goal_id').where('practice_session_id', '=', held.id).execute();
    expect((await links()).map((row) => row.goal_id).sort()).toEqual([kept.id, trashed.id].sort());

    await db.deleteFrom('practice_sessions').where('id', '=', held.id).execute();
    expect(await links()).toEqual([]);
    expect(expectOk(await client.call('goals.get', { id: kept.id })).title).toBe('Kept');
  });

  it('lets an immediate goal belong to a session, and detaches it when the session is deleted for good', async () => {
    const held = await session('Held', '2027-01-10');
    const step = expectOk(await client.call('goals.create', { title: 'Outline', level: 'immediate', practiceSessionId: held.id }));
    expect(expectOk(await client.call('goals.list', { practiceSessionId: held.id })).items.map((g) => g.id)).toEqual([step.id]);
    const wrong = await client.call('goals.create', { title: 'Too big', level: 'short_term', practiceSessionId: held.id });
    expect(wrong).toEqual({ ok: false, error: { code: 'constraint', message: 'Only immediate goals can belong to a practice session.' } });

    await database.context.db.deleteFrom('practice_sessions').where('id', '=', held.id).execute();
    expect(expectOk(await client.call('goals.get', { id: step.id })).practiceSessionId).toBeNull();
  });
});
