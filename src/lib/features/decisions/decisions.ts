import * as v from 'valibot';
import { defineEntity, LIST_BASE, type EntityRow } from '../../db/entities/entity';
import { calendarDay, clockTime, flag, oneOf, optionalRef, optionalText, rating, requiredText } from '../../validation/fields';

export const DECISION_CATEGORIES = ['career', 'work', 'health', 'finance', 'relationship', 'personal', 'other'] as const;

/**
 * A decision: the state and reasoning when it was made, what was expected, and later what happened.
 * The database keeps the date order (review, outcome, reversal not before the decision) and that
 * only a reversed decision has a reversal date or reason.
 */
export const decisionEntity = defineEntity({
  table: 'decisions',
  noun: 'decision',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'decision_date',
  fields: {
    title: requiredText('Title', 200),
    description: v.optional(optionalText('What was decided', 20000)),
    context: v.optional(optionalText('Context', 20000)),
    category: v.optional(v.nullable(oneOf('Category', DECISION_CATEGORIES))),
    decisionDate: calendarDay('Date'),
    decisionTime: v.optional(v.nullable(clockTime('Time'))),
    moodWhenDecided: v.optional(v.nullable(rating('Mood', 1, 10))),
    confidenceLevel: v.optional(v.nullable(rating('Confidence', 1, 10))),
    stressLevel: v.optional(v.nullable(rating('Stress', 1, 10))),
    importance: v.optional(v.nullable(rating('Importance', 1, 5))),
    timeToDecideHours: v.optional(v.nullable(rating('Time to decide (hours)', 0, 87600))),
    alternatives: v.optional(optionalText('Alternatives', 20000)),
    expectedOutcome: v.optional(optionalText('Expected outcome', 20000)),
    successCriteria: v.optional(optionalText('Success criteria', 20000)),
    reviewDate: v.optional(v.nullable(calendarDay('Review date'))),
    actualOutcome: v.optional(optionalText('Actual outcome', 20000)),
    outcomeDate: v.optional(v.nullable(calendarDay('Outcome date'))),
    satisfaction: v.optional(v.nullable(rating('Satisfaction', 1, 10))),
    wouldDecideSameAgain: v.optional(v.nullable(flag('Would decide the same again'))),
    reversed: v.optional(flag('Reversed')),
    reversalDate: v.optional(v.nullable(calendarDay('Reversal date'))),
    reversalReason: v.optional(optionalText('Reason for the reversal', 20000)),
    journalEntryId: v.optional(optionalRef)
  },
  filters: { category: oneOf('Category', DECISION_CATEGORIES) },
  order: [
    ['decision_date', 'desc'],
    ['decision_time', 'desc']
  ],
  tagLink: { table: 'decision_tags', column: 'decision_id' },
  personLink: { table: 'decision_people', column: 'decision_id' }
});

export type Decision = EntityRow<'decisions'>;

/** One page of the decisions due for review on a day (the person's today), 100 by default. */
export const DueForReviewInput = v.object({ on: calendarDay('Day'), limit: LIST_BASE.limit, offset: LIST_BASE.offset });

export type DueForReviewQuery = v.InferOutput<typeof DueForReviewInput>;

/** A decision as the review list shows it, without its prose (`decisions.get` has the rest). */
export type DecisionReviewItem = Pick<Decision, 'id' | 'title' | 'category' | 'importance' | 'decisionDate' | 'reviewDate'>;
