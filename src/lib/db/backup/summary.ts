import type { Database } from '../sqlite';

/** What a database holds, in words a person recognises: for the preview before a restore. */
export interface DataSummary {
  readonly counts: readonly { readonly kind: string; readonly count: number }[];
  readonly total: number;
  /** Earliest and latest moment anything was created (ISO-8601), or null for an empty database. */
  readonly from: string | null;
  readonly to: string | null;
}

/** The kinds shown in a preview, with the table behind each. */
const KINDS: readonly (readonly [kind: string, table: string])[] = [
  ['Tasks', 'tasks'],
  ['Goals', 'goals'],
  ['Journal entries', 'journal_entries'],
  ['Learnings', 'learnings'],
  ['Meetings', 'meetings'],
  ['People', 'people'],
  ['Projects', 'projects'],
  ['Skills', 'skills'],
  ['Habits', 'habits'],
  ['Habit logs', 'habit_logs'],
  ['Mood logs', 'mood_logs'],
  ['Energy check-ins', 'energy_checkins'],
  ['Decisions', 'decisions'],
  ['Feedback', 'feedback'],
  ['Events', 'events']
];

export function summarize(db: Database): DataSummary {
  const present = new Set(db.selectValues("SELECT name FROM sqlite_schema WHERE type = 'table'").map(String));
  const counts = KINDS.filter(([, table]) => present.has(table)).map(([kind, table]) => ({
    kind,
    count: Number(db.selectValue(`SELECT count(*) FROM "${table}"`))
  }));
  const ranges = KINDS.filter(([, table]) => present.has(table)).map(
    ([, table]) => `SELECT min(created_at) AS first, max(created_at) AS last FROM "${table}"`
  );
  const range =
    ranges.length > 0 ? db.selectObject(`SELECT min(first) AS first, max(last) AS last FROM (${ranges.join(' UNION ALL ')})`) : undefined;
  return {
    counts,
    total: counts.reduce((sum, { count }) => sum + count, 0),
    from: typeof range?.first === 'string' ? range.first : null,
    to: typeof range?.last === 'string' ? range.last : null
  };
}
