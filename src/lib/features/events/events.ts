import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, clockTime, oneOf, optionalRef, optionalText, rating, requiredText } from '../../validation/fields';

export const EVENT_TYPES = ['meeting', 'achievement', 'social', 'health', 'work', 'personal', 'other'] as const;
export const EVENT_OUTCOMES = ['positive', 'negative', 'neutral', 'mixed'] as const;

/** Something that happened: its importance, emotional impact and outcome; people involved through event_people. */
export const eventEntity = defineEntity({
  table: 'events',
  noun: 'event',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'event_date',
  fields: {
    title: requiredText('Title', 200),
    description: v.optional(optionalText('Description', 20000)),
    type: v.optional(v.nullable(oneOf('Type', EVENT_TYPES))),
    eventDate: calendarDay('Date'),
    eventTime: v.optional(v.nullable(clockTime('Time'))),
    durationMinutes: v.optional(v.nullable(rating('Duration (minutes)', 0, 10080))),
    importance: v.optional(v.nullable(rating('Importance', 1, 5))),
    emotionalImpact: v.optional(v.nullable(rating('Emotional impact', -5, 5))),
    outcome: v.optional(v.nullable(oneOf('Outcome', EVENT_OUTCOMES))),
    journalEntryId: v.optional(optionalRef)
  },
  filters: {
    type: oneOf('Type', EVENT_TYPES),
    outcome: oneOf('Outcome', EVENT_OUTCOMES)
  },
  order: [
    ['event_date', 'desc'],
    ['event_time', 'desc']
  ],
  personLink: { table: 'event_people', column: 'event_id' }
});

/** Named so it does not shadow the DOM `Event`. */
export type LifeEvent = EntityRow<'events'>;
