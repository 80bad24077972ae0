import * as v from 'valibot';
import { defineEntity, type EntityRow, type EntityRowOf } from '../../db/entities/entity';
import type { IsoWeekday } from '../../db/schema/model-tables';
import { calendarDay, entityId, flag, oneOf, optionalNullableText, optionalText, rating, requiredText } from '../../validation/fields';
import { dayNumber } from './streaks';

export const HABIT_CATEGORIES = ['health', 'productivity', 'learning', 'social', 'other'] as const;
export const HABIT_FREQUENCIES = ['daily', 'specific_days', 'times_per_week'] as const;
export const HABIT_STATUSES = ['active', 'paused', 'completed'] as const;

const weekdayMessage = 'Target days are weekdays from 1 (Monday) to 7 (Sunday).';
const weekday = v.pipe(v.number(weekdayMessage), v.integer(weekdayMessage), v.minValue(1, weekdayMessage), v.maxValue(7, weekdayMessage));

/** ISO weekdays, sorted without repeats, kept in `habits.target_days` as a JSON array ('[1,3,5]'). */
const targetDays = v.pipe(
  v.array(weekday, 'Target days must be a list of weekdays.'),
  v.transform((days) => [...new Set(days)].sort((a, b) => a - b) as IsoWeekday[])
);

/**
 * A habit and when it is due: `daily`; `specific_days` on `targetDays`; `times_per_week` any days,
 * `timesPerWeek` of them. The database refuses weekdays without `specific_days` (and the reverse),
 * and a count without `times_per_week`: a change of frequency sends the matching field with it.
 */
export const habitEntity = defineEntity({
  table: 'habits',
  noun: 'habit',
  trash: true,
  titleColumn: 'name',
  fields: {
    name: requiredText('Name', 100),
    description: v.optional(optionalText('Description', 20000)),
    category: v.optional(v.nullable(oneOf('Category', HABIT_CATEGORIES))),
    frequency: v.optional(oneOf('Frequency', HABIT_FREQUENCIES)),
    targetDays: v.optional(targetDays),
    timesPerWeek: v.optional(v.nullable(rating('Times per week', 1, 7))),
    status: v.optional(oneOf('Status', HABIT_STATUSES)),
    startDate: calendarDay('Start date'),
    endDate: v.optional(v.nullable(calendarDay('End date')))
  },
  filters: {
    status: oneOf('Status', HABIT_STATUSES),
    category: oneOf('Category', HABIT_CATEGORIES)
  },
  jsonColumns: ['target_days'],
  order: [['name', 'asc']]
});

export type Habit = EntityRowOf<typeof habitEntity>;
export type HabitLog = EntityRow<'habit_logs'>;

/**
 * How a habit went on one day. One log per habit per day: logging a day again updates it, and only
 * the fields given change (marking a day done clears its skip reason).
 */
export const HabitLogUpsertInput = v.pipe(
  v.object({
    habitId: entityId,
    logDate: calendarDay('Date'),
    completed: flag('Done'),
    difficulty: v.optional(v.nullable(rating('Difficulty', 1, 5))),
    satisfaction: v.optional(v.nullable(rating('Satisfaction', 1, 5))),
    energyBefore: v.optional(v.nullable(rating('Energy before', 1, 10))),
    energyAfter: v.optional(v.nullable(rating('Energy after', 1, 10))),
    notes: v.optional(optionalText('Notes', 20000)),
    skipReason: v.optional(optionalNullableText('Skip reason', 200))
  }),
  v.forward(
    v.check((log) => log.completed === 0 || log.skipReason === undefined || log.skipReason === null, 'Only a skipped (not done) day has a skip reason.'),
    ['skipReason']
  )
);

/** Days `habitLogs.list` answers when no `from` is given, `to` included. */
export const DEFAULT_LOG_DAYS = 90;
/** The most days one `habitLogs.list` answers: a year, leap day included. */
export const MAX_LOG_DAYS = 366;

/**
 * A habit's logs from `from` to `to`, both included. `to` is required because the worker does not
 * know the person's time zone: for the latest logs it is their today. Without `from`, the 90 days
 * up to `to`; a longer history is read a year at a time.
 */
export const HabitLogListInput = v.pipe(
  v.object({
    habitId: entityId,
    from: v.optional(calendarDay('From')),
    to: calendarDay('To')
  }),
  v.forward(
    v.check(({ from, to }) => from === undefined || from <= to, 'From cannot be after To.'),
    ['from']
  ),
  v.forward(
    v.check(({ from, to }) => from === undefined || dayNumber(to) - dayNumber(from) < MAX_LOG_DAYS, `At most ${MAX_LOG_DAYS} days of habit logs at a time: choose a later From.`),
    ['from']
  )
);

export const HabitStatsInput = v.object({ id: entityId, today: calendarDay('Today') });

export type HabitLogUpsert = v.InferOutput<typeof HabitLogUpsertInput>;
export type HabitLogList = v.InferOutput<typeof HabitLogListInput>;
