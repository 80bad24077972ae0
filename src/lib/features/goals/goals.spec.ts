import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, queryPlan, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { GoalLevel } from './goals';
import { treeQuery } from './goals.repo';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient());
});

afterEach(() => close());

async function goal(title: string, level: GoalLevel, parentId: string | null = null, extra: { priority?: number; targetDate?: string } = {}) {
  return expectOk(await client.call('goals.create', { title, level, parentId, ...extra }));
}

async function topIds() {
  return expectOk(await client.call('goals.tree', {})).items.map((item) => item.id);
}

/** ultimate > long-term > mid-term > short-term, one of each. */
async function chain() {
  const ultimate = await goal('Live well', 'ultimate');
  const long = await goal('Become a staff engineer', 'long_term', ultimate.id);
  const mid = await goal('Lead a cross-team project', 'mid_term', long.id);
  const short = await goal('Write the design doc', 'short_term', mid.id);
  return { ultimate, long, mid, short };
}

describe('goals (entity commands)', () => {
  it('creates a goal with the database defaults, reads, edits and lists it', async () => {
    const created = await goal('Live well', 'ultimate');
    expect(created).toMatchObject({ title: 'Live well', level: 'ultimate', parentId: null, status: 'active', priority: 3, progress: 0, description: '', category: null, deletedAt: null });
    expect(expectOk(await client.call('goals.get', { id: created.id }))).toEqual(created);
    const edited = expectOk(await client.call('goals.update', { id: created.id, progress: 40, category: 'personal', whyItMatters: 'Because.' }));
    expect(edited).toMatchObject({ title: 'Live well', progress: 40, category: 'personal', whyItMatters: 'Because.' });
    expect(expectOk(await client.call('goals.list', {})).items.map((g) => g.id)).toEqual([created.id]);
  });

  it('lists by priority (highest first), then the nearest target date, undated goals last', async () => {
    await goal('Later', 'short_term', null, { priority: 3, targetDate: '2027-06-01' });
    await goal('Undated', 'short_term', null, { priority: 3 });
    await goal('Sooner', 'short_term', null, { priority: 3, targetDate: '2027-01-01' });
    await goal('Urgent', 'short_term', null, { priority: 5 });
    const titles = expectOk(await client.call('goals.list', {})).items.map((g) => g.title);
    expect(titles).toEqual(['Urgent', 'Sooner', 'Later', 'Undated']);
  });

  it('refuses a parent in goals.update, naming the field, and leaves the goal where it is (goals.move places it)', async () => {
    const { long, mid } = await chain();
    const other = await goal('Grow a team', 'long_term');
    const answer = await client.call('goals.update', { id: mid.id, parentId: other.id as never, title: 'Renamed' });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'validation', field: 'parentId', message: "A goal's parent goal is changed by moving the goal (goals.move), not by editing it." }
    });
    const cleared = await client.call('goals.update', { id: mid.id, parentId: null as never });
    expect(cleared).toEqual(answer);
    expect(expectOk(await client.call('goals.get', { id: mid.id }))).toMatchObject({ parentId: long.id, title: 'Lead a cross-team project' });
    expect(expectOk(await client.call('goals.move', { id: mid.id, parentId: other.id })).parentId).toBe(other.id);
  });

  it('filters by level, status, category and parent (null = not placed)', async () => {
    const { ultimate, long, mid } = await chain();
    const loose = await goal('Run a marathon', 'long_term');
    expectOk(await client.call('goals.update', { id: loose.id, category: 'health', status: 'on_hold' }));

    const longTerm = expectOk(await client.call('goals.list', { level: 'long_term' })).items.map((g) => g.title);
    expect(longTerm.sort()).toEqual(['Become a staff engineer', 'Run a marathon']);
    expect(expectOk(await client.call('goals.list', { status: 'on_hold' })).items.map((g) => g.id)).toEqual([loose.id]);
    expect(expectOk(await client.call('goals.list', { category: 'health' })).items.map((g) => g.id)).toEqual([loose.id]);
    expect(expectOk(await client.call('goals.list', { parentId: long.id })).items.map((g) => g.id)).toEqual([mid.id]);
    const roots = expectOk(await client.call('goals.list', { parentId: null })).items.map((g) => g.id);
    expect(roots.sort()).toEqual([ultimate.id, loose.id].sort());
  });

  it('refuses a wrong level and an out-of-range priority, naming the field, and writes nothing', async () => {
    const badLevel = await client.call('goals.create', { title: 'Someday', level: 'someday' as GoalLevel });
    expect(badLevel).toEqual({
      ok: false,
      error: { code: 'validation', field: 'level', message: 'Level is one of: ultimate, long term, mid term, short term, immediate, micro, nano.' }
    });
    const badPriority = await client.call('goals.create', { title: 'Too keen', level: 'ultimate', priority: 9 });
    expect(badPriority).toEqual({ ok: false, error: { code: 'validation', field: 'priority', message: 'Priority is a whole number from 1 to 5.' } });
    const badProgress = await client.call('goals.create', { title: 'Over', level: 'ultimate', progress: 101 });
    expect(badProgress.ok === false && badProgress.error).toMatchObject({ field: 'progress', message: 'Progress is a whole number from 0 to 100.' });
    expect(expectOk(await client.call('goals.list', {})).items).toEqual([]);
  });

  it('refuses a goal under a parent of the wrong level with the rule as a sentence', async () => {
    const { ultimate } = await chain();
    const answer = await client.call('goals.create', { title: 'Ship it', level: 'short_term', parentId: ultimate.id });
    expect(answer).toEqual({
      ok: false,
      error: { code: 'constraint', message: 'A short-term goal can only be placed under a mid-term goal.' }
    });
    expect(expectOk(await client.call('goals.list', { level: 'short_term' })).items.map((g) => g.title)).toEqual(['Write the design doc']);
  });

  it('moves a goal to the trash with its sub-goals kept, and restores it', async () => {
    const { long, mid } = await chain();
    expectOk(await client.call('goals.delete', { id: long.id }));
    expect(await client.call('goals.get', { id: long.id })).toEqual({ ok: false, error: { code: 'not_found', message: 'This goal no longer exists.' } });
    expect(expectOk(await client.call('goals.list', { level: 'long_term' })).items).toEqual([]);
    // The sub-goal stays where it was, and is drawn at the top of the tree while its parent is in the trash.
    expect(expectOk(await client.call('goals.get', { id: mid.id })).parentId).toBe(long.id);
    expect(await topIds()).toContain(mid.id);

    expectOk(await client.call('goals.restore', { id: long.id }));
    expect(await topIds()).not.toContain(mid.id);
    expect(expectOk(await client.call('goals.tree', { parentId: long.id })).items.map((item) => item.id)).toEqual([mid.id]);
  });

  it('detaches sub-goals and deletes milestones when a goal is deleted for good', async () => {
    const { long, mid } = await chain();
    const milestone = expectOk(await client.call('milestones.create', { goalId: long.id, title: 'Find a sponsor' }));
    await database.context.db.deleteFrom('goals').where('id', '=', long.id).execute();
    expect(expectOk(await client.call('goals.get', { id: mid.id })).parentId).toBeNull();
    expect(await client.call('milestones.get', { id: milestone.id })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This milestone no longer exists.' }
    });
  });
});

describe('goals.move', () => {
  it('places a goal under a parent one level up, and takes it out again', async () => {
    const { ultimate, mid } = await chain();
    const other = await goal('Stay healthy', 'long_term');
    const moved = expectOk(await client.call('goals.move', { id: other.id, parentId: ultimate.id }));
    expect(moved).toMatchObject({ id: other.id, parentId: ultimate.id });
    expect(expectOk(await client.call('goals.tree', { parentId: ultimate.id })).items.map((g) => g.title).sort()).toEqual([
      'Become a staff engineer',
      'Stay healthy'
    ]);
    expect(expectOk(await client.call('goals.move', { id: mid.id, parentId: null })).parentId).toBeNull();
  });

  it('refuses a broken level rule with the trigger’s sentence on parentId, and changes nothing', async () => {
    const { ultimate, long, short } = await chain();
    expect(await client.call('goals.move', { id: short.id, parentId: long.id })).toEqual({
      ok: false,
      error: { code: 'constraint', field: 'parentId', message: 'A short-term goal can only be placed under a mid-term goal.' }
    });
    const top = await goal('Another top', 'ultimate');
    expect(await client.call('goals.move', { id: ultimate.id, parentId: top.id })).toEqual({
      ok: false,
      error: {
        code: 'constraint',
        field: 'parentId',
        message: 'An ultimate goal is the top of the tree and cannot have a parent goal.'
      }
    });
    expect(expectOk(await client.call('goals.get', { id: short.id })).parentId).not.toBe(long.id);
  });

  it('refuses a cycle with a readable message', async () => {
    const { long, mid } = await chain();
    expect(await client.call('goals.move', { id: long.id, parentId: mid.id })).toEqual({
      ok: false,
      error: { code: 'constraint', field: 'parentId', message: 'A goal cannot be moved under itself or one of its own sub-goals.' }
    });
    expect(await client.call('goals.move', { id: mid.id, parentId: mid.id })).toEqual({
      ok: false,
      error: { code: 'constraint', field: 'parentId', message: 'A goal cannot be moved under itself or one of its own sub-goals.' }
    });
    expect(expectOk(await client.call('goals.get', { id: long.id })).parentId).not.toBe(mid.id);
  });

  it('refuses a parent or goal that is missing or in the trash', async () => {
    const { ultimate, long } = await chain();
    expectOk(await client.call('goals.delete', { id: ultimate.id }));
    expect(await client.call('goals.move', { id: long.id, parentId: ultimate.id })).toEqual({
      ok: false,
      error: { code: 'not_found', field: 'parentId', message: 'The goal to place it under no longer exists.' }
    });
    expect(await client.call('goals.move', { id: 'nope', parentId: null })).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'This goal no longer exists.' }
    });
  });
});

describe('goals.tree', () => {
  it('lists the top of the tree, then each goal’s live children on their own, in sibling order with their child counts', async () => {
    const life = await goal('Life', 'ultimate');
    const career = await goal('Career', 'long_term', life.id, { priority: 5 });
    const health = await goal('Health', 'long_term', life.id, { priority: 2 });
    const lead = await goal('Lead', 'mid_term', career.id);
    const doc = await goal('Design doc', 'short_term', lead.id, { targetDate: '2027-02-01' });
    await goal('Tech talk', 'short_term', lead.id, { targetDate: '2027-01-01' });
    await goal('Run 10k', 'mid_term', health.id);
    await goal('Learn piano', 'short_term');
    const trashed = await goal('Trashed', 'mid_term', career.id);
    expectOk(await client.call('goals.delete', { id: trashed.id }));

    const rows = async (parentId?: string) =>
      expectOk(await client.call('goals.tree', parentId === undefined ? {} : { parentId })).items.map((item) => [item.title, item.childCount]);
    // Not placed in the tree: a root too, after the higher-level root even though it sorts first by title.
    expect(await rows()).toEqual([
      ['Life', 2],
      ['Learn piano', 0]
    ]);
    expect(await rows(life.id)).toEqual([
      ['Career', 1],
      ['Health', 1]
    ]);
    expect(await rows(lead.id)).toEqual([
      ['Tech talk', 0],
      ['Design doc', 0]
    ]);
    const page = expectOk(await client.call('goals.tree', { parentId: lead.id }));
    expect(page.hasMore).toBe(false);
    // Only what a tree row draws: no prose.
    expect(page.items.find((item) => item.id === doc.id)).toEqual({
      id: doc.id,
      parentId: lead.id,
      level: 'short_term',
      title: 'Design doc',
      status: 'active',
      progress: 0,
      priority: 3,
      targetDate: '2027-02-01',
      childCount: 0
    });
  });

  it('pages each level: every goal once across the pages, hasMore until the last', async () => {
    const life = await goal('Life', 'ultimate');
    for (let i = 0; i < 7; i++) await goal(`Root ${i}`, 'long_term', null, { priority: (i % 5) + 1 });
    for (let i = 0; i < 5; i++) await goal(`Child ${i}`, 'long_term', life.id, { priority: (i % 3) + 1 });

    for (const parentId of [null, life.id]) {
      const whole = expectOk(await client.call('goals.tree', { parentId, limit: 500 }));
      expect(whole.hasMore).toBe(false);
      const paged: string[] = [];
      const more: boolean[] = [];
      for (let offset = 0; offset < whole.items.length; offset += 3) {
        const page = expectOk(await client.call('goals.tree', { parentId, limit: 3, offset }));
        paged.push(...page.items.map((item) => item.id));
        more.push(page.hasMore);
      }
      expect(paged).toEqual(whole.items.map((item) => item.id));
      expect(new Set(paged).size).toBe(paged.length);
      expect(more).toEqual(more.map((_, index) => index < more.length - 1));
    }
    expect(expectOk(await client.call('goals.tree', {})).items).toHaveLength(8);
  });

  it('draws the live goals under a trashed parent at the top, and never a trashed goal', async () => {
    const { ultimate, long, mid, short } = await chain();
    const other = await goal('Other long term', 'long_term', ultimate.id);
    expectOk(await client.call('goals.delete', { id: long.id }));
    expectOk(await client.call('goals.delete', { id: short.id }));

    const top = expectOk(await client.call('goals.tree', {})).items;
    expect(top.map((item) => [item.title, item.parentId, item.childCount])).toEqual([
      ['Live well', null, 1],
      // The stored parent is kept: it is in the trash, and restoring it puts the goal back under it.
      ['Lead a cross-team project', long.id, 0]
    ]);
    expect(expectOk(await client.call('goals.tree', { parentId: ultimate.id })).items.map((item) => item.id)).toEqual([other.id]);
    expect(expectOk(await client.call('goals.tree', { parentId: mid.id })).items).toEqual([]);
    expect(await client.call('goals.tree', { parentId: long.id })).toEqual({
      ok: false,
      error: { code: 'not_found', field: 'parentId', message: 'This goal no longer exists.' }
    });
  });

  it('answers an empty tree, not_found for a missing parent, and refuses a page over 500', async () => {
    expect(expectOk(await client.call('goals.tree', {}))).toEqual({ items: [], hasMore: false });
    expect(await client.call('goals.tree', { parentId: 'nope' })).toEqual({
      ok: false,
      error: { code: 'not_found', field: 'parentId', message: 'This goal no longer exists.' }
    });
    expect(await client.call('goals.tree', { limit: 501 })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'limit', message: 'At most 500 rows at a time.' }
    });
  });

  it('reads each level from the goals_tree_order index in order, never sorting the live goals', async () => {
    const { db } = database.context;
    const plan = (parentId: string | null) => queryPlan(db, treeQuery(parentId, 101, 0).compile(db));
    const children = await plan('some-goal');
    expect(children[0]).toMatch(/^SEARCH g USING INDEX goals_tree_order \(parent_id=\?\)/);
    expect(children.join('\n')).not.toContain('TEMP B-TREE');
    // The roots come from goals_tree_order in order; only the children of trashed goals (found through goals_trash) are sorted.
    const top = (await plan(null)).join('\n');
    expect(top).toMatch(/LEFT\nSEARCH g USING INDEX goals_tree_order \(parent_id=\?\)/);
    expect(top).toContain('SEARCH p USING COVERING INDEX goals_trash');
    expect(top).not.toMatch(/SCAN (g|p)\b/);
  });
});

describe('milestones', () => {
  it('lists a goal’s milestones by position, and deletes them for real', async () => {
    const target = await goal('Ship v1', 'short_term');
    const other = await goal('Other', 'short_term');
    const third = expectOk(await client.call('milestones.create', { goalId: target.id, title: 'Launch', position: 3 }));
    expectOk(await client.call('milestones.create', { goalId: target.id, title: 'Prototype', position: 1 }));
    expectOk(await client.call('milestones.create', { goalId: target.id, title: 'Beta', position: 2 }));
    expectOk(await client.call('milestones.create', { goalId: other.id, title: 'Elsewhere' }));

    const list = expectOk(await client.call('milestones.list', { goalId: target.id }));
    expect(list.items.map((m) => [m.title, m.position])).toEqual([
      ['Prototype', 1],
      ['Beta', 2],
      ['Launch', 3]
    ]);
    expect(list.items[0]).toMatchObject({ completed: 0, completedDate: null, description: '' });

    const done = expectOk(await client.call('milestones.update', { id: third.id, completed: true, completedDate: '2027-03-01' }));
    expect(done).toMatchObject({ completed: 1, completedDate: '2027-03-01' });
    expect(expectOk(await client.call('milestones.list', { goalId: target.id, completed: true })).items.map((m) => m.id)).toEqual([third.id]);

    expectOk(await client.call('milestones.delete', { id: third.id }));
    expect(expectOk(await client.call('milestones.list', { goalId: target.id })).items.map((m) => m.title)).toEqual(['Prototype', 'Beta']);
    expect(await client.call('milestones.restore', { id: third.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a negative position and a completion day on an open milestone', async () => {
    const target = await goal('Ship v1', 'short_term');
    expect(await client.call('milestones.create', { goalId: target.id, title: 'Bad', position: -1 })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'position', message: 'Position is a whole number from 0 to 1000000.' }
    });
    const open = await client.call('milestones.create', { goalId: target.id, title: 'Open', completedDate: '2027-01-01' });
    expect(open).toEqual({ ok: false, error: { code: 'validation', field: 'completedDate', message: 'Only a completed milestone has a completion day.' } });
    expect(expectOk(await client.call('milestones.list', { goalId: target.id })).items).toEqual([]);
  });

  it('keeps milestones while their goal is in the trash', async () => {
    const target = await goal('Ship v1', 'short_term');
    expectOk(await client.call('milestones.create', { goalId: target.id, title: 'Prototype' }));
    expectOk(await client.call('goals.delete', { id: target.id }));
    expectOk(await client.call('goals.restore', { id: target.id }));
    expect(expectOk(await client.call('milestones.list', { goalId: target.id })).items.map((m) => m.title)).toEqual(['Prototype']);
  });
});
