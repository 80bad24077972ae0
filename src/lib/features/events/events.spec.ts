import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { CommandInput } from '../../rpc/contract';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient());
});

afterEach(() => close());

const titles = async (filter: CommandInput<'events.list'>) => expectOk(await client.call('events.list', filter)).items.map((event) => event.title);

describe('events', () => {
  it('creates events and lists a date range newest first, filtered by type and outcome', async () => {
    const launch = expectOk(
      await client.call('events.create', { title: 'Launched v2', eventDate: '2026-03-05', type: 'achievement', outcome: 'positive', emotionalImpact: 4, importance: 5 })
    );
    expect(launch).toMatchObject({ description: '', eventTime: null, emotionalImpact: 4, importance: 5, journalEntryId: null });
    expectOk(await client.call('events.create', { title: 'Flu', eventDate: '2026-03-09', type: 'health', outcome: 'negative', emotionalImpact: -3 }));
    expectOk(await client.call('events.create', { title: 'Team dinner', eventDate: '2026-03-09', eventTime: '19:00', type: 'social', outcome: 'positive' }));
    expectOk(await client.call('events.create', { title: 'February', eventDate: '2026-02-20', type: 'achievement' }));

    expect(await titles({ from: '2026-03-01', to: '2026-03-31' })).toEqual(['Team dinner', 'Flu', 'Launched v2']);
    expect(await titles({ type: 'achievement' })).toEqual(['Launched v2', 'February']);
    expect(await titles({ outcome: 'positive', from: '2026-03-06' })).toEqual(['Team dinner']);
  });

  it('links people to an event, lists them, and filters events by person', async () => {
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const ben = expectOk(await client.call('people.create', { name: 'Ben' }));
    const dinner = expectOk(await client.call('events.create', { title: 'Team dinner', eventDate: '2026-03-09' }));
    const hike = expectOk(await client.call('events.create', { title: 'Hike', eventDate: '2026-03-14' }));
    expectOk(await client.call('events.addPerson', { id: dinner.id, personId: ben.id }));
    expectOk(await client.call('events.addPerson', { id: dinner.id, personId: ana.id }));
    expectOk(await client.call('events.addPerson', { id: dinner.id, personId: ana.id }));
    expectOk(await client.call('events.addPerson', { id: hike.id, personId: ben.id }));

    expect(expectOk(await client.call('events.people', { id: dinner.id })).map((person) => person.name)).toEqual(['Ana', 'Ben']);
    expect(await titles({ personId: ana.id })).toEqual(['Team dinner']);
    expect(await titles({ personId: ben.id })).toEqual(['Hike', 'Team dinner']);

    expectOk(await client.call('events.removePerson', { id: dinner.id, personId: ana.id }));
    expect(expectOk(await client.call('events.people', { id: dinner.id })).map((person) => person.name)).toEqual(['Ben']);
    const nobody = await client.call('events.addPerson', { id: dinner.id, personId: 'nobody' });
    expect(nobody.ok === false && nobody.error.code).toBe('constraint');
  });

  it('refuses a wrong outcome and an emotional impact out of range naming the field, and writes nothing', async () => {
    const wrong = await client.call('events.create', { title: 'Hm', eventDate: '2026-03-02', outcome: 'great' as never });
    expect(wrong).toEqual({ ok: false, error: { code: 'validation', message: 'Outcome is one of: positive, negative, neutral, mixed.', field: 'outcome' } });
    const impact = await client.call('events.create', { title: 'Hm', eventDate: '2026-03-02', emotionalImpact: -6 });
    expect(impact).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Emotional impact is a whole number from -5 to 5.', field: 'emotionalImpact' }
    });
    expect(await titles({})).toEqual([]);
  });

  it('moves an event to the trash and restores it with its people', async () => {
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const event = expectOk(await client.call('events.create', { title: 'Oops', eventDate: '2026-03-02' }));
    expectOk(await client.call('events.addPerson', { id: event.id, personId: ana.id }));
    expectOk(await client.call('events.delete', { id: event.id }));
    expect(await titles({})).toEqual([]);
    expectOk(await client.call('events.restore', { id: event.id }));
    expect(await titles({ personId: ana.id })).toEqual(['Oops']);
  });
});
