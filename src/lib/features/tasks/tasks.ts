import * as v from 'valibot';
import type { EntityRow } from '../../db/entities/entity';
import { calendarDay, entityId, optionalRef, optionalText, requiredText, wholeNumberOrNull } from '../../validation/fields';

export const TASK_PRIORITIES = ['high', 'medium', 'low'] as const;
export const TASK_STATUSES = ['todo', 'in_progress', 'done', 'cancelled'] as const;

export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** A task as the UI sees it: the row with camelCase names. */
export type Task = EntityRow<'tasks'>;

const priority = v.picklist(TASK_PRIORITIES, 'Priority is high, medium or low.');
const status = v.picklist(TASK_STATUSES, 'Status is to do, in progress, done or cancelled.');
const estimate = wholeNumberOrNull('Estimate is a whole number of minutes from 0 to 10080 (a week).', 0, 10080);

export const TaskCreateInput = v.object({
  title: requiredText('Title', 200),
  description: v.optional(optionalText('Description', 20000), ''),
  priority: v.optional(priority, 'medium'),
  estimatedMinutes: v.optional(estimate, null),
  focusDate: v.nullable(calendarDay('Focus day')),
  dueDate: v.optional(v.nullable(calendarDay('Due date')), null),
  parentId: v.optional(optionalRef, null),
  goalId: v.optional(optionalRef, null),
  projectId: v.optional(optionalRef, null),
  organizationId: v.optional(optionalRef, null),
  assigneeId: v.optional(optionalRef, null)
});

export const TaskUpdateInput = v.object({
  id: entityId,
  title: v.optional(requiredText('Title', 200)),
  description: v.optional(optionalText('Description', 20000)),
  priority: v.optional(priority),
  estimatedMinutes: v.optional(estimate),
  focusDate: v.optional(v.nullable(calendarDay('Focus day'))),
  dueDate: v.optional(v.nullable(calendarDay('Due date'))),
  goalId: v.optional(optionalRef),
  projectId: v.optional(optionalRef),
  organizationId: v.optional(optionalRef),
  assigneeId: v.optional(optionalRef)
});

export const TaskStatusInput = v.object({ id: entityId, status });
export const TaskIdInput = v.object({ id: entityId });
export const TaskDayInput = v.object({ date: calendarDay('Day') });

/** Filters for `tasks.list`, beyond the list basics (date range on the focus day, tag, paging). */
export const TASK_FILTERS = {
  status: status,
  priority: priority,
  projectId: entityId,
  goalId: entityId,
  organizationId: entityId,
  assigneeId: entityId,
  parentId: entityId,
  dueDate: calendarDay('Due date')
};

export type TaskCreate = v.InferOutput<typeof TaskCreateInput>;
export type TaskUpdate = v.InferOutput<typeof TaskUpdateInput>;

/**
 * The task a create will make, shown until the worker answers with the stored row. Its id is
 * provisional; the database's defaults (status todo, timestamps) are the ones migration 0001 sets.
 */
export function pendingTask(input: TaskCreate, provisionalId: string, now: Date): Task {
  const stamp = now.toISOString();
  return {
    id: provisionalId,
    title: input.title,
    description: input.description,
    priority: input.priority,
    status: 'todo',
    focusDate: input.focusDate,
    dueDate: input.dueDate,
    estimatedMinutes: input.estimatedMinutes,
    completedAt: null,
    parentId: input.parentId,
    goalId: input.goalId,
    projectId: input.projectId,
    organizationId: input.organizationId,
    assigneeId: input.assigneeId,
    createdAt: stamp,
    updatedAt: stamp,
    deletedAt: null
  };
}

/**
 * The list once a provisional task is stored. A reload in between may already show the stored task
 * (in its sorted place: keep that, drop the provisional) or no longer the provisional one.
 */
export function settle(tasks: readonly Task[], provisionalId: string, stored: Task): readonly Task[] {
  if (tasks.some((task) => task.id === stored.id)) {
    return tasks.filter((task) => task.id !== provisionalId).map((task) => (task.id === stored.id ? stored : task));
  }
  if (tasks.some((task) => task.id === provisionalId)) return tasks.map((task) => (task.id === provisionalId ? stored : task));
  return [...tasks, stored];
}

/**
 * `next` with each task that has not changed since `previous` (same id, same values) replaced by the
 * object already shown, and `previous` itself when nothing changed at all. Today reloads after every
 * write, and a fresh copy of every row made Svelte redraw all of them: 10-12 ms of the page's time
 * per quick-add at 67 rows. Now only the rows that changed are drawn again.
 */
export function keepUnchanged<T extends { readonly id: string }>(previous: readonly T[], next: readonly T[]): readonly T[] {
  const shown = new Map(previous.map((item) => [item.id, item]));
  let same = previous.length === next.length;
  const merged = next.map((item, index) => {
    const old = shown.get(item.id);
    const kept = old !== undefined && sameValues(old, item) ? old : item;
    if (kept !== previous[index]) same = false;
    return kept;
  });
  return same ? previous : merged;
}

function sameValues(a: object, b: object): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

export function isFinished(task: Pick<Task, 'status'>): boolean {
  return task.status === 'done' || task.status === 'cancelled';
}

/** "1 h 30 min", "45 min". */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
