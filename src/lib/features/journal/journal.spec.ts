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

const titles = async (filter: CommandInput<'journal.list'>) => expectOk(await client.call('journal.list', filter)).items.map((entry) => entry.title);

describe('journal', () => {
  it('creates an entry with the database defaults', async () => {
    const entry = expectOk(await client.call('journal.create', { entryDate: '2026-03-02', content: 'A good day.', sleepHours: 7.5, mood: 8, location: '  ' }));
    expect(entry).toMatchObject({ entryDate: '2026-03-02', entryTime: null, title: '', content: 'A good day.', sleepHours: 7.5, mood: 8, location: null, category: null });
  });

  it('lists a date range by day then time, newest first, and filters by category and tag', async () => {
    expectOk(await client.call('journal.create', { entryDate: '2026-03-01', title: 'Sunday', category: 'personal' }));
    const morning = expectOk(await client.call('journal.create', { entryDate: '2026-03-02', entryTime: '07:30', title: 'Morning', category: 'work' }));
    expectOk(await client.call('journal.create', { entryDate: '2026-03-02', entryTime: '22:10', title: 'Evening', category: 'reflection' }));
    expectOk(await client.call('journal.create', { entryDate: '2026-03-02', title: 'Undated time' }));
    expectOk(await client.call('journal.create', { entryDate: '2026-03-20', title: 'Later', category: 'work' }));

    expect(await titles({ from: '2026-03-01', to: '2026-03-10' })).toEqual(['Evening', 'Morning', 'Undated time', 'Sunday']);
    expect(await titles({ category: 'work' })).toEqual(['Later', 'Morning']);

    await database.context.db.insertInto('tags').values({ id: 'tag-grateful', name: 'grateful' }).execute();
    await database.context.db.insertInto('journal_entry_tags').values({ journal_entry_id: morning.id, tag_id: 'tag-grateful' }).execute();
    expect(await titles({ tagId: 'tag-grateful' })).toEqual(['Morning']);
  });

  it('refuses a wrong category and too much sleep naming the field, and writes nothing', async () => {
    const wrong = await client.call('journal.create', { entryDate: '2026-03-02', category: 'dreams' as never });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Category is one of: personal, work, health, reflection, learning, other.', field: 'category' }
    });
    const sleep = await client.call('journal.create', { entryDate: '2026-03-02', sleepHours: 25 });
    expect(sleep).toEqual({ ok: false, error: { code: 'validation', message: 'Sleep is a number of hours from 0 to 24.', field: 'sleepHours' } });
    expect(await titles({})).toEqual([]);
  });

  it('moves an entry to the trash and restores it', async () => {
    const entry = expectOk(await client.call('journal.create', { entryDate: '2026-03-02', title: 'Oops' }));
    expectOk(await client.call('journal.delete', { id: entry.id }));
    expect(await titles({})).toEqual([]);
    expectOk(await client.call('journal.restore', { id: entry.id }));
    expect(await titles({})).toEqual(['Oops']);
  });
});
