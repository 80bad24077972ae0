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

describe('projects', () => {
  it('stores the tech stack as the JSON array the column holds, and reads it back as a list everywhere', async () => {
    const project = expectOk(
      await client.call('projects.create', { name: 'Daybook', classification: 'personal', techStack: [' Svelte', 'SQLite', 'Svelte', 'TypeScript '] })
    );
    expect(project.techStack).toEqual(['Svelte', 'SQLite', 'TypeScript']);
    const column = await database.context.db.selectFrom('projects').select('tech_stack').where('id', '=', project.id).executeTakeFirstOrThrow();
    expect(column.tech_stack).toBe('["Svelte","SQLite","TypeScript"]');

    const plain = expectOk(await client.call('projects.create', { name: 'Notes', classification: 'learning' }));
    expect(plain.techStack).toEqual([]);
    const edited = expectOk(await client.call('projects.update', { id: plain.id, techStack: ['Go'] }));
    expect(edited.techStack).toEqual(['Go']);

    expect(expectOk(await client.call('projects.get', { id: project.id })).techStack).toEqual(['Svelte', 'SQLite', 'TypeScript']);
    expect(expectOk(await client.call('projects.list', {})).items.map((item) => [item.name, item.techStack])).toEqual([
      ['Daybook', ['Svelte', 'SQLite', 'TypeScript']],
      ['Notes', ['Go']]
    ]);
    // The projects a skill was used in read the same way.
    const skill = expectOk(await client.call('skills.create', { name: 'Svelte' }));
    expectOk(await client.call('skills.linkProject', { id: skill.id, projectId: project.id }));
    expect(expectOk(await client.call('skills.projects', { id: skill.id })).map((item) => item.techStack)).toEqual([['Svelte', 'SQLite', 'TypeScript']]);
  });

  it('refuses a tech stack that is not a list of names, naming the entry, and writes nothing', async () => {
    const empty = await client.call('projects.create', { name: 'Hm', classification: 'work', techStack: ['Rust', '  '] });
    expect(empty).toEqual({ ok: false, error: { code: 'validation', field: 'techStack.1', message: 'A technology cannot be empty.' } });
    const number = await client.call('projects.create', { name: 'Hm', classification: 'work', techStack: [3 as never] });
    expect(number).toEqual({ ok: false, error: { code: 'validation', field: 'techStack.0', message: 'Each technology must be text.' } });
    const text = await client.call('projects.create', { name: 'Hm', classification: 'work', techStack: 'Rust' as never });
    expect(text).toEqual({ ok: false, error: { code: 'validation', field: 'techStack', message: 'Tech stack must be a list of words.' } });
    const many = await client.call('projects.create', {
      name: 'Hm',
      classification: 'work',
      techStack: Array.from({ length: 51 }, (_, index) => `Tool ${index}`)
    });
    expect(many).toEqual({ ok: false, error: { code: 'validation', field: 'techStack', message: 'At most 50 technologies.' } });
    expect(expectOk(await client.call('projects.list', {})).items).toEqual([]);
  });
});
