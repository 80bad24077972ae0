import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, clockTime, optionalText, rating } from '../../validation/fields';

/** Optional short text: trimmed, and empty means "not set" (NULL), as the schema wants. */
function optionalWord(label: string, max: number) {
  return v.nullable(
    v.pipe(
      v.string(`${label} must be text.`),
      v.trim(),
      v.maxLength(max, `${label} is at most ${max} characters.`),
      v.transform((text) => (text === '' ? null : text))
    )
  );
}

const MAX_MOOD_TAGS = 20;

/** Mood words in, stored as the JSON array text `mood_logs.mood_tags` holds (e.g. '["motivated","tired"]'). */
const moodTags = v.pipe(
  v.array(
    v.pipe(
      v.string('Each mood tag must be a word.'),
      v.trim(),
      v.minLength(1, 'A mood tag cannot be empty.'),
      v.maxLength(50, 'A mood tag is at most 50 characters.')
    ),
    'Mood tags must be a list of words.'
  ),
  v.maxLength(MAX_MOOD_TAGS, `At most ${MAX_MOOD_TAGS} mood tags.`),
  v.transform((tags) => JSON.stringify([...new Set(tags)]))
);

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
    mood: v.optional(optionalWord('Mood', 100)),
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
  order: [
    ['log_date', 'desc'],
    ['log_time', 'desc']
  ]
});

export type EnergyCheckin = EntityRow<'energy_checkins'>;
export type MoodLog = EntityRow<'mood_logs'>;

/** The mood words of a log (`moodTags` travels as the JSON text the column holds). */
export function moodTagsOf(log: Pick<MoodLog, 'moodTags'>): string[] {
  const parsed = v.safeParse(v.array(v.string()), JSON.parse(log.moodTags));
  return parsed.success ? parsed.output : [];
}
