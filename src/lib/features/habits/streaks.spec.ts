import { describe, expect, it } from 'vitest';
import { dayNumber, dayText, habitStats, isoWeekday, type DayLog, type HabitSchedule } from './streaks';

const daily = (startDate: string, endDate: string | null = null): HabitSchedule => ({
  frequency: 'daily',
  targetDays: [],
  timesPerWeek: null,
  startDate,
  endDate
});

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
  it('a gap breaks the streak; the longest run is kept', () => {
    const stats = habitStats(daily('2026-03-01'), logs('2026-03-01', '2026-03-10', { missing: ['2026-03-04'] }), '2026-03-10');
    expect(stats).toEqual({
      currentStreak: 6,
      longestStreak: 6,
      streakUnit: 'day',
      completedDays: 9,
      scheduledDays: 10,
      successRate: 0.9
    });
    const broken = habitStats(daily('2026-03-01'), logs('2026-03-01', '2026-03-08'), '2026-03-10');
    expect(broken).toMatchObject({ currentStreak: 0, longestStreak: 8, completedDays: 8, scheduledDays: 9 });
  });

  it('a day logged as skipped breaks the streak like a missing one', () => {
    const stats = habitStats(daily('2026-03-01'), logs('2026-03-01', '2026-03-05', { skipped: ['2026-03-03'] }), '2026-03-05');
    expect(stats).toMatchObject({ currentStreak: 2, longestStreak: 2, completedDays: 4, scheduledDays: 5 });
  });

  it('today not yet logged does not break the streak nor count as missed', () => {
    const stats = habitStats(daily('2026-03-01'), logs('2026-03-01', '2026-03-09'), '2026-03-10');
    expect(stats).toMatchObject({ currentStreak: 9, longestStreak: 9, completedDays: 9, scheduledDays: 9, successRate: 1 });
    const doneToday = habitStats(daily('2026-03-01'), logs('2026-03-01', '2026-03-10'), '2026-03-10');
    expect(doneToday).toMatchObject({ currentStreak: 10, scheduledDays: 10 });
    const skippedToday = habitStats(daily('2026-03-01'), logs('2026-03-01', '2026-03-10', { skipped: ['2026-03-10'] }), '2026-03-10');
    expect(skippedToday).toMatchObject({ currentStreak: 0, longestStreak: 9, completedDays: 9, scheduledDays: 10 });
  });

  it('counts from the start day only, for a habit that started recently', () => {
    const early = [{ logDate: '2026-02-20', completed: true }];
    const stats = habitStats(daily('2026-03-08'), [...early, ...logs('2026-03-08', '2026-03-09')], '2026-03-10');
    expect(stats).toEqual({
      currentStreak: 2,
      longestStreak: 2,
      streakUnit: 'day',
      completedDays: 2,
      scheduledDays: 2,
      successRate: 1
    });
    expect(habitStats(daily('2026-03-10'), [], '2026-03-10')).toMatchObject({ currentStreak: 0, scheduledDays: 0, successRate: 0 });
    expect(habitStats(daily('2026-04-01'), [], '2026-03-10')).toMatchObject({ currentStreak: 0, scheduledDays: 0, successRate: 0 });
  });

  it('stops at the end day: later days are not missed, and logs after it do not count', () => {
    const stats = habitStats(daily('2026-03-01', '2026-03-05'), logs('2026-03-01', '2026-03-08'), '2026-03-10');
    expect(stats).toMatchObject({ currentStreak: 5, longestStreak: 5, completedDays: 5, scheduledDays: 5 });
  });
});

describe('habitStats: specific days', () => {
  // March 2026 starts on a Sunday: Mondays 2, 9, 16...; Wednesdays 4, 11...; Fridays 6, 13...
  const monWedFri: HabitSchedule = { frequency: 'specific_days', targetDays: [1, 3, 5], timesPerWeek: null, startDate: '2026-03-01', endDate: null };

  it('skips unscheduled days: they neither break the streak nor count', () => {
    const done = ['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-11'].map((logDate) => ({ logDate, completed: true }));
    const stats = habitStats(monWedFri, done, '2026-03-12');
    expect(stats).toEqual({
      currentStreak: 5,
      longestStreak: 5,
      streakUnit: 'day',
      completedDays: 5,
      scheduledDays: 5,
      successRate: 1
    });
  });

  it('a done unscheduled day is not counted; a missed scheduled day breaks the streak', () => {
    const days = [
      { logDate: '2026-03-02', completed: true },
      { logDate: '2026-03-03', completed: true }, // Tuesday: not scheduled
      { logDate: '2026-03-06', completed: true },
      { logDate: '2026-03-09', completed: true }
    ];
    // Wednesday 4 missed; today is Wednesday 11, not logged yet.
    const stats = habitStats(monWedFri, days, '2026-03-11');
    expect(stats).toMatchObject({ currentStreak: 2, longestStreak: 2, completedDays: 3, scheduledDays: 4, successRate: 0.75 });
  });
});

describe('habitStats: times per week', () => {
  const threeAWeek: HabitSchedule = { frequency: 'times_per_week', targetDays: [], timesPerWeek: 3, startDate: '2026-03-02', endDate: null };
  const done = (...days: string[]) => days.map((logDate) => ({ logDate, completed: true }));

  it('counts weeks that reach the target; the open week does not break the streak', () => {
    const stats = habitStats(
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
      completedDays: 7,
      scheduledDays: 7,
      successRate: 1
    });
  });

  it('a week short of the target breaks the streak', () => {
    const stats = habitStats(threeAWeek, done('2026-03-02', '2026-03-04', '2026-03-06', '2026-03-09', '2026-03-16', '2026-03-17', '2026-03-18'), '2026-03-18');
    expect(stats).toMatchObject({ currentStreak: 1, longestStreak: 1, completedDays: 7, scheduledDays: 9 });
  });

  it('asks less of a first week with fewer days left than the target, and follows the week start', () => {
    // Starts on Saturday 7 March: that week (Mon-Sun) has 2 days left, so it asks for 2.
    const lateStart = { ...threeAWeek, startDate: '2026-03-07' };
    expect(habitStats(lateStart, done('2026-03-07', '2026-03-08'), '2026-03-09')).toMatchObject({
      currentStreak: 1,
      scheduledDays: 2,
      completedDays: 2
    });
    // With weeks starting on Sunday, Sunday 8 March opens a new week of its own.
    expect(habitStats(lateStart, done('2026-03-07', '2026-03-08'), '2026-03-09', 7)).toMatchObject({
      currentStreak: 1,
      scheduledDays: 2,
      completedDays: 2
    });
  });
});
