import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, flag, optionalText, rating, requiredText, timestamp } from '../../validation/fields';

const moment = (label: string) => v.optional(v.nullable(timestamp(label)));
const score = (label: string) => v.optional(v.nullable(rating(label, 1, 10)));

/** A practice (deep work) session: planned and actual times plus how it went. */
export const practiceSessionEntity = defineEntity({
  table: 'practice_sessions',
  noun: 'practice session',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'session_date',
  fields: {
    title: requiredText('Title', 200),
    description: v.optional(optionalText('Description', 20000)),
    /** The local day the session is (or was) held on. */
    sessionDate: calendarDay('Date'),
    plannedStartAt: moment('Planned start'),
    plannedEndAt: moment('Planned end'),
    actualStartAt: moment('Actual start'),
    actualEndAt: moment('Actual end'),
    /** Actual minutes spent, also without start and end times. */
    durationMinutes: v.optional(v.nullable(rating('Duration (minutes)', 0, 1440))),
    focusScore: score('Focus'),
    energyLevel: score('Energy'),
    productivityRating: score('Productivity'),
    interruptions: v.optional(v.nullable(rating('Interruptions', 0, 1000))),
    location: v.optional(v.nullable(optionalText('Location', 200))),
    notes: v.optional(optionalText('Notes', 20000)),
    completed: v.optional(flag('Completed'))
  },
  filters: { completed: flag('Completed') },
  order: [
    ['session_date', 'desc'],
    ['planned_start_at', 'desc']
  ]
});

export type PracticeSession = EntityRow<'practice_sessions'>;
