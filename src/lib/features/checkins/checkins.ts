import * as v from 'valibot';
import { defineEntity, type EntityRow, type EntityRowOf } from '../../db/entities/entity';
import { calendarDay, clockTime, optionalNullableText, optionalText, rating, stringList } from '../../validation/fields';

/** Mood words (repeats dropped), kept in `mood_logs.mood_tags` as a JSON array, e.g. '["motivated","tired"]'. */
const moodTags = stringList('Mood tags', { item: 'mood tag', maxItems: 20, maxLength: 50 });

/** A quick energy and engagement check-in (1 very low ... 5 very high). */
export const energyCheckinEntity = defineEntity({
  table: 'energy_checkins',
  noun: 'energy check-in',
  trash: true,
  titleColumn: 'checkin_date',
  dateColumn: 'checkin_date',
  fields: {
    checkinDate: calendarDay('Date'),
    checkinTime: clockTime('Time'),
    energyLevel: rating('Energy', 1, 5),
    engagementLevel: rating('Engagement', 1, 5),
    mood: v.optional(optionalNullableText('Mood', 100)),
    notes: v.optional(optionalText('Notes', 20000))
  },
  filters: {},
  order: [
    ['checkin_date', 'desc'],
    ['checkin_time', 'desc']
  ]
});

/** One mood reading; several a day are fine. */
export const moodLogEntity = defineEntity({
  table: 'mood_logs',
  noun: 'mood log',
  trash: true,
  titleColumn: 'log_date',
  dateColumn: 'log_date',
  fields: {
    logDate: calendarDay('Date'),
    logTime: clockTime('Time'),
    mood: rating('Mood', 1, 10),
    energyLevel: v.optional(v.nullable(rating('Energy', 1, 10))),
    stressLevel: v.optional(v.nullable(rating('Stress', 1, 10))),
    anxietyLevel: v.optional(v.nullable(rating('Anxiety', 1, 10))),
    moodTags: v.optional(moodTags),
    moodTrigger: v.optional(optionalText('What caused it', 2000)),
    activity: v.optional(optionalText('Activity', 2000))
  },
  filters: {},
  jsonColumns: ['mood_tags'],
  order: [
    ['log_date', 'desc'],
    ['log_time', 'desc']
  ]
});

export type EnergyCheckin = EntityRow<'energy_checkins'>;
export type MoodLog = EntityRowOf<typeof moodLogEntity>;
