import * as v from 'valibot';
import { createSchema, defineEntity, updateSchema, type EntityRow } from '../../db/entities/entity';
import { calendarDay, entityId, oneOf, optionalRef, requiredText } from '../../validation/fields';

export const ACTION_ITEM_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export const ACTION_ITEM_PRIORITIES = ['high', 'medium', 'low'] as const;

/** The rule behind the database's `feedback_id` CHECK, worded for the person. */
export const ONE_SOURCE_RULE =
  'One source only: an action item comes from a meeting or from feedback, not both. Clear one of them.';

/**
 * A follow-up from a meeting, from feedback, or standalone. `completedAt` is not a field: it is
 * stamped when the status becomes done and cleared when it leaves done (see action-items.repo.ts).
 */
export const actionItemEntity = defineEntity({
  table: 'action_items',
  noun: 'action item',
  trash: true,
  titleColumn: 'description',
  dateColumn: 'due_date',
  fields: {
    description: requiredText('Description', 2000),
    status: v.optional(oneOf('Status', ACTION_ITEM_STATUSES)),
    priority: v.optional(oneOf('Priority', ACTION_ITEM_PRIORITIES)),
    dueDate: v.optional(v.nullable(calendarDay('Due date'))),
    meetingId: v.optional(optionalRef),
    feedbackId: v.optional(optionalRef)
  },
  filters: {
    status: oneOf('Status', ACTION_ITEM_STATUSES),
    priority: oneOf('Priority', ACTION_ITEM_PRIORITIES),
    meetingId: entityId,
    feedbackId: entityId
  },
  order: [
    ['due_date', 'asc', 'nulls_last'],
    ['created_at', 'asc']
  ]
});

export const ActionItemCreateInput = createSchema(actionItemEntity.fields);
export const ActionItemUpdateInput = updateSchema(actionItemEntity.fields);

export type ActionItem = EntityRow<'action_items'>;
export type ActionItemCreate = v.InferOutput<typeof ActionItemCreateInput>;
export type ActionItemUpdate = v.InferOutput<typeof ActionItemUpdateInput>;
