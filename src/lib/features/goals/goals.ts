import * as v from 'valibot';
import { defineEntity, LIST_BASE, type EntityRow } from '../../db/entities/entity';
import { calendarDay, entityId, oneOf, optionalRef, optionalText, rating, requiredText } from '../../validation/fields';

/** Top to bottom; a goal's parent is exactly one level above it (kept by the goals_tree_* triggers). */
export const GOAL_LEVELS = ['ultimate', 'long_term', 'mid_term', 'short_term', 'immediate', 'micro', 'nano'] as const;
export const GOAL_CATEGORIES = ['career', 'technical', 'soft_skill', 'hiring_readiness', 'learning', 'health', 'personal', 'other'] as const;
export const GOAL_STATUSES = ['active', 'on_hold', 'completed', 'abandoned'] as const;

export type GoalLevel = (typeof GOAL_LEVELS)[number];
export type GoalCategory = (typeof GOAL_CATEGORIES)[number];
export type GoalStatus = (typeof GOAL_STATUSES)[number];

const level = oneOf('Level', GOAL_LEVELS);
const category = oneOf('Category', GOAL_CATEGORIES);
const status = oneOf('Status', GOAL_STATUSES);

/** A goal in the one goal tree: ultimate > long-term > mid-term > short-term > immediate > micro > nano. */
export const goalEntity = defineEntity({
  table: 'goals',
  noun: 'goal',
  trash: true,
  titleColumn: 'title',
  dateColumn: 'target_date',
  fields: {
    level,
    /** The goal one level up, when created; afterwards only `goals.move` changes it (see `updateRefuses`). */
    parentId: v.optional(optionalRef),
    /** Immediate goals only. */
    practiceSessionId: v.optional(optionalRef),
    title: requiredText('Title', 200),
    description: v.optional(optionalText('Description', 20000)),
    category: v.optional(v.nullable(category)),
    status: v.optional(status),
    startDate: v.optional(v.nullable(calendarDay('Start date'))),
    targetDate: v.optional(v.nullable(calendarDay('Target date'))),
    /** Set exactly when the status is completed. */
    completedDate: v.optional(v.nullable(calendarDay('Completion date'))),
    progress: v.optional(rating('Progress', 0, 100)),
    priority: v.optional(rating('Priority', 1, 5)),
    whyItMatters: v.optional(optionalText('Why it matters', 20000)),
    lessonsLearned: v.optional(optionalText('Lessons learned', 20000)),
    satisfaction: v.optional(v.nullable(rating('Satisfaction', 1, 10)))
  },
  updateRefuses: {
    parentId: "A goal's parent goal is changed by moving the goal (goals.move), not by editing it."
  },
  filters: {
    level,
    status,
    category,
    /** `null` lists the goals not placed under another goal. */
    parentId: optionalRef,
    practiceSessionId: entityId
  },
  order: [
    ['priority', 'desc'],
    ['target_date', 'asc', 'nulls_last'],
    ['title', 'asc']
  ]
});

export type Goal = EntityRow<'goals'>;

/**
 * One row of the goal tree as `goals.tree` lists it: what a tree row draws, without the prose
 * (`goals.get` has the rest). `parentId` is the stored parent, which may be in the trash for a goal
 * drawn at the top.
 */
export type GoalTreeItem = Pick<Goal, 'id' | 'parentId' | 'level' | 'title' | 'status' | 'progress' | 'priority' | 'targetDate'> & {
  /** Live sub-goals: more than 0 means the row can be expanded (`goals.tree` with its id). */
  readonly childCount: number;
};

/**
 * One page of one level of the tree. Without `parentId` (or with null): the top of the tree, the
 * live goals with no parent or with a parent in the trash. With an id: that live goal's live
 * sub-goals. Siblings come in `goals.list` order (top-level goals by level first).
 */
export const GoalTreeInput = v.object({
  parentId: v.optional(optionalRef, null),
  limit: LIST_BASE.limit,
  offset: LIST_BASE.offset
});

export type GoalTreeQuery = v.InferOutput<typeof GoalTreeInput>;

export const GoalMoveInput = v.object({
  id: entityId,
  /** The new parent, or null to take the goal out of the tree (a root). */
  parentId: optionalRef
});
