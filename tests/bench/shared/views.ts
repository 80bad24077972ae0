import type { CommandInput, CommandName } from '../../../src/lib/rpc/contract';
import { SEARCH_QUERIES } from './text';

/** Ids and days the views are asked about, picked from the generated database. */
export interface ViewContext {
  readonly today: string;
  /** The project with the most tasks. */
  readonly projectId: string;
  /** The habit with the most logs. */
  readonly habitId: string;
  /** The live goal with the most live sub-goals. */
  readonly goalId: string;
  /** First and last day of the last full month before today. */
  readonly monthFrom: string;
  readonly monthTo: string;
  /** 365 days before today: with today, the longest range of habit logs one call answers. */
  readonly yearAgo: string;
  /** A live task on today's list, for point reads. */
  readonly taskId: string;
}

/** One list query a screen makes, as the UI calls it. */
export interface ViewSpec {
  readonly label: string;
  readonly command: CommandName;
  readonly input: (context: ViewContext) => unknown;
  /** Shown today, or only offered by the data model so far. */
  readonly screen: 'exists' | 'data model';
}

function view<K extends CommandName>(label: string, command: K, input: (context: ViewContext) => CommandInput<K>, screen: ViewSpec['screen'] = 'data model'): ViewSpec {
  return { label, command, input, screen };
}

/**
 * Every list view measured at 10 years. When a screen lands, add its query here (one entry) and the
 * benchmark measures it (p95 through the message layer, in-worker time and query plan).
 */
export const VIEWS: readonly ViewSpec[] = [
  view("Today: today's tasks", 'tasks.listForDay', (c) => ({ date: c.today }), 'exists'),
  view('Today: unfinished from earlier days', 'tasks.listUnfinishedBefore', (c) => ({ date: c.today }), 'exists'),
  view('Tasks by project (page of 50)', 'tasks.list', (c) => ({ projectId: c.projectId, limit: 50 })),
  view('Tasks, newest focus day first (page of 100)', 'tasks.list', () => ({})),
  view('Goal tree (top level, page of 100)', 'goals.tree', () => ({ limit: 100 })),
  view('Goal tree (children of the goal with the most children)', 'goals.tree', (c) => ({ parentId: c.goalId })),
  view('Journal by month', 'journal.list', (c) => ({ from: c.monthFrom, to: c.monthTo })),
  view('Meetings (first page of 50)', 'meetings.list', () => ({ limit: 50 })),
  view('Meetings (page of 50 at offset 3,000)', 'meetings.list', () => ({ limit: 50, offset: 3000 })),
  view('Habit logs by habit (default window)', 'habitLogs.list', (c) => ({ habitId: c.habitId, to: c.today })),
  view('Habit logs by habit (a year, the most one call answers)', 'habitLogs.list', (c) => ({ habitId: c.habitId, from: c.yearAgo, to: c.today })),
  view('Habit streaks and success rate', 'habits.stats', (c) => ({ id: c.habitId, today: c.today })),
  view('People (first page of 100)', 'people.list', () => ({ limit: 100 })),
  view('Learnings (first page of 50)', 'learnings.list', () => ({ limit: 50 })),
  view('Decisions due for review (first page)', 'decisions.dueForReview', (c) => ({ on: c.today })),
  view('Goals (first page of 100)', 'goals.list', () => ({})),
  view('Trash, every kind, newest first (first page of 100)', 'trash.list', () => ({}), 'exists'),
  view('Data page: size and free space (as it opens)', 'maintenance.stats', () => undefined, 'exists'),
  view('Data page: rows in each table (once its list is opened)', 'maintenance.tableRows', () => undefined, 'exists')
];

/** The point read used for the message-layer round trip. */
export const POINT_READ = view('Point read: one task by id', 'tasks.get', (c) => ({ id: c.taskId }));

/** Each query newest first (the default, search as you type), then by best match (BM25 over every hit). */
export const SEARCHES: readonly ViewSpec[] = [
  ...SEARCH_QUERIES.map(({ label, query }) => view(`Search: ${label} ("${query}")`, 'search.query', () => ({ query }))),
  ...SEARCH_QUERIES.map(({ label, query }) => view(`Search, best match: ${label} ("${query}")`, 'search.query', () => ({ query, order: 'relevance' })))
];

/** A view with its input filled in, ready to send. */
export interface ResolvedView {
  readonly label: string;
  readonly command: CommandName;
  readonly input: unknown;
  readonly screen: ViewSpec['screen'];
}

export function resolveView(spec: ViewSpec, context: ViewContext): ResolvedView {
  return { label: spec.label, command: spec.command, input: spec.input(context), screen: spec.screen };
}
