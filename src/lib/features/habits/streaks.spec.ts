import { describe, expect, it } from 'vitest';
import type { IsoWeekday } from '../../db/schema/model-tables';
import { dayNumber, dayText, habitStats, isoWeekday, type DayLog, type HabitSchedule, type HabitStats } from './streaks';

const daily = (startDate: string, endDate: string | null = null): HabitSchedule => ({
  frequency: 'daily',
  targetDays: [],
  timesPerWeek: null,
  startDate,
  endDate
});

/** The stats over logs held in memory, as the repository reads them: one range at a time. */
function statsOf(schedule: HabitSchedule, logs: readonly DayLog[], today: string, weekStart?: IsoWeekday): Promise<HabitStats> {
  return habitStats({ schedule, today, weekStart, readLogs: async (from, to) => logs.filter((log) => log.logDate >= from && log.logDate <= to) });
}

/** Logs every day from `from` to `to` as done, except the days listed (missing) and those logged as skipped. */
function logs(from: string, to: string, options: { missing?: string[]; skipped?: string[] } = {}): DayLog[] {
  const out: DayLog[] = [];
  for (let day = dayNumber(from); day <= dayNumber(to); day++) {
    const text = dayText(day);
    if (options.missing?.includes(text)) continue;
    out.push({ logDate: text, completed: !options.skipped?.includes(text) });
  }
  return out;
}

describe('day arithmetic', () => {
  it('round-trips days and knows ISO weekdays', () => {
    expect(dayText(dayNumber('2026-03-01'))).toBe('2026-03-01');
    expect(dayNumber('2026-03-01') - dayNumber('2026-02-28')).toBe(1);
    expect(dayNumber('2024-03-01') - dayNumber('2024-02-28')).toBe(2);
    expect(isoWeekday(dayNumber('2026-03-01'))).toBe(7); // a Sunday
    expect(isoWeekday(dayNumber('2026-03-02'))).toBe(1); // a Monday
    expect(isoWeekday(dayNumber('1969-12-29'))).toBe(1); // before the epoch too
  });
});

describe('habitStats: daily', () => {
  it('a gap breaks the streak; the longest run is kept', async () => {
    const stats = await statsOf(daily('2026-03-01'), logs('2026-03-01', '2026-03-10', { missing: ['2026-03-04'] }), '2026-03-10');
    expect(stats).toEqual({
      currentStreak: 6,
      longestStreak: 6,
      streakUnit: 'day',
      since: '2026-03-01',
      completedDays: 9,
      scheduledDays: 10,
      successRate: 0.9
    });
    const broken = await statsOf(daily('2026-03-01'), logs('2026-03-01', '2026-03-08'), '2026-03-10');
    expect(broken).toMatchObject({ currentStreak: 0, longestStreak: 8, completedDays: 8, scheduledDays: 9 });
  });

  it('a day logged as skipped breaks the streak like a missing one', async () => {
    const stats = await statsOf(daily('2026-03-01'), logs('2026-03-01', '2026-03-05', { skipped: ['2026-03-03'] }), '2026-03-05');
    expect(stats).toMatchObject({ currentStreak: 2, longestStreak: 2, completedDays: 4, scheduledDays: 5 });
  });

  it('today not yet logged does not break the streak nor count as missed', async () => {
    const stats = await statsOf(daily('2026-03-01'), logs('2026-03-01', '2026-03-09'), '2026-03-10');
    expect(stats).toMatchObject({ currentStreak: 9, longestStreak: 9, completedDays: 9, scheduledDays: 9, successRate: 1 });
    const doneToday = await statsOf(daily('2026-03-01'), logs('2026-03-01', '2026-03-10'), '2026-03-10');
    expect(doneToday).toMatchObject({ currentStreak: 10, scheduledDays: 10 });
    const skippedToday = await statsOf(daily('2026-03-01'), logs('2026-03-01', '2026-03-10', { skipped: ['2026-03-10'] }), '2026-03-10');
    expect(skippedToday).toMatchObject({ currentStreak: 0, longestStreak: 9, completedDays: 9, scheduledDays: 10 });
  });

  it('counts from the start day only, for a habit that started recently', async () => {
    const early = [{ logDate: '2026-02-20', completed: true }];
    const stats = await statsOf(daily('2026-03-08'), [...early, ...logs('2026-03-08', '2026-03-09')], '2026-03-10');
    expect(stats).toEqual({
      currentStreak: 2,
      longestStreak: 2,
      streakUnit: 'day',
      since: '2026-03-08',
      completedDays: 2,
      scheduledDays: 2,
      successRate: 1
    });
    expect(await statsOf(daily('2026-03-10'), [], '2026-03-10')).toMatchObject({ currentStreak: 0, scheduledDays: 0, successRate: 0 });
    expect(await statsOf(daily('2026-04-01'), [], '2026-03-10')).toMatchObject({ currentStreak: 0, scheduledDays: 0, successRate: 0 });
  });

  it('stops at the end day: later days are not missed, and logs after it do not count', async () => {
    const stats = await statsOf(daily('2026-03-01', '2026-03-05'), logs('2026-03-01', '2026-03-08'), '2026-03-10');
    expect(stats).toMatchObject({ currentStreak: 5, longestStreak: 5, completedDays: 5, scheduledDays: 5 });
  });
});

describe('habitStats: specific days', () => {
  // March 2026 starts on a Sunday: Mondays 2, 9, 16...; Wednesdays 4, 11...; Fridays 6, 13...
  const monWedFri: HabitSchedule = { frequency: 'specific_days', targetDays: [1, 3, 5], timesPerWeek: null, startDate: '2026-03-01', endDate: null };

  it('skips unscheduled days: they neither break the streak nor count', async () => {
    const done = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11'].map((logDate) => ({ logDate, completed: true }));
    const stats = await statsOf(monWedFri, done, '2026-03-12');
    expect(stats).toEqual({
      currentStreak: 5,
      longestStreak: 5,
      streakUnit: 'day',
      since: '2026-03-01',
      completedDays: 5,
      scheduledDays: 5,
      successRate: 1
    });
  });

  it('a done unscheduled day is not counted; a missed scheduled day breaks the streak', async () => {
    const days = [
      { logDate: '2026-03-02', completed: true },
      { logDate: '2026-03-03', completed: true }, // Tuesday: not scheduled
      { logDate: '2026-03-06', completed: true },
      { logDate: '2026-03-09', completed: true }
    ];
    // Wednesday 4 missed; today is Wednesday 11, not logged yet.
    const stats = await statsOf(monWedFri, days, '2026-03-11');
    expect(stats).toMatchObject({ currentStreak: 2, longestStreak: 2, completedDays: 3, scheduledDays: 4, successRate: 0.75 });
  });
});

describe('habitStats: times per week', () => {
  const threeAWeek: HabitSchedule = { frequency: 'times_per_week', targetDays: [], timesPerWeek: 3, startDate: '2026-03-02', endDate: null };
  const done = (...days: string[]) => days.map((logDate) => ({ logDate, completed: true }));

  it('counts weeks that reach the target; the open week does not break the streak', async () => {
    const stats = await statsOf(
      threeAWeek,
      done(
        // week of 2 March: 3 done, met
        '2026-03-02', '2026-03-04', '2026-03-06',
        // week of 9 March: 4 done, met (the fourth is not counted)
        '2026-03-09', '2026-03-10', '2026-03-11', '2026-03-12',
        // week of 16 March (open, today is Wednesday 18): 1 done so far
        '2026-03-16'
      ),
      '2026-03-18'
    );
    expect(stats).toEqual({
      currentStreak: 2,
      longestStreak: 2,
      streakUnit: 'week',
      since: '2026-03-02',
      completedDays: 7,
      scheduledDays: 7,
      successRate: 1
    });
  });

  it('a week short of the target breaks the streak', async () => {
    const stats = await statsOf(threeAWeek, done('2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-16', '2026-03-17', '2026-03-18'), '2026-03-18');
    expect(stats).toMatchObject({ currentStreak: 1, longestStreak: 1, completedDays: 7, scheduledDays: 9 });
  });

  it('asks less of a first week with fewer days left than the target, and follows the week start', async () => {
    // Starts on Saturday 7 March: that week (Mon-Sun) has 2 days left, so it asks for 2.
    const lateStart = { ...threeAWeek, startDate: '2026-03-07' };
    expect(await statsOf(lateStart, done('2026-03-07', '2026-03-08'), '2026-03-09')).toMatchObject({
      currentStreak: 1,
      scheduledDays: 2,
      completedDays: 2
    });
    // With weeks starting on Sunday, Sunday 8 March opens a new week of its own.
    expect(await statsOf(lateStart, done('2026-03-07', '2026-03-08'), '2026-03-09', 7)).toMatchObject({
      currentStreak: 1,
      scheduledDays: 2,
      completedDays: 2
    });
  });
});

describe('habitStats: bounded reads at any age', () => {
  /** A reader that remembers the ranges it was asked for. */
  function recording(logs: readonly DayLog[]) {
    const reads: [string, string][] = [];
    const readLogs = async (from: string, to: string) => {
      reads.push([from, to]);
      return logs.filter((log) => log.logDate >= from && log.logDate <= to);
    };
    return { reads, readLogs };
  }

  it('counts the success rate and the longest streak over the last 365 days, and says from when', async () => {
    // Done every day for over two years but for one miss in each year; the longest run (2024-06-02 to 2025-05-31) is mostly before the window.
    const all = logs('2024-01-01', '2026-03-10', { missing: ['2024-06-01', '2025-06-01'] });
    const { reads, readLogs } = recording(all);
    const stats = await habitStats({ schedule: daily('2024-01-01'), today: '2026-03-10', readLogs });
    const current = dayNumber('2026-03-10') - dayNumber('2025-06-02') + 1;
    expect(stats).toEqual({
      currentStreak: current,
      longestStreak: current,
      streakUnit: 'day',
      since: '2025-03-11',
      completedDays: 364,
      scheduledDays: 365,
      successRate: 364 / 365
    });
    // The streak breaks inside the window: nothing older is read.
    expect(reads).toEqual([['2025-03-11', '2026-03-10']]);
  });

  it('follows the current streak back past the window a year at a time, stopping at its first break', async () => {
    const all = logs('2016-01-01', '2026-03-10', { missing: ['2022-05-01'] });
    const { reads, readLogs } = recording(all);
    const stats = await habitStats({ schedule: daily('2016-01-01'), today: '2026-03-10', readLogs });
    const current = dayNumber('2026-03-10') - dayNumber('2022-05-02') + 1;
    expect(stats).toMatchObject({ currentStreak: current, longestStreak: current, scheduledDays: 365, completedDays: 365, successRate: 1 });
    expect(reads).toHaveLength(4);
    expect(reads.every(([from, to]) => dayNumber(to) - dayNumber(from) < 365)).toBe(true);
    // The last read holds the break; the six years before it are never read.
    const [oldestFrom, oldestTo] = reads.at(-1) ?? ['', ''];
    expect(oldestFrom <= '2022-05-01' && oldestTo >= '2022-05-01').toBe(true);
  });

  it('stops reading back at the start day of a habit never missed', async () => {
    const { reads, readLogs } = recording(logs('2024-02-10', '2026-03-10'));
    const stats = await habitStats({ schedule: daily('2024-02-10'), today: '2026-03-10', readLogs });
    expect(stats.currentStreak).toBe(dayNumber('2026-03-10') - dayNumber('2024-02-10') + 1);
    expect(reads.at(-1)?.[0]).toBe('2024-02-10');
  });

  it('gives the same current streak whatever the window, for every kind of schedule', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const schedules: HabitSchedule[] = [
      daily('2023-01-04'),
      { frequency: 'specific_days', targetDays: [2, 4, 6], timesPerWeek: null, startDate: '2023-01-04', endDate: null },
      { frequency: 'times_per_week', targetDays: [], timesPerWeek: 3, startDate: '2023-01-04', endDate: null }
    ];
    for (const schedule of schedules) {
      for (let trial = 0; trial < 20; trial++) {
        // Long runs with rare misses, so streaks often reach past a short window.
        const missRate = random() * 0.02;
        const days = logs('2023-01-04', '2026-03-10').filter(() => random() > missRate);
        const readLogs = async (from: string, to: string) => days.filter((log) => log.logDate >= from && log.logDate <= to);
        const today = dayText(dayNumber('2026-03-10') - Math.floor(random() * 3));
        const whole = await habitStats({ schedule, today, readLogs, weekStart: 7, windowDays: 100_000 });
        for (const windowDays of [7, 30, 365]) {
          const windowed = await habitStats({ schedule, today, readLogs, weekStart: 7, windowDays });
          expect(windowed.currentStreak).toBe(whole.currentStreak);
          expect(windowed.longestStreak).toBeLessThanOrEqual(whole.longestStreak);
        }
      }
    }
  });
});
