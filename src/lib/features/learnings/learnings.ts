import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, entityId, oneOf, optionalRef, optionalText, requiredText } from '../../validation/fields';

export const LEARNING_TYPES = ['aha_moment', 'concept', 'insight'] as const;
export const LEARNING_SOURCES = ['meeting', 'self_study', 'project', 'course', 'reading', 'conversation', 'other'] as const;

/** An entry in the learning journal; one linked to a meeting has the source 'meeting' (checked by the database). */
export const learningEntity = defineEntity({
  table: 'learnings',
  noun: 'learning',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'learning_date',
  fields: {
    title: requiredText('Title', 200),
    content: v.optional(optionalText('Content', 20000)),
    type: oneOf('Type', LEARNING_TYPES),
    source: v.optional(v.nullable(oneOf('Source', LEARNING_SOURCES))),
    meetingId: v.optional(optionalRef),
    learningDate: calendarDay('Date')
  },
  filters: {
    type: oneOf('Type', LEARNING_TYPES),
    source: oneOf('Source', LEARNING_SOURCES),
    meetingId: entityId
  },
  order: [
    ['learning_date', 'desc'],
    ['created_at', 'desc']
  ],
  tagLink: { table: 'learning_tags', column: 'learning_id' }
});

export type Learning = EntityRow<'learnings'>;
