/**
 * Habit streaks and success rates, computed from a habit's schedule and its logs (never stored).
 * Days are 'YYYY-MM-DD' local calendar days, handled as whole day numbers (no time zones).
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
 *
 * The cost does not grow with the habit's age: the rate and the longest streak cover a window (the
 * last 365 days), and the current streak reads back from there a year at a time only while it
 * lasts, stopping at its first break.
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
  /** Consecutive scheduled days (weeks, for times_per_week) done, up to today, however far back it goes. */
  readonly currentStreak: number;
  /** The longest streak within the window (a run that began before `since` counts from `since`), or the current streak if longer. */
  readonly longestStreak: number;
  /** What the two streaks count. */
  readonly streakUnit: 'day' | 'week';
  /** The first day of the window the rate and `longestStreak` cover (the habit's start day if later). */
  readonly since: string;
  /** Days done within the window. */
  readonly completedDays: number;
  /** Days asked for within the window. */
  readonly scheduledDays: number;
  /** completedDays / scheduledDays, 0 when nothing was scheduled yet. */
  readonly successRate: number;
}

/** The window of `habits.stats`: the last 365 days up to today (or the habit's end day). */
export const STATS_WINDOW_DAYS = 365;

/** How far back each further read goes while the current streak lasts: 52 whole weeks. */
const STREAK_READ_DAYS = 364;

export interface HabitStatsOptions {
  readonly schedule: HabitSchedule;
  /** The person's local day: the worker does not know their time zone. */
  readonly today: string;
  /** The logs of the days `from` to `to`, both included, in any order. */
  readLogs(from: string, to: string): Promise<readonly DayLog[]>;
  /** The first day of a week, for times_per_week habits; Monday by default. */
  readonly weekStart?: IsoWeekday;
  /** Days the rate and the longest streak look back over, today included. */
  readonly windowDays?: number;
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

export async function habitStats(options: HabitStatsOptions): Promise<HabitStats> {
  const { schedule, readLogs, weekStart = 1, windowDays = STATS_WINDOW_DAYS } = options;
  const today = dayNumber(options.today);
  const first = dayNumber(schedule.startDate);
  const end = schedule.endDate === null ? Number.POSITIVE_INFINITY : dayNumber(schedule.endDate);
  const last = Math.min(today, end);
  const unit = schedule.frequency === 'times_per_week' ? 'week' : 'day';
  if (last < first) return summarize(unit, schedule.startDate, { current: 0, longest: 0, completed: 0, scheduled: 0, broken: false });

  const range = (from: number, to: number): Promise<Tally> =>
    readLogs(dayText(from), dayText(to)).then((logs) => tally(schedule, byDay(logs, from, to), { from, to, end, today, weekStart }));
  // Weeks are counted whole, so a window of weeks starts on the first day of a week.
  const back = last - windowDays + 1;
  const since = Math.max(first, unit === 'week' ? weekOf(back, weekStart) : back);
  const counted = await range(since, last);
  // An unbroken window: the current streak began before it, so read back to its first break (or the start day).
  let reachesBack = !counted.broken;
  for (let before = since - 1; reachesBack && before >= first; before -= STREAK_READ_DAYS) {
    const earlier = await range(Math.max(first, before - STREAK_READ_DAYS + 1), before);
    counted.current += earlier.current;
    reachesBack = !earlier.broken;
  }
  counted.longest = Math.max(counted.longest, counted.current);
  return summarize(unit, dayText(since), counted);
}

/** The first day of the week `day` is in. */
function weekOf(day: number, weekStart: IsoWeekday): number {
  return day - ((isoWeekday(day) - weekStart + 7) % 7);
}

/** Whether each logged day from `from` to `to` was done. */
function byDay(logs: readonly DayLog[], from: number, to: number): Map<number, boolean> {
  const done = new Map<number, boolean>();
  for (const log of logs) {
    const day = dayNumber(log.logDate);
    if (day >= from && day <= to) done.set(day, log.completed);
  }
  return done;
}

interface Tally {
  /** The run of units done at the end of the range. */
  current: number;
  longest: number;
  completed: number;
  scheduled: number;
  /** A unit in the range was missed: the run at its end does not reach its first day. */
  broken: boolean;
}

/** The days counted, `from` to `to`; `end` is the habit's end day and `today` the open day. */
interface Span {
  readonly from: number;
  readonly to: number;
  readonly end: number;
  readonly today: number;
  readonly weekStart: IsoWeekday;
}

function tally(schedule: HabitSchedule, done: ReadonlyMap<number, boolean>, span: Span): Tally {
  if (schedule.frequency === 'times_per_week') return weekly(schedule.timesPerWeek ?? 1, done, span);
  const scheduledOn = schedule.frequency === 'daily' ? () => true : (day: number) => schedule.targetDays.includes(isoWeekday(day));
  return daily(scheduledOn, done, span);
}

function daily(scheduledOn: (day: number) => boolean, byDay: ReadonlyMap<number, boolean>, { from, to, today }: Span): Tally {
  const tally: Tally = { current: 0, longest: 0, completed: 0, scheduled: 0, broken: false };
  for (let day = from; day <= to; day++) {
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
      tally.broken = true;
    }
  }
  return tally;
}

function weekly(timesPerWeek: number, byDay: ReadonlyMap<number, boolean>, { from: first, to: last, end, today, weekStart }: Span): Tally {
  const tally: Tally = { current: 0, longest: 0, completed: 0, scheduled: 0, broken: false };
  for (let week = weekOf(first, weekStart); week <= last; week += 7) {
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
      tally.broken = true;
    }
  }
  return tally;
}

function summarize(unit: 'day' | 'week', since: string, tally: Tally): HabitStats {
  return {
    currentStreak: tally.current,
    longestStreak: tally.longest,
    streakUnit: unit,
    since,
    completedDays: tally.completed,
    scheduledDays: tally.scheduled,
    successRate: tally.scheduled === 0 ? 0 : tally.completed / tally.scheduled
  };
}
