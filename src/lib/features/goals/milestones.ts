import * as v from 'valibot';
import { defineEntity, type EntityRow } from '../../db/entities/entity';
import { calendarDay, entityId, flag, optionalText, rating, requiredText } from '../../validation/fields';

/** A dated, ordered step towards a goal. No trash: milestones are deleted for real, and go with their goal. */
export const milestoneEntity = defineEntity({
  table: 'goal_milestones',
  noun: 'milestone',
  trash: false,
  titleColumn: 'title',
  dateColumn: 'target_date',
  fields: {
    goalId: entityId,
    title: requiredText('Title', 200),
    description: v.optional(optionalText('Description', 20000)),
    /** Order within the goal, ascending. */
    position: v.optional(rating('Position', 0, 1_000_000)),
    targetDate: v.optional(v.nullable(calendarDay('Target date'))),
    completed: v.optional(flag('Completed')),
    /** Only a completed milestone has one. */
    completedDate: v.optional(v.nullable(calendarDay('Completion date')))
  },
  filters: { goalId: entityId, completed: flag('Completed') },
  order: [
    ['position', 'asc'],
    ['created_at', 'asc']
  ]
});

export type Milestone = EntityRow<'goal_milestones'>;
