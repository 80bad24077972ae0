/**
 * Habit streaks and success rates, computed from a habit's schedule and its logs (never stored).
 * Pure: days are 'YYYY-MM-DD' local calendar days, handled as whole day numbers (no time zones).
 *
 * - daily / specific_days: every scheduled day from the start day to today (or the end day, if
 *   earlier) counts; a day without a log is a missed day. Unscheduled weekdays are skipped: they
 *   neither count nor break a streak. Today without a log is still open, so it neither counts nor
 *   breaks the streak; today logged counts like any other day.
 * - times_per_week: the unit is the week (starting on `weekStart`). A week asks for
 *   `timesPerWeek` completed days (fewer when the habit starts or ends inside it and has fewer days
 *   there); it is met when that many days are done. The current week is still open: until it is
 *   met it neither counts nor breaks the streak, and only the days done so far are counted.
 *
 * `scheduledDays` is what was asked for, `completedDays` how much of it was done (days beyond what
 * a week asks for, or done on unscheduled weekdays, are not counted), so `successRate` is 0 to 1.
 */
import type { HabitFrequency, IsoWeekday } from '../../db/schema/model-tables';

export interface HabitSchedule {
  readonly frequency: HabitFrequency;
  /** The weekdays of a `specific_days` habit. */
  readonly targetDays: readonly IsoWeekday[];
  /** How many days a week, for a `times_per_week` habit. */
  readonly timesPerWeek: number | null;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface DayLog {
  readonly logDate: string;
  readonly completed: boolean;
}

export interface HabitStats {
  /** Consecutive scheduled days (weeks, for times_per_week) done, up to today. */
  readonly currentStreak: number;
  readonly longestStreak: number;
  /** What the two streaks count. */
  readonly streakUnit: 'day' | 'week';
  readonly completedDays: number;
  readonly scheduledDays: number;
  /** completedDays / scheduledDays, 0 when nothing was scheduled yet. */
  readonly successRate: number;
}

const MS_PER_DAY = 86_400_000;

/** 'YYYY-MM-DD' -> days since 1970-01-01. */
export function dayNumber(day: string): number {
  const [year = NaN, month = NaN, date = NaN] = day.split('-').map(Number);
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

/** Days since 1970-01-01 -> 'YYYY-MM-DD'. */
export function dayText(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday (1 = Monday ... 7 = Sunday); 1970-01-01 was a Thursday. */
export function isoWeekday(day: number): IsoWeekday {
  return ((((day + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

export function habitStats(schedule: HabitSchedule, logs: readonly DayLog[], today: string, weekStart: IsoWeekday = 1): HabitStats {
  const todayNumber = dayNumber(today);
  const first = dayNumber(schedule.startDate);
  const end = schedule.endDate === null ? Number.POSITIVE_INFINITY : dayNumber(schedule.endDate);
  const last = Math.min(todayNumber, end);
  const byDay = new Map<number, boolean>();
  for (const log of logs) {
    const day = dayNumber(log.logDate);
    if (day >= first && day <= last) byDay.set(day, log.completed);
  }
  const unit = schedule.frequency === 'times_per_week' ? 'week' : 'day';
  if (last < first) return summarize(unit, { current: 0, longest: 0, completed: 0, scheduled: 0 });
  if (schedule.frequency === 'times_per_week') {
    return summarize(unit, weekly(schedule.timesPerWeek ?? 1, byDay, first, last, end, todayNumber, weekStart));
  }
  const scheduledOn =
    schedule.frequency === 'daily' ? () => true : (day: number) => schedule.targetDays.includes(isoWeekday(day));
  return summarize(unit, daily(scheduledOn, byDay, first, last, todayNumber));
}

interface Tally {
  current: number;
  longest: number;
  completed: number;
  scheduled: number;
}

function daily(scheduledOn: (day: number) => boolean, byDay: ReadonlyMap<number, boolean>, first: number, last: number, today: number): Tally {
  const tally: Tally = { current: 0, longest: 0, completed: 0, scheduled: 0 };
  for (let day = first; day <= last; day++) {
    if (!scheduledOn(day)) continue;
    const done = byDay.get(day);
    if (day === today && done === undefined) continue;
    tally.scheduled++;
    if (done === true) {
      tally.completed++;
      tally.current++;
      tally.longest = Math.max(tally.longest, tally.current);
    } else {
      tally.current = 0;
    }
  }
  return tally;
}

function weekly(
  timesPerWeek: number,
  byDay: ReadonlyMap<number, boolean>,
  first: number,
  last: number,
  end: number,
  today: number,
  weekStart: IsoWeekday
): Tally {
  const tally: Tally = { current: 0, longest: 0, completed: 0, scheduled: 0 };
  const weekOf = (day: number) => day - ((isoWeekday(day) - weekStart + 7) % 7);
  for (let week = weekOf(first); week <= last; week += 7) {
    const from = Math.max(week, first);
    const lastOfWeek = week + 6;
    const required = Math.min(timesPerWeek, Math.min(lastOfWeek, end) - from + 1);
    let done = 0;
    for (let day = from; day <= Math.min(lastOfWeek, last); day++) if (byDay.get(day) === true) done++;
    const open = last === today && today <= lastOfWeek;
    if (open && done < required) {
      tally.scheduled += done;
      tally.completed += done;
      continue;
    }
    tally.scheduled += required;
    tally.completed += Math.min(done, required);
    if (done >= required) {
      tally.current++;
      tally.longest = Math.max(tally.longest, tally.current);
    } else {
      tally.current = 0;
    }
  }
  return tally;
}

function summarize(unit: 'day' | 'week', tally: Tally): HabitStats {
  return {
    currentStreak: tally.current,
    longestStreak: tally.longest,
    streakUnit: unit,
    completedDays: tally.completed,
    scheduledDays: tally.scheduled,
    successRate: tally.scheduled === 0 ? 0 : tally.completed / tally.scheduled
  };
}
