import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, entityId, oneOf, optionalRef, requiredText } from '../../validation/fields';

export const FEEDBACK_CATEGORIES = ['technical', 'behavioral', 'general'] as const;
export const FEEDBACK_SENTIMENTS = ['positive', 'constructive', 'neutral'] as const;

/** Feedback received, optionally from a known person. */
export const feedbackEntity = defineEntity({
  table: 'feedback',
  noun: 'piece of feedback',
  trash: true,
  titleColumn: 'content',
  dateColumn: 'feedback_date',
  fields: {
    fromPersonId: v.optional(optionalRef),
    feedbackDate: calendarDay('Date'),
    content: requiredText('Feedback', 20000),
    category: v.optional(v.nullable(oneOf('Category', FEEDBACK_CATEGORIES))),
    sentiment: v.optional(v.nullable(oneOf('Sentiment', FEEDBACK_SENTIMENTS)))
  },
  filters: {
    fromPersonId: entityId,
    category: oneOf('Category', FEEDBACK_CATEGORIES),
    sentiment: oneOf('Sentiment', FEEDBACK_SENTIMENTS)
  },
  order: [
    ['feedback_date', 'desc'],
    ['created_at', 'desc']
  ],
  tagLink: { table: 'feedback_tags', column: 'feedback_id' }
});

export type Feedback = EntityRow<'feedback'>;
