import type { Kysely } from 'kysely';
import * as v from 'valibot';
import { createSchema } from '../../db/entities/entity';
import { EntityRepository } from '../../db/entities/entity-repository';
import type { Tables } from '../../db/schema/tables';
import type { Session } from '../../db/session';
import { toRpcError } from '../../db/sqlite-errors';
import { RpcFailure } from '../../rpc/result';
import { habitEntity, HabitLogUpsertInput } from '../habits/habits';
import { HabitsRepository } from '../habits/habits.repo';
import { journalEntryEntity } from '../journal/journal';
import { TaskCreateInput } from '../tasks/tasks';
import { TasksRepository } from '../tasks/tasks.repo';
import type { CsvKind } from './backup';
import {
  CSV_FIELDS,
  detectColumns,
  parseCsv,
  parseDay,
  parseNumber,
  parseTaskPriority,
  parseTaskStatus,
  parseTime,
  parseYesNo,
  type CsvColumn,
  type CsvRecord,
  type DateFormat,
  type Parsed
} from './csv-mapping';
import { withRollback } from './dry-run';
import { JobTracker, type BackupJob } from './job';

type Value = string | number | null;

/** Something wrong with one line of the file; `column` is the file's own header. */
export interface CsvProblem {
  readonly line: number;
  readonly column?: string;
  readonly message: string;
}

export interface CsvRowPreview {
  readonly line: number;
  readonly values: Readonly<Record<string, Value>>;
}

export interface CsvPreview {
  readonly kind: CsvKind;
  /** Each field Daybook takes and the file's column that feeds it (`header: null`: none). */
  readonly columns: readonly Omit<CsvColumn, 'index'>[];
  /** The file's columns Daybook leaves aside. */
  readonly ignoredHeaders: readonly string[];
  /** The rows that would be imported, as Daybook read them. */
  readonly rows: readonly CsvRowPreview[];
  /** Rows that cannot be imported and why; while there are any, an import is refused. */
  readonly problems: readonly CsvProblem[];
  /** Habit logs only: habits that do not exist yet and would be created, by name. */
  readonly habitsToCreate: readonly string[];
}

export interface CsvImportResult {
  readonly kind: CsvKind;
  readonly imported: number;
  readonly habitsCreated: readonly string[];
}

/** The live database as the features' repositories use it. */
export interface CsvTarget {
  readonly db: Kysely<Tables>;
  readonly session: Pick<Session, 'raw' | 'isAutocommit'>;
  readonly now: Date;
  readonly job?: BackupJob;
}

/** Reads the file, maps its columns and tries every row through the real commands, then undoes it all. */
export function previewCsvImport(target: CsvTarget, kind: CsvKind, csv: string): Promise<CsvPreview> {
  return withRollback(target.session, () => runCsv(target, kind, csv));
}

/**
 * Imports every row or none: must run inside a transaction (a `write` command's), which the caller
 * rolls back when this refuses.
 */
export async function importCsv(target: CsvTarget, kind: CsvKind, csv: string): Promise<CsvImportResult> {
  const preview = await runCsv(target, kind, csv);
  const [first, ...more] = preview.problems;
  if (first) {
    const count = preview.problems.length;
    const rest = more.length > 0 ? ` (and ${more.length} more)` : '';
    throw new RpcFailure(
      'validation',
      `${count} ${count === 1 ? 'row' : 'rows'} cannot be imported, so nothing was imported. ${describeProblem(first)}${rest}`,
      'csv'
    );
  }
  return { kind, imported: preview.rows.length, habitsCreated: preview.habitsToCreate };
}

function describeProblem(problem: CsvProblem): string {
  return `Line ${problem.line}${problem.column ? `, column "${problem.column}"` : ''}: ${problem.message}`;
}

const refuse = (message: string) => new RpcFailure('validation', message, 'csv');

/** One line of the file: what Daybook read from it, or what stopped it. */
interface ReadRow {
  readonly line: number;
  readonly values: Record<string, Value>;
  readonly problems: CsvProblem[];
}

async function runCsv(target: CsvTarget, kind: CsvKind, csv: string): Promise<CsvPreview> {
  const [header, ...body] = parseCsv(csv);
  if (!header) throw refuse('The file is empty.');
  const { columns, ignored } = detectColumns(kind, header.cells);
  for (const { field, header: found } of columns) {
    const spec = CSV_FIELDS[kind].find((candidate) => candidate.field === field);
    if (found !== null || !spec?.required) continue;
    const examples = spec.synonyms.slice(0, 4).map((synonym) => `“${synonym.charAt(0).toUpperCase()}${synonym.slice(1)}”`);
    throw refuse(`No column holds the ${spec.label.toLowerCase()}: name one ${examples.join(', ')}. The file's columns: ${header.cells.join(', ')}.`);
  }
  if (body.length === 0) throw refuse('The file has a header row but no rows to import.');
  const context = new RowContext(target, columns, readDateFormat(target));
  const rows = body.map((record) => context.read(kind, record));
  const habitsToCreate = kind === 'habit_logs' ? await context.resolveHabits(rows) : [];
  const tracker = new JobTracker(target.job, 'writing', rows.length);
  for (const row of rows) {
    if (row.problems.length === 0) await context.write(kind, row);
    await tracker.advance();
  }
  await tracker.checkpoint();
  return {
    kind,
    columns: columns.map(({ field, label, header: found }) => ({ field, label, header: found })),
    ignoredHeaders: ignored,
    rows: rows.filter((row) => row.problems.length === 0).map(({ line, values }) => ({ line, values })),
    problems: rows.flatMap((row) => row.problems),
    habitsToCreate
  };
}

function readDateFormat(target: CsvTarget): DateFormat {
  const format = target.session.raw.selectValue('SELECT date_format FROM profile');
  return format === 'DD/MM/YYYY' || format === 'MM/DD/YYYY' || format === 'DD.MM.YYYY' ? format : 'YYYY-MM-DD';
}

/** Reads rows of one file and writes them through the features' own validation and repositories. */
class RowContext {
  readonly #habitIds = new Map<string, string>();
  readonly #tasks: TasksRepository;
  readonly #habits: HabitsRepository;

  constructor(
    private readonly target: CsvTarget,
    private readonly columns: readonly CsvColumn[],
    private readonly dateFormat: DateFormat
  ) {
    this.#tasks = new TasksRepository(target.db);
    this.#habits = new HabitsRepository(target.db);
  }

  read(kind: CsvKind, record: CsvRecord): ReadRow {
    const row: ReadRow = { line: record.line, values: {}, problems: [] };
    const take = <T extends Value>(field: string, parse: (text: string) => Parsed<T>) => {
      const column = this.columns.find((candidate) => candidate.field === field);
      if (column?.index === null || column?.index === undefined) return;
      const parsed = parse(record.cells[column.index] ?? '');
      if (parsed.ok) row.values[field] = parsed.value;
      else row.problems.push(this.#problem(record.line, field, parsed.message));
    };
    const text = (value: string): Parsed<string> => ({ ok: true, value: value.trim() });
    const date = (value: string) => parseDay(value, this.dateFormat);
    if (kind === 'tasks') {
      take('title', text);
      take('description', (value) => ({ ok: true, value }));
      take('dueDate', date);
      take('focusDate', date);
      take('status', parseTaskStatus);
      take('priority', parseTaskPriority);
    } else if (kind === 'habit_logs') {
      take('habit', text);
      take('logDate', date);
      take('completed', parseYesNo);
      take('notes', (value) => ({ ok: true, value }));
      // A file that only lists the days a habit was done has no yes/no column.
      row.values.completed ??= 1;
    } else {
      take('entryDate', date);
      take('entryTime', parseTime);
      take('title', text);
      take('content', (value) => ({ ok: true, value }));
      take('mood', parseNumber);
    }
    for (const { field, label, required } of CSV_FIELDS[kind]) {
      const value = row.values[field];
      if (required && (value === null || value === '')) row.problems.push(this.#problem(record.line, field, `The ${label.toLowerCase()} is empty.`));
    }
    return row;
  }

  /**
   * Finds each named habit (case-insensitively, among live habits) and creates the missing ones,
   * starting on their earliest logged day. Marks a second log of the same habit and day.
   */
  async resolveHabits(rows: readonly ReadRow[]): Promise<string[]> {
    const seen = new Map<string, number>();
    const firstDays = new Map<string, { name: string; day: string; lines: ReadRow[] }>();
    for (const row of rows) {
      const { habit, logDate } = row.values;
      if (typeof habit !== 'string' || typeof logDate !== 'string') continue;
      const key = habit.toLowerCase();
      const earlier = seen.get(`${key}\u0000${logDate}`);
      if (earlier !== undefined) {
        row.problems.push(this.#problem(row.line, 'logDate', `Line ${earlier} already logs “${habit}” on ${logDate}.`));
        continue;
      }
      seen.set(`${key}\u0000${logDate}`, row.line);
      const entry = firstDays.get(key);
      if (!entry) firstDays.set(key, { name: habit, day: logDate, lines: [row] });
      else {
        entry.lines.push(row);
        if (logDate < entry.day) entry.day = logDate;
      }
    }
    const created: string[] = [];
    for (const [key, { name, day, lines }] of firstDays) {
      const existing = this.target.session.raw.selectValue(
        'SELECT id FROM habits WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE ORDER BY created_at, id LIMIT 1',
        [name]
      );
      const habit = typeof existing === 'string' ? { id: existing } : await this.#createHabit(name, day);
      if ('id' in habit) {
        this.#habitIds.set(key, habit.id);
        if (typeof existing !== 'string') created.push(name);
        continue;
      }
      const [first, ...others] = lines;
      if (first) first.problems.push(this.#problem(first.line, 'habit', `The habit “${name}” cannot be created: ${habit.message}`));
      for (const row of others) row.problems.push(this.#problem(row.line, 'habit', `The habit “${name}” cannot be created (see line ${first?.line ?? row.line}).`));
    }
    return created;
  }

  /** A new daily habit, through the habit's own schema and repository. */
  async #createHabit(name: string, startDate: string): Promise<{ id: string } | { message: string }> {
    const input = v.safeParse(createSchema(habitEntity.fields), { name, startDate });
    if (!input.success) return { message: input.issues[0].message };
    const result = await this.#inSavepoint(() => new EntityRepository(this.target.db, habitEntity).create(input.output));
    return result.ok ? { id: result.value.id } : { message: toRpcError(result.error).message };
  }

  async write(kind: CsvKind, row: ReadRow): Promise<void> {
    const attempt = await this.#inSavepoint(() => this.#writeOne(kind, row));
    if (attempt.ok) {
      row.problems.push(...attempt.value);
      return;
    }
    const error = toRpcError(attempt.error);
    row.problems.push(this.#problem(row.line, error.field, error.message));
  }

  /** Writes one row; what the feature's schema refuses comes back as problems (a database refusal throws). */
  async #writeOne(kind: CsvKind, row: ReadRow): Promise<CsvProblem[]> {
    const values = row.values;
    if (kind === 'tasks') {
      const input = v.safeParse(TaskCreateInput, {
        title: values.title ?? '',
        description: values.description ?? '',
        priority: values.priority ?? 'medium',
        dueDate: values.dueDate ?? null,
        focusDate: values.focusDate ?? null
      });
      if (!input.success) return this.#issues(row.line, input.issues);
      const task = await this.#tasks.create(input.output);
      const status = values.status;
      if (status === 'in_progress' || status === 'done' || status === 'cancelled') await this.#tasks.setStatus(task.id, status, this.target.now);
      return [];
    }
    if (kind === 'habit_logs') {
      const habitId = this.#habitIds.get(String(values.habit).toLowerCase());
      if (habitId === undefined) return [this.#problem(row.line, 'habit', `The habit “${String(values.habit)}” could not be found or created.`)];
      const input = v.safeParse(HabitLogUpsertInput, {
        habitId,
        logDate: values.logDate ?? '',
        completed: values.completed,
        ...(values.notes !== undefined && { notes: values.notes })
      });
      if (!input.success) return this.#issues(row.line, input.issues);
      await this.#habits.upsertLog(input.output);
      return [];
    }
    const input = v.safeParse(createSchema(journalEntryEntity.fields), {
      entryDate: values.entryDate ?? '',
      ...Object.fromEntries(['entryTime', 'title', 'content', 'mood'].filter((field) => values[field] !== undefined).map((field) => [field, values[field]]))
    });
    if (!input.success) return this.#issues(row.line, input.issues);
    await new EntityRepository(this.target.db, journalEntryEntity).create(input.output);
    return [];
  }

  /** Runs one row's writes so that a refusal undoes that row only (the whole import still fails). */
  async #inSavepoint<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
    const raw = this.target.session.raw;
    raw.exec('SAVEPOINT csv_row');
    try {
      const value = await work();
      raw.exec('RELEASE csv_row');
      return { ok: true, value };
    } catch (error) {
      if (this.target.session.isAutocommit()) throw error;
      raw.exec('ROLLBACK TO csv_row; RELEASE csv_row');
      return { ok: false, error };
    }
  }

  #issues(line: number, issues: readonly v.BaseIssue<unknown>[]): CsvProblem[] {
    return issues.map((issue) => {
      const key = issue.path?.[0]?.key;
      return this.#problem(line, typeof key === 'string' ? key : undefined, issue.message);
    });
  }

  #problem(line: number, field: string | undefined, message: string): CsvProblem {
    const header = this.columns.find((column) => column.field === field)?.header;
    return header ? { line, column: header, message } : { line, message };
  }
}
