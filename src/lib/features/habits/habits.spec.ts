import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { CommandInput } from '../../rpc/contract';
import { dayNumber, dayText } from './streaks';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient());
});

afterEach(() => close());

const march = (day: number) => `2026-03-${String(day).padStart(2, '0')}`;

describe('habits', () => {
  it('creates habits of each frequency, storing weekdays as the JSON array the column holds and reading them as a list', async () => {
    const daily = expectOk(await client.call('habits.create', { name: 'Read 20 pages', startDate: '2026-03-01', category: 'learning' }));
    expect(daily).toMatchObject({ frequency: 'daily', targetDays: [], timesPerWeek: null, status: 'active', description: '', endDate: null });
    const gym = expectOk(
      await client.call('habits.create', { name: 'Gym', startDate: '2026-03-01', frequency: 'specific_days', targetDays: [5, 1, 3, 3], category: 'health' })
    );
    expect(gym.targetDays).toEqual([1, 3, 5]);
    expect(expectOk(await client.call('habits.get', { id: gym.id })).targetDays).toEqual([1, 3, 5]);
    const column = await database.context.db.selectFrom('habits').select('target_days').where('id', '=', gym.id).executeTakeFirstOrThrow();
    expect(column.target_days).toBe('[1,3,5]');
    const calls = expectOk(await client.call('habits.create', { name: 'Call family', startDate: '2026-03-01', frequency: 'times_per_week', timesPerWeek: 2 }));
    expect(calls.timesPerWeek).toBe(2);
  });

  it('lists habits by name, filtered by status and category', async () => {
    expectOk(await client.call('habits.create', { name: 'Walk', startDate: '2026-03-01', category: 'health' }));
    expectOk(await client.call('habits.create', { name: 'Inbox zero', startDate: '2026-03-01', category: 'productivity', status: 'paused' }));
    expectOk(await client.call('habits.create', { name: 'Stretch', startDate: '2026-03-01', category: 'health', status: 'completed' }));
    const names = async (filter: CommandInput<'habits.list'>) =>
      expectOk(await client.call('habits.list', filter)).items.map((habit) => habit.name);
    expect(await names({})).toEqual(['Inbox zero', 'Stretch', 'Walk']);
    expect(await names({ category: 'health' })).toEqual(['Stretch', 'Walk']);
    expect(await names({ status: 'paused' })).toEqual(['Inbox zero']);
    expect(await names({ status: 'active', category: 'health' })).toEqual(['Walk']);
  });

  it('refuses a wrong frequency, bad weekdays and a missing schedule, and writes nothing', async () => {
    const wrong = await client.call('habits.create', { name: 'Hm', startDate: '2026-03-01', frequency: 'weekly' as never });
    expect(wrong).toEqual({
      ok: false,
      error: { code: 'validation', message: 'Frequency is one of: daily, specific days, times per week.', field: 'frequency' }
    });
    const sunday = await client.call('habits.create', { name: 'Hm', startDate: '2026-03-01', frequency: 'specific_days', targetDays: [0] });
    expect(sunday.ok === false && sunday.error).toMatchObject({ field: 'targetDays.0', message: 'Target days are weekdays from 1 (Monday) to 7 (Sunday).' });
    const often = await client.call('habits.create', { name: 'Hm', startDate: '2026-03-01', frequency: 'times_per_week', timesPerWeek: 8 });
    expect(often).toEqual({ ok: false, error: { code: 'validation', message: 'Times per week is a whole number from 1 to 7.', field: 'timesPerWeek' } });
    const noDays = await client.call('habits.create', { name: 'Hm', startDate: '2026-03-01', frequency: 'specific_days' });
    expect(noDays).toEqual({
      ok: false,
      error: { code: 'validation', field: 'targetDays', message: 'Pick the weekdays for a habit on specific days (and only then).' }
    });
    expect(expectOk(await client.call('habits.list', {})).items).toEqual([]);
  });

  it('moves a habit to the trash and restores it with its logs', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Oops', startDate: '2026-03-01' }));
    expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-03-02', completed: true }));
    expectOk(await client.call('habits.delete', { id: habit.id }));
    expect(expectOk(await client.call('habits.list', {})).items).toEqual([]);
    const stats = await client.call('habits.stats', { id: habit.id, today: '2026-03-03' });
    expect(stats).toEqual({ ok: false, error: { code: 'not_found', message: 'This habit no longer exists.' } });
    const log = await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-03-03', completed: true });
    expect(log.ok === false && log.error.code).toBe('not_found');

    expectOk(await client.call('habits.restore', { id: habit.id }));
    expect(expectOk(await client.call('habitLogs.list', { habitId: habit.id, to: '2026-03-03' })).map((entry) => entry.logDate)).toEqual(['2026-03-02']);
  });
});

describe('habit logs', () => {
  it('keeps one log per habit per day: logging the day again updates it', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Meditate', startDate: '2026-03-01' }));
    const skipped = expectOk(
      await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-03-02', completed: false, skipReason: 'Sick', notes: 'Fever', energyBefore: 2 })
    );
    expect(skipped).toMatchObject({ habitId: habit.id, logDate: '2026-03-02', completed: 0, skipReason: 'Sick', notes: 'Fever', energyBefore: 2 });

    const done = expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-03-02', completed: true, satisfaction: 4 }));
    // Same row; what was not given is kept, and a day marked done loses its skip reason.
    expect(done).toMatchObject({ id: skipped.id, completed: 1, satisfaction: 4, notes: 'Fever', energyBefore: 2, skipReason: null });
    const rows = await database.context.db.selectFrom('habit_logs').select('id').where('habit_id', '=', habit.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('refuses a skip reason on a day done, ratings out of range, and days before the start, writing nothing', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Meditate', startDate: '2026-03-01' }));
    const reason = await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-03-02', completed: true, skipReason: 'Busy' });
    expect(reason).toEqual({ ok: false, error: { code: 'validation', message: 'Only a skipped (not done) day has a skip reason.', field: 'skipReason' } });
    const hard = await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-03-02', completed: true, difficulty: 6 });
    expect(hard).toEqual({ ok: false, error: { code: 'validation', message: 'Difficulty is a whole number from 1 to 5.', field: 'difficulty' } });
    const before = await client.call('habitLogs.upsert', { habitId: habit.id, logDate: '2026-02-27', completed: true });
    expect(before.ok === false && before.error).toMatchObject({ code: 'validation', field: 'logDate' });
    expect(expectOk(await client.call('habitLogs.list', { habitId: habit.id, to: '2026-03-31' }))).toEqual([]);
  });

  it('lists logs oldest first within a range, and deletes one for good', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Walk', startDate: '2026-03-01' }));
    for (const day of [5, 1, 3, 9]) expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: march(day), completed: true }));
    const range = expectOk(await client.call('habitLogs.list', { habitId: habit.id, from: '2026-03-02', to: '2026-03-08' }));
    expect(range.map((log) => log.logDate)).toEqual(['2026-03-03', '2026-03-05']);

    const [first] = range;
    if (!first) throw new Error('expected a log');
    expect(expectOk(await client.call('habitLogs.delete', { id: first.id }))).toEqual({ id: first.id });
    expect(expectOk(await client.call('habitLogs.list', { habitId: habit.id, to: '2026-03-31' })).map((log) => log.logDate)).toEqual(['2026-03-01', '2026-03-05', '2026-03-09']);
    const again = await client.call('habitLogs.delete', { id: first.id });
    expect(again).toEqual({ ok: false, error: { code: 'not_found', message: 'This habit log no longer exists.' } });
  });
});

describe('habitLogs.list: bounded', () => {
  it('answers the 90 days up to `to` when no first day is given', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Walk', startDate: '2025-01-01' }));
    for (const logDate of ['2025-12-10', '2025-12-11', '2026-03-09', '2026-03-10', '2026-03-11']) {
      expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate, completed: true }));
    }
    // 2025-12-11 is the 90th day before 2026-03-10 counting both; the 11th of March is after `to`.
    const latest = expectOk(await client.call('habitLogs.list', { habitId: habit.id, to: '2026-03-10' }));
    expect(latest.map((log) => log.logDate)).toEqual(['2025-12-11', '2026-03-09', '2026-03-10']);
  });

  it('refuses a range over 366 days, a first day after the last, and a missing last day, naming the field', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Walk', startDate: '2024-01-01' }));
    const year = await client.call('habitLogs.list', { habitId: habit.id, from: '2025-03-10', to: '2026-03-10' });
    expect(year.ok).toBe(true);
    const tooLong = await client.call('habitLogs.list', { habitId: habit.id, from: '2025-03-09', to: '2026-03-10' });
    expect(tooLong).toEqual({ ok: false, error: { code: 'validation', field: 'from', message: 'At most 366 days of habit logs at a time: choose a later From.' } });
    const backwards = await client.call('habitLogs.list', { habitId: habit.id, from: '2026-03-11', to: '2026-03-10' });
    expect(backwards).toEqual({ ok: false, error: { code: 'validation', field: 'from', message: 'From cannot be after To.' } });
    const open = await client.call('habitLogs.list', { habitId: habit.id } as never);
    expect(open.ok === false && open.error).toMatchObject({ code: 'validation', field: 'to' });
  });
});

describe('habits.stats', () => {
  it('computes streaks and the success rate of a daily habit over a month of logs', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Read', startDate: '2026-03-01' }));
    // March 2026 up to the 30th: missed the 5th (no log), skipped the 12th, missed the 25th; today, the 31st, not logged yet.
    for (let day = 1; day <= 30; day++) {
      if (day === 5 || day === 25) continue;
      const skipped = day === 12;
      expectOk(
        await client.call('habitLogs.upsert', { habitId: habit.id, logDate: march(day), completed: !skipped, ...(skipped && { skipReason: 'Travelling' }) })
      );
    }
    const stats = expectOk(await client.call('habits.stats', { id: habit.id, today: '2026-03-31' }));
    // Runs: 1-4 (4), 6-11 (6), 13-24 (12), 26-30 (5, still going).
    expect(stats).toEqual({ currentStreak: 5, longestStreak: 12, streakUnit: 'day', since: '2026-03-01', completedDays: 27, scheduledDays: 30, successRate: 0.9 });

    expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: march(31), completed: true }));
    expect(expectOk(await client.call('habits.stats', { id: habit.id, today: '2026-03-31' }))).toMatchObject({ currentStreak: 6, scheduledDays: 31 });
  });

  it('counts the rate over the last 365 days, and the current streak back to its first break', async () => {
    const habit = expectOk(await client.call('habits.create', { name: 'Read', startDate: '2024-01-01' }));
    // Done every day from 2024-12-01 on; nothing logged before, so the first 11 months are missed.
    const rows = [];
    for (let day = dayNumber('2024-12-01'); day <= dayNumber('2026-03-10'); day++) {
      rows.push({ id: `log-${day}`, habit_id: habit.id, log_date: dayText(day), completed: 1 as const });
    }
    await database.context.db.insertInto('habit_logs').values(rows).execute();
    const stats = expectOk(await client.call('habits.stats', { id: habit.id, today: '2026-03-10' }));
    const current = dayNumber('2026-03-10') - dayNumber('2024-12-01') + 1;
    expect(stats).toEqual({ currentStreak: current, longestStreak: current, streakUnit: 'day', since: '2025-03-11', completedDays: 365, scheduledDays: 365, successRate: 1 });
  });

  it('counts only the scheduled weekdays of a habit on specific days', async () => {
    // Mondays, Wednesdays and Fridays of March 2026: 2 4 6 9 11 13 16 18 20 23 25 27 30.
    const habit = expectOk(
      await client.call('habits.create', { name: 'Gym', startDate: '2026-03-01', frequency: 'specific_days', targetDays: [1, 3, 5] })
    );
    for (const day of [2, 4, 6, 9, 11, 16, 18, 20, 23, 25, 27, 30]) {
      expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: march(day), completed: true }));
    }
    // A Saturday session is welcome but not scheduled: it neither counts nor mends the missed Friday 13th.
    expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: march(14), completed: true }));
    const stats = expectOk(await client.call('habits.stats', { id: habit.id, today: '2026-03-31' }));
    expect(stats).toMatchObject({ currentStreak: 7, longestStreak: 7, completedDays: 12, scheduledDays: 13 });
    expect(stats.successRate).toBeCloseTo(12 / 13);
  });

  it('counts weeks for a habit done a number of times per week, with the week start of the profile', async () => {
    const habit = expectOk(
      await client.call('habits.create', { name: 'Call family', startDate: '2026-03-02', frequency: 'times_per_week', timesPerWeek: 2 })
    );
    // Weeks from Monday: 2-8 (3 done), 9-15 (1 done), 16-22 (2 done), 23-29 (2 done); 30-31 open, 1 done.
    for (const day of [2, 4, 8, 10, 16, 22, 23, 29, 30]) {
      expectOk(await client.call('habitLogs.upsert', { habitId: habit.id, logDate: march(day), completed: true }));
    }
    const stats = expectOk(await client.call('habits.stats', { id: habit.id, today: '2026-03-31' }));
    expect(stats).toEqual({ currentStreak: 2, longestStreak: 2, streakUnit: 'week', since: '2026-03-02', completedDays: 8, scheduledDays: 9, successRate: 8 / 9 });

    // With weeks starting on Sunday the 22nd and the 29th fall into other weeks.
    await database.context.db.updateTable('profile').set({ week_start: 7 }).execute();
    // Weeks from Sunday: 1-7 (2 done, asks 2), 8-14 (2), 15-21 (1), 22-28 (2), 29-31 open (2, met).
    const sunday = expectOk(await client.call('habits.stats', { id: habit.id, today: '2026-03-31' }));
    expect(sunday).toMatchObject({ currentStreak: 2, longestStreak: 2, completedDays: 9, scheduledDays: 10 });
  });
});
