import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { SkillCategory } from './skills';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient());
});

afterEach(() => close());

async function skill(name: string, extra: { category?: SkillCategory; confidence?: number } = {}) {
  return expectOk(await client.call('skills.create', { name, ...extra }));
}

describe('skills (entity commands)', () => {
  it('creates a skill with the database defaults, edits it, and lists by name', async () => {
    const created = await skill('TypeScript');
    expect(created).toMatchObject({ name: 'TypeScript', category: 'technical', confidence: 1, lastUsedDate: null, notes: '', deletedAt: null });
    await skill('Active listening', { category: 'soft_skill' });
    await skill('kysely');
    const edited = expectOk(await client.call('skills.update', { id: created.id, lastUsedDate: '2027-01-10', notes: 'Daily.' }));
    expect(edited).toMatchObject({ name: 'TypeScript', lastUsedDate: '2027-01-10', notes: 'Daily.' });
    expect(expectOk(await client.call('skills.list', {})).items.map((s) => s.name)).toEqual(['Active listening', 'kysely', 'TypeScript']);
    expect(expectOk(await client.call('skills.list', { category: 'soft_skill' })).items.map((s) => s.name)).toEqual(['Active listening']);
  });

  it('refuses a wrong category and an out-of-range confidence, naming the field, and writes nothing', async () => {
    expect(await client.call('skills.create', { name: 'Juggling', category: 'hobby' as SkillCategory })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'category', message: 'Category is one of: technical, soft skill, domain, other.' }
    });
    expect(await client.call('skills.create', { name: 'Rust', confidence: 6 })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'confidence', message: 'Confidence is a whole number from 1 to 5.' }
    });
    expect(await client.call('skills.create', { name: 'Rust', confidence: 2.5 })).toMatchObject({ ok: false, error: { field: 'confidence' } });
    expect(expectOk(await client.call('skills.list', {})).items).toEqual([]);
  });

  it('keeps names unique among live skills, case-insensitively', async () => {
    const first = await skill('SQL');
    const twin = await client.call('skills.create', { name: 'sql' });
    expect(twin.ok === false && twin.error.code).toBe('conflict');
    expectOk(await client.call('skills.delete', { id: first.id }));
    expect(expectOk(await client.call('skills.create', { name: 'sql' })).name).toBe('sql');
  });

  it('moves a skill to the trash and restores it with its history and links', async () => {
    const sql = await skill('SQL', { confidence: 2 });
    const project = expectOk(await client.call('projects.create', { name: 'Daybook', classification: 'personal' }));
    expectOk(await client.call('skills.linkProject', { id: sql.id, projectId: project.id }));
    expectOk(await client.call('teamSkills.create', { skillId: sql.id, team: 'Platform' }));
    expectOk(await client.call('skills.delete', { id: sql.id }));
    expect(expectOk(await client.call('skills.list', {})).items).toEqual([]);
    expect(await client.call('skills.history', { id: sql.id })).toEqual({ ok: false, error: { code: 'not_found', message: 'This skill no longer exists.' } });

    expectOk(await client.call('skills.restore', { id: sql.id }));
    expect(expectOk(await client.call('skills.history', { id: sql.id })).map((p) => p.confidence)).toEqual([2]);
    expect(expectOk(await client.call('skills.projects', { id: sql.id })).map((p) => p.name)).toEqual(['Daybook']);
    expect(expectOk(await client.call('teamSkills.list', { skillId: sql.id })).items.map((t) => t.team)).toEqual(['Platform']);
  });
});

describe('skills.history', () => {
  it('records the first confidence and every change, oldest first, and nothing for other edits', async () => {
    const ts = await skill('TypeScript', { confidence: 2 });
    expectOk(await client.call('skills.update', { id: ts.id, confidence: 3 }));
    expectOk(await client.call('skills.update', { id: ts.id, notes: 'No change of confidence.' }));
    expectOk(await client.call('skills.update', { id: ts.id, confidence: 3 }));
    expectOk(await client.call('skills.update', { id: ts.id, confidence: 5 }));
    const other = await skill('Go');
    expectOk(await client.call('skills.update', { id: other.id, confidence: 4 }));

    const history = expectOk(await client.call('skills.history', { id: ts.id }));
    expect(history.map((step) => [step.previousConfidence, step.confidence])).toEqual([
      [null, 2],
      [2, 3],
      [3, 5]
    ]);
    expect(history[0]).toMatchObject({ skillId: ts.id, notes: '' });
    expect(history.every((step, index) => index === 0 || step.createdAt >= (history[index - 1]?.createdAt ?? ''))).toBe(true);
  });

  it('answers not_found for a skill that does not exist', async () => {
    expect(await client.call('skills.history', { id: 'nope' })).toEqual({ ok: false, error: { code: 'not_found', message: 'This skill no longer exists.' } });
  });

  it('loses its history with the skill when it is deleted for good', async () => {
    const ts = await skill('TypeScript', { confidence: 2 });
    expectOk(await client.call('skills.update', { id: ts.id, confidence: 4 }));
    const { db } = database.context;
    await db.deleteFrom('skills').where('id', '=', ts.id).execute();
    expect(await db.selectFrom('skill_progress').select('id').where('skill_id', '=', ts.id).execute()).toEqual([]);
  });
});

describe('skill projects', () => {
  it('links projects once each, lists them by name without trashed ones, and unlinks', async () => {
    const ts = await skill('TypeScript');
    const daybook = expectOk(await client.call('projects.create', { name: 'Daybook', classification: 'personal' }));
    const api = expectOk(await client.call('projects.create', { name: 'Billing API', classification: 'work' }));
    const old = expectOk(await client.call('projects.create', { name: 'Old site', classification: 'inactive' }));
    for (const project of [daybook, api, old, daybook]) expectOk(await client.call('skills.linkProject', { id: ts.id, projectId: project.id }));
    expect(expectOk(await client.call('skills.projects', { id: ts.id })).map((p) => p.name)).toEqual(['Billing API', 'Daybook', 'Old site']);

    expectOk(await client.call('projects.delete', { id: old.id }));
    expect(expectOk(await client.call('skills.projects', { id: ts.id })).map((p) => p.name)).toEqual(['Billing API', 'Daybook']);
    expectOk(await client.call('skills.unlinkProject', { id: ts.id, projectId: api.id }));
    expect(expectOk(await client.call('skills.projects', { id: ts.id })).map((p) => p.name)).toEqual(['Daybook']);
  });

  it('refuses a project that does not exist', async () => {
    const ts = await skill('TypeScript');
    const answer = await client.call('skills.linkProject', { id: ts.id, projectId: 'nope' });
    expect(answer.ok === false && answer.error.code).toBe('constraint');
  });
});

describe('team skills', () => {
  it('creates, filters by skill and team, edits and deletes for real', async () => {
    const ts = await skill('TypeScript');
    const go = await skill('Go');
    const platform = expectOk(await client.call('teamSkills.create', { skillId: ts.id, team: 'Platform', relevance: 'high' }));
    expect(platform).toMatchObject({ skillId: ts.id, team: 'Platform', relevance: 'high', notes: '' });
    const web = expectOk(await client.call('teamSkills.create', { skillId: ts.id, team: 'Web' }));
    expect(web.relevance).toBe('medium');
    expectOk(await client.call('teamSkills.create', { skillId: go.id, team: 'Platform' }));

    expect(expectOk(await client.call('teamSkills.list', { skillId: ts.id })).items.map((t) => t.team)).toEqual(['Platform', 'Web']);
    expect(expectOk(await client.call('teamSkills.list', { team: 'platform' })).items.map((t) => t.skillId).sort()).toEqual([ts.id, go.id].sort());

    expect(expectOk(await client.call('teamSkills.update', { id: web.id, relevance: 'low' })).relevance).toBe('low');
    expectOk(await client.call('teamSkills.delete', { id: web.id }));
    expect(expectOk(await client.call('teamSkills.list', { skillId: ts.id })).items.map((t) => t.team)).toEqual(['Platform']);
    expect(await client.call('teamSkills.restore', { id: web.id })).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('refuses a wrong relevance and a second row for the same skill and team', async () => {
    const ts = await skill('TypeScript');
    expect(await client.call('teamSkills.create', { skillId: ts.id, team: 'Web', relevance: 'critical' as 'high' })).toEqual({
      ok: false,
      error: { code: 'validation', field: 'relevance', message: 'Relevance is one of: high, medium, low.' }
    });
    expectOk(await client.call('teamSkills.create', { skillId: ts.id, team: 'Web' }));
    const twin = await client.call('teamSkills.create', { skillId: ts.id, team: 'web' });
    expect(twin.ok === false && twin.error.code).toBe('conflict');
    expect(expectOk(await client.call('teamSkills.list', { skillId: ts.id })).items).toHaveLength(1);
  });

  it('go with their skill when it is deleted for good', async () => {
    const ts = await skill('TypeScript');
    const row = expectOk(await client.call('teamSkills.create', { skillId: ts.id, team: 'Web' }));
    await database.context.db.deleteFrom('skills').where('id', '=', ts.id).execute();
    expect(await client.call('teamSkills.get', { id: row.id })).toEqual({ ok: false, error: { code: 'not_found', message: 'This team skill no longer exists.' } });
  });
});
