import * as v from 'valibot';

/** What every Daybook JSON backup says it is. */
export const BACKUP_FORMAT = 'daybook';
/** The shape of the document itself; a change that old readers would misread gets a new number. */
export const BACKUP_FORMAT_VERSION = 1;
/**
 * The oldest schema version whose backups this app imports as they are. Migration 0003 only added
 * `_request_log`, which backups leave out, so a backup from schema 2 has today's tables.
 * `backup-schema.spec.ts` fails when a migration changes the tables without a decision here.
 */
export const OLDEST_IMPORTABLE_SCHEMA_VERSION = 2;

/** A value in a backup row: what SQLite's STRICT text, integer and real columns hold. */
export type BackupValue = string | number | null;
export type BackupRow = Readonly<Record<string, BackupValue>>;

/** The JSON backup: every user table's rows, keyed by table, with column names as in SQL. */
export interface BackupDocument {
  readonly format: typeof BACKUP_FORMAT;
  readonly formatVersion: number;
  /** How many migrations the database had (`_migrations`); tells which tables and columns to expect. */
  readonly schemaVersion: number;
  readonly exportedAt: string;
  readonly tables: Readonly<Record<string, readonly BackupRow[]>>;
}

/** What a long export or import is doing, as its progress messages name it, in words for the status line. */
export const PHASE_LABELS: Readonly<Record<string, string>> = {
  reading: 'reading the data',
  snapshot: 'keeping a copy to undo with',
  checking: 'checking the backup',
  deleting: 'clearing the current data',
  writing: 'writing the rows',
  trying: 'trying every row, changing nothing',
  indexing: 'building the indexes and the search index',
  committing: 'saving'
};

/** A file for the page to offer as a download: a Blob (with its type), which crosses to the page as a handle. */
export interface ExportFile {
  readonly fileName: string;
  readonly data: Blob;
}

/**
 * The kinds of things a person recognises, by table, for previews ("120 tasks"). Tables not listed
 * (the profile, histories and links) are details of these; `backup-schema.spec.ts` makes sure
 * every table is one or the other.
 */
export const KINDS: Readonly<Record<string, string>> = {
  tasks: 'Tasks',
  time_entries: 'Time entries',
  goals: 'Goals',
  goal_milestones: 'Milestones',
  practice_sessions: 'Practice sessions',
  skills: 'Skills',
  team_skills: 'Team skills',
  organizations: 'Organizations',
  people: 'People',
  projects: 'Projects',
  meetings: 'Meetings',
  learnings: 'Learnings',
  feedback: 'Feedback',
  action_items: 'Action items',
  energy_checkins: 'Energy check-ins',
  mood_logs: 'Mood logs',
  journal_entries: 'Journal entries',
  events: 'Events',
  decisions: 'Decisions',
  habits: 'Habits',
  habit_logs: 'Habit logs',
  tags: 'Tags',
  insights: 'Insights'
};

/** Tables that are parts of the kinds above rather than kinds of their own. */
export const DETAIL_TABLES: ReadonlySet<string> = new Set([
  'profile',
  'task_status_history',
  'skill_progress',
  'skill_projects',
  'practice_session_goals',
  'meeting_attendees',
  'event_people',
  'decision_people',
  'task_tags',
  'learning_tags',
  'journal_entry_tags',
  'feedback_tags',
  'meeting_tags',
  'project_tags',
  'decision_tags'
]);

/** How many of one kind, and how many of those are in the trash. */
export interface KindCount {
  readonly table: string;
  readonly label: string;
  readonly count: number;
  readonly inTrash: number;
}

/** Counts per kind, in the order of `KINDS`, leaving out kinds with no rows. */
export function countKinds(tables: Readonly<Record<string, readonly BackupRow[]>>): KindCount[] {
  return Object.entries(KINDS).flatMap(([table, label]) => {
    const rows = tables[table] ?? [];
    if (rows.length === 0) return [];
    const inTrash = rows.filter((row) => typeof row.deleted_at === 'string').length;
    return [{ table, label, count: rows.length, inTrash }];
  });
}

/** `daybook-2026-11-23` + `suffix` (`.json`), named after the person's local day. */
export function backupFileName(now: Date, suffix: string): string {
  const day = [now.getFullYear(), now.getMonth() + 1, now.getDate()].map((part) => String(part).padStart(2, '0')).join('-');
  return `daybook-${day}${suffix}`;
}

/**
 * A backup or a CSV file as text. Ten years of heavy use export as ~150 MB of JSON; 500 MB leaves
 * room and stays under the longest string a browser holds (~512 MB in Chromium).
 */
const fileText = (label: string) =>
  v.pipe(v.string(`${label} must be text.`), v.maxLength(500 * 1024 * 1024, `${label} is too large (over 500 MB).`));

const MAX_FILE_BYTES = 500 * 1024 * 1024;

/**
 * A backup as the person picked it: the file itself, which the worker reads (the page then never
 * holds the text nor copies it into the message, 147 MiB at ten years), or its text.
 */
const backupContent = v.union(
  [fileText('The backup'), v.pipe(v.blob('The backup must be a file or text.'), v.maxSize(MAX_FILE_BYTES, 'The backup is too large (over 500 MB).'))],
  'The backup must be a file or text.'
);

export const JsonImportInput = v.object({ document: backupContent });

export const CSV_KINDS = ['tasks', 'habit_logs', 'journal_entries'] as const;
export type CsvKind = (typeof CSV_KINDS)[number];

export const CsvImportInput = v.object({
  kind: v.picklist(CSV_KINDS, 'A CSV file can be imported as tasks, habit logs or journal entries.'),
  csv: fileText('The CSV file')
});
