import * as v from 'valibot';
import { entityId } from '../../validation/fields';

/** Every kind with a trash: its table and the SQL expression that names a row for a person. */
export const TRASHABLE = {
  task: { table: 'tasks', label: 'title' },
  organization: { table: 'organizations', label: 'name' },
  person: { table: 'people', label: 'name' },
  project: { table: 'projects', label: 'name' },
  skill: { table: 'skills', label: 'name' },
  goal: { table: 'goals', label: 'title' },
  practice_session: { table: 'practice_sessions', label: 'title' },
  meeting: { table: 'meetings', label: 'title' },
  learning: { table: 'learnings', label: 'title' },
  feedback: { table: 'feedback', label: 'substr(content, 1, 80)' },
  action_item: { table: 'action_items', label: 'description' },
  energy_checkin: { table: 'energy_checkins', label: "'Energy check-in, ' || checkin_date" },
  mood_log: { table: 'mood_logs', label: "'Mood log, ' || log_date" },
  journal_entry: { table: 'journal_entries', label: "coalesce(nullif(title, ''), 'Journal entry, ' || entry_date)" },
  event: { table: 'events', label: 'title' },
  decision: { table: 'decisions', label: 'title' },
  habit: { table: 'habits', label: 'name' }
} as const;

export type TrashKind = keyof typeof TRASHABLE;

export interface TrashItem {
  readonly kind: TrashKind;
  readonly id: string;
  readonly label: string;
  readonly deletedAt: string;
}

const kinds = Object.keys(TRASHABLE) as [TrashKind, ...TrashKind[]];
export const TrashItemInput = v.object({ kind: v.picklist(kinds, 'Unknown kind of item.'), id: entityId });
export const TrashPageInput = v.object({
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(500))),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)))
});
