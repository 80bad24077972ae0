import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { HIGHLIGHT_END, HIGHLIGHT_START, RELEVANCE_WINDOW, toFtsQuery } from './search';

let client: RpcClient;
let close: () => void;
let database: TestDatabase;

beforeEach(async () => {
  ({ client, close, database } = await openTestClient());
});

afterEach(() => close());

describe('toFtsQuery', () => {
  it('quotes every word and makes the last a prefix, so operators in the text are inert', () => {
    expect(toFtsQuery('design NEAR(doc')).toBe('"design" "NEAR" "doc"*');
    expect(toFtsQuery('  "; -- ')).toBeNull();
  });

  it('takes a last word of one or two letters whole: as a prefix it would match a large part of everything', () => {
    expect(toFtsQuery('plan a')).toBe('"plan" "a"');
    expect(toFtsQuery('plan ab')).toBe('"plan" "ab"');
    expect(toFtsQuery('plan abc')).toBe('"plan" "abc"*');
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
    const tasksOnly = expectOk(await client.call('search.query', { query: 'kubernetes', types: ['task'], order: 'relevance' }));
    expect(tasksOnly.map((hit) => hit.entityId)).toEqual([inTitle.id, inBody.id]);
  });

  it('lists the newest first unless asked for relevance, and stops at the limit', async () => {
    const oldest = expectOk(await client.call('journal.create', { entryDate: '2026-11-20', content: 'Deployment went fine, deployment notes filed' }));
    const middle = expectOk(await client.call('tasks.create', { title: 'Deployment checklist', focusDate: '2026-11-21' }));
    const newest = expectOk(await client.call('learnings.create', { title: 'On deploys', learningDate: '2026-11-22', type: 'concept', content: 'A deployment is a release' }));

    const recent = expectOk(await client.call('search.query', { query: 'deplo' }));
    expect(recent.map((hit) => hit.entityId)).toEqual([newest.id, middle.id, oldest.id]);
    // Newest first has no rank to offer (it is not computed); best match first ranks every hit.
    expect(recent.map((hit) => hit.rank)).toEqual([null, null, null]);
    const relevance = expectOk(await client.call('search.query', { query: 'deployment', order: 'relevance' }));
    expect(relevance[0]?.entityId).toBe(middle.id);
    expect(relevance.every((hit) => typeof hit.rank === 'number' && hit.rank < 0)).toBe(true);
    expect(relevance.map((hit) => hit.entityId).sort()).toEqual([oldest.id, middle.id, newest.id].sort());
    // The limit is written into the SQL text (search.handlers.ts rowCount): each one still holds.
    expect(expectOk(await client.call('search.query', { query: 'deployment', order: 'relevance', limit: 1 })).map((hit) => hit.entityId)).toEqual([middle.id]);
    expect(expectOk(await client.call('search.query', { query: 'deplo', limit: 2 })).map((hit) => hit.entityId)).toEqual([newest.id, middle.id]);
  });

  it('ranks by relevance among the newest matches only, so a common word costs the same at ten years', async () => {
    const old = expectOk(await client.call('tasks.create', { title: 'Retrospective retrospective notes', description: 'quarterly', focusDate: '2026-01-05' }));
    for (let i = 0; i < RELEVANCE_WINDOW; i++) {
      expectOk(await client.call('tasks.create', { title: `Chore ${i}`, description: `Mentioned the retrospective once, item ${i}`, focusDate: '2026-11-23' }));
    }
    const ranked = expectOk(await client.call('search.query', { query: 'retrospective', order: 'relevance', limit: 200 }));
    expect(ranked).toHaveLength(200);
    // The old item is the best match by far, but it is older than the newest RELEVANCE_WINDOW matches.
    expect(ranked.map((hit) => hit.entityId)).not.toContain(old.id);
    // A word that narrows the search brings it back, ranked first.
    const narrowed = expectOk(await client.call('search.query', { query: 'retrospective quarterly', order: 'relevance' }));
    expect(narrowed.map((hit) => hit.entityId)).toEqual([old.id]);
    // With the window's last match trashed, the old item is within the newest RELEVANCE_WINDOW again and ranks first.
    const newest = expectOk(await client.call('search.query', { query: 'retrospective', limit: 1 }));
    expectOk(await client.call('tasks.delete', { id: newest[0]?.entityId ?? '' }));
    const again = expectOk(await client.call('search.query', { query: 'retrospective', order: 'relevance', limit: 1 }));
    expect(again.map((hit) => hit.entityId)).toEqual([old.id]);
  });

  it('ranks and highlights exactly as one ORDER BY bm25 over every match would, for each kind filter', async () => {
    const words = ['alpha', 'beta', 'gamma', 'delta'];
    for (let i = 0; i < 120; i++) {
      const pick = (n: number) => words[(i * n) % words.length] ?? 'alpha';
      if (i % 3 === 0) expectOk(await client.call('tasks.create', { title: `${pick(1)} task ${i}`, description: `${pick(3)} ${pick(5)} note ${i}`, focusDate: '2026-11-23' }));
      else expectOk(await client.call('journal.create', { entryDate: '2026-11-22', content: `${pick(7)} entry ${i} ${pick(2)} ${'filler '.repeat(i % 9)}${pick(1)}` }));
    }
    const reference = (match: string, type: string | null) =>
      database.host.session.raw.selectObjects(
        `SELECT entity_id AS entityId, snippet(search_index, -1, ?, ?, '…', 16) AS snippet, bm25(search_index, 0, 0, 3.0, 1.0) AS rank
         FROM search_index WHERE search_index MATCH ? AND (? IS NULL OR entity_type = ?) ORDER BY rank, rowid DESC LIMIT 50`,
        [HIGHLIGHT_START, HIGHLIGHT_END, match, type, type]
      );
    for (const [query, type] of [['alpha', null], ['beta gamma', null], ['delt', 'task'], ['gamma', 'journal_entry']] as const) {
      const hits = expectOk(await client.call('search.query', { query, order: 'relevance', ...(type && { types: [type] }) }));
      const expected = reference(toFtsQuery(query) ?? '', type);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.map(({ entityId, snippet, rank }) => ({ entityId, snippet, rank }))).toEqual(expected);
      expect(hits.every((hit) => hit.snippet.includes(HIGHLIGHT_START))).toBe(true);
    }
  });

  it('refuses an unknown order with a message', async () => {
    const answer = await client.call('search.query', { query: 'plan', order: 'alphabetical' as 'recent' });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation', field: 'order' } });
  });

  it('refuses an empty search with a message', async () => {
    expect(await client.call('search.query', { query: '   ' })).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Type something to search for.', field: 'query' }
    });
  });
});
