import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, clockTime, entityId, optionalRef, optionalText, rating, requiredText } from '../../validation/fields';

/** A meeting with its preparation and outcome; attendees are people. */
export const meetingEntity = defineEntity({
  table: 'meetings',
  noun: 'meeting',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'meeting_date',
  fields: {
    title: requiredText('Title', 200),
    meetingDate: calendarDay('Date'),
    meetingTime: v.optional(v.nullable(clockTime('Time'))),
    durationMinutes: v.optional(v.nullable(rating('Duration (minutes)', 0, 1440))),
    organizationId: v.optional(optionalRef),
    preparationNotes: v.optional(optionalText('Preparation notes', 20000)),
    outcomeNotes: v.optional(optionalText('Outcome notes', 20000)),
    questionsAsked: v.optional(optionalText('Questions asked', 20000))
  },
  filters: { organizationId: entityId },
  order: [
    ['meeting_date', 'desc'],
    ['meeting_time', 'desc']
  ],
  tagLink: { table: 'meeting_tags', column: 'meeting_id' },
  personLink: { table: 'meeting_attendees', column: 'meeting_id' }
});

export type Meeting = EntityRow<'meetings'>;
