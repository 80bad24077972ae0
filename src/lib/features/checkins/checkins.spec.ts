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

describe('energy check-ins', () => {
  it('creates check-ins and lists a date range, latest first', async () => {
    const morning = expectOk(
      await client.call('energyCheckins.create', { checkinDate: '2026-03-02', checkinTime: '09:00', energyLevel: 4, engagementLevel: 3, mood: ' focused ' })
    );
    expect(morning).toMatchObject({ energyLevel: 4, engagementLevel: 3, mood: 'focused', notes: '', deletedAt: null });
    expectOk(await client.call('energyCheckins.create', { checkinDate: '2026-03-02', checkinTime: '15:00', energyLevel: 2, engagementLevel: 2, mood: '' }));
    expectOk(await client.call('energyCheckins.create', { checkinDate: '2026-03-05', checkinTime: '10:00', energyLevel: 5, engagementLevel: 5 }));

    const list = expectOk(await client.call('energyCheckins.list', { from: '2026-03-01', to: '2026-03-02' }));
    expect(list.items.map((checkin) => [checkin.checkinTime, checkin.mood])).toEqual([
      ['15:00', null],
      ['09:00', 'focused']
    ]);
  });

  it('refuses an energy out of range naming the field, and writes nothing', async () => {
    const answer = await client.call('energyCheckins.create', { checkinDate: '2026-03-02', checkinTime: '09:00', energyLevel: 7, engagementLevel: 3 });
    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: 'Energy is a whole number from 1 to 5.', field: 'energyLevel' } });
    const noTime = await client.call('energyCheckins.create', { checkinDate: '2026-03-02', checkinTime: '9am', energyLevel: 3, engagementLevel: 3 });
    expect(noTime.ok === false && noTime.error).toMatchObject({ field: 'checkinTime', message: 'Time must be a time like 09:30.' });
    expect(expectOk(await client.call('energyCheckins.list', {})).items).toEqual([]);
  });

  it('moves a check-in to the trash and restores it', async () => {
    const checkin = expectOk(await client.call('energyCheckins.create', { checkinDate: '2026-03-02', checkinTime: '09:00', energyLevel: 3, engagementLevel: 3 }));
    expectOk(await client.call('energyCheckins.delete', { id: checkin.id }));
    expect(expectOk(await client.call('energyCheckins.list', {})).items).toEqual([]);
    expectOk(await client.call('energyCheckins.restore', { id: checkin.id }));
    expect(expectOk(await client.call('energyCheckins.list', {})).items.map((item) => item.id)).toEqual([checkin.id]);
  });
});

describe('mood logs', () => {
  it('stores mood tags as the JSON array the column holds, and reads them back as a list', async () => {
    const log = expectOk(
      await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '08:15', mood: 7, stressLevel: 3, moodTags: [' motivated', 'tired', 'tired'] })
    );
    expect(log).toMatchObject({ mood: 7, stressLevel: 3, energyLevel: null, moodTags: ['motivated', 'tired'], moodTrigger: '', activity: '' });
    const column = await database.context.db.selectFrom('mood_logs').select('mood_tags').where('id', '=', log.id).executeTakeFirstOrThrow();
    expect(column.mood_tags).toBe('["motivated","tired"]');
    expect(expectOk(await client.call('moodLogs.get', { id: log.id })).moodTags).toEqual(['motivated', 'tired']);

    const untagged = expectOk(await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '20:00', mood: 5 }));
    expect(untagged.moodTags).toEqual([]);

    const edited = expectOk(await client.call('moodLogs.update', { id: untagged.id, moodTags: ['calm'], moodTrigger: 'A walk' }));
    expect(edited).toMatchObject({ moodTags: ['calm'], moodTrigger: 'A walk' });
    expect(expectOk(await client.call('moodLogs.list', {})).items.map((item) => item.moodTags)).toEqual([['calm'], ['motivated', 'tired']]);
  });

  it('lists a date range, latest first', async () => {
    for (const [logDate, logTime] of [
      ['2026-03-01', '08:00'],
      ['2026-03-02', '08:00'],
      ['2026-03-02', '21:00'],
      ['2026-03-09', '12:00']
    ] as const) {
      expectOk(await client.call('moodLogs.create', { logDate, logTime, mood: 6 }));
    }
    const list = expectOk(await client.call('moodLogs.list', { from: '2026-03-02', to: '2026-03-08' }));
    expect(list.items.map((log) => `${log.logDate} ${log.logTime}`)).toEqual(['2026-03-02 21:00', '2026-03-02 08:00']);
  });

  it('refuses a mood out of range and bad tags naming the field, and writes nothing', async () => {
    const high = await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '08:15', mood: 11 });
    expect(high).toEqual({ ok: false, error: { code: 'validation', message: 'Mood is a whole number from 1 to 10.', field: 'mood' } });
    const fraction = await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '08:15', mood: 5, anxietyLevel: 2.5 });
    expect(fraction.ok === false && fraction.error).toMatchObject({ field: 'anxietyLevel', message: 'Anxiety is a whole number from 1 to 10.' });
    const emptyTag = await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '08:15', mood: 5, moodTags: ['happy', ' '] });
    expect(emptyTag.ok === false && emptyTag.error).toMatchObject({ field: 'moodTags.1', message: 'A mood tag cannot be empty.' });
    const notAList = await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '08:15', mood: 5, moodTags: 'happy' as never });
    expect(notAList.ok === false && notAList.error).toMatchObject({ field: 'moodTags', message: 'Mood tags must be a list of words.' });
    expect(expectOk(await client.call('moodLogs.list', {})).items).toEqual([]);
  });

  it('moves a mood log to the trash and restores it', async () => {
    const log = expectOk(await client.call('moodLogs.create', { logDate: '2026-03-02', logTime: '08:15', mood: 4 }));
    expectOk(await client.call('moodLogs.delete', { id: log.id }));
    expect(expectOk(await client.call('moodLogs.list', {})).items).toEqual([]);
    expectOk(await client.call('moodLogs.restore', { id: log.id }));
    expect(expectOk(await client.call('moodLogs.get', { id: log.id })).deletedAt).toBeNull();
  });
});
