import Papa from 'papaparse';
import { RpcFailure } from '../../rpc/result';
import type { TaskPriority, TaskStatus } from '../tasks/tasks';
import type { CsvKind } from './backup';

/** One thing Daybook can take from a CSV column, and the headers other apps give it. */
export interface CsvField {
  readonly field: string;
  readonly label: string;
  /** Headers in order of preference, as `normalizeHeader` leaves them. */
  readonly synonyms: readonly string[];
  /** Without a column for it the file is refused. */
  readonly required?: boolean;
}

export const CSV_FIELDS: Readonly<Record<CsvKind, readonly CsvField[]>> = {
  tasks: [
    { field: 'title', label: 'Title', synonyms: ['title', 'name', 'task', 'task name', 'summary', 'subject'], required: true },
    { field: 'description', label: 'Notes', synonyms: ['notes', 'note', 'description', 'body', 'content', 'details'] },
    { field: 'dueDate', label: 'Due date', synonyms: ['due', 'due date', 'deadline', 'due on', 'due by'] },
    { field: 'focusDate', label: 'Focus day', synonyms: ['focus date', 'focus day', 'do date', 'scheduled', 'scheduled date', 'planned date'] },
    { field: 'status', label: 'Status', synonyms: ['status', 'state', 'done', 'completed', 'complete', 'is done'] },
    { field: 'priority', label: 'Priority', synonyms: ['priority', 'importance'] }
  ],
  habit_logs: [
    { field: 'habit', label: 'Habit', synonyms: ['habit', 'habit name', 'name'], required: true },
    { field: 'logDate', label: 'Date', synonyms: ['date', 'day', 'log date', 'entry date'], required: true },
    { field: 'completed', label: 'Done', synonyms: ['completed', 'done', 'yes no', 'status', 'value', 'result'] },
    { field: 'notes', label: 'Notes', synonyms: ['notes', 'note', 'comment', 'comments'] }
  ],
  journal_entries: [
    { field: 'entryDate', label: 'Date', synonyms: ['date', 'day', 'entry date'], required: true },
    { field: 'entryTime', label: 'Time', synonyms: ['time', 'entry time'] },
    { field: 'title', label: 'Title', synonyms: ['title', 'subject', 'summary', 'headline'] },
    { field: 'content', label: 'Entry', synonyms: ['content', 'body', 'text', 'entry', 'notes', 'description', 'journal'] },
    { field: 'mood', label: 'Mood', synonyms: ['mood'] }
  ]
};

/** `Due_Date`, `due-date`, `dueDate`, ` Due  date ` -> `due date`; `Yes/No` -> `yes no`. */
export function normalizeHeader(header: string): string {
  return header
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[\s_\-./]+/g, ' ')
    .trim();
}

/** A field and the column that feeds it (`null`: no column did). */
export interface CsvColumn {
  readonly field: string;
  readonly label: string;
  readonly header: string | null;
  readonly index: number | null;
}

/** Which column feeds each field: for each field, the header matching its most preferred synonym; no column feeds two fields. */
export function detectColumns(kind: CsvKind, headers: readonly string[]): { columns: CsvColumn[]; ignored: string[] } {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const columns = CSV_FIELDS[kind].map(({ field, label, synonyms }): CsvColumn => {
    for (const synonym of synonyms) {
      const index = normalized.findIndex((header, position) => header === synonym && !taken.has(position));
      if (index >= 0) {
        taken.add(index);
        return { field, label, header: headers[index] ?? null, index };
      }
    }
    return { field, label, header: null, index: null };
  });
  return { columns, ignored: headers.filter((header, index) => !taken.has(index) && header.trim() !== '') };
}

/** One record of a CSV file and the line it starts on (a quoted value may span lines). */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * Parses CSV text (comma, semicolon or tab separated, any line ends, a byte-order mark allowed),
 * skipping blank lines. Refuses, naming the line, a quoted value that is never closed.
 */
export function parseCsv(text: string): CsvRecord[] {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const records: CsvRecord[] = [];
  let cursor = 0;
  let line = 1;
  const failures: string[] = [];
  Papa.parse<string[]>(normalized, {
    skipEmptyLines: 'greedy',
    step: (result, parser) => {
      let start = cursor;
      while (start < normalized.length && /\s/.test(normalized.charAt(start))) start++;
      const startLine = line + countNewlines(normalized, cursor, start);
      line = startLine + countNewlines(normalized, start, result.meta.cursor);
      cursor = result.meta.cursor;
      if (result.errors.some((error) => error.type === 'Quotes')) {
        failures.push(`Line ${startLine}: a quoted value is never closed, so the rest of the file cannot be read.`);
        parser.abort();
        return;
      }
      records.push({ line: startLine, cells: result.data });
    }
  });
  const [failure] = failures;
  if (failure !== undefined) throw new RpcFailure('validation', failure, 'csv');
  return records;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index >= 0 && index < to; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/** A parsed value, or the sentence that says why a cell could not be read. */
export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = (message: string): Parsed<never> => ({ ok: false, message });

/** The profile's date formats (`profile.date_format`), which settle `03/04/2026`. */
export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY';

/**
 * A day as `YYYY-MM-DD` (whether it exists is the schema's check): ISO days and timestamps (their
 * day as written), `2026/3/4`, `4.3.2026`, and `d/m/yyyy` or `m/d/yyyy` by the profile's format
 * (or when only one reading is possible). Empty -> null.
 */
export function parseDay(text: string, format: DateFormat): Parsed<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d.*)?$/.exec(value) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(value);
  if (iso) return ok(day(iso[1], iso[2], iso[3]));
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (dotted) return ok(day(dotted[3], dotted[2], dotted[1]));
  const slashed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!slashed) return no(`“${value}” is not a date Daybook can read; write it like 2026-11-23.`);
  const [, first = '', second = '', year = ''] = slashed;
  const dayFirst = format === 'DD/MM/YYYY' || (format !== 'MM/DD/YYYY' && Number(first) > 12);
  const monthFirst = format === 'MM/DD/YYYY' || (format !== 'DD/MM/YYYY' && Number(second) > 12);
  if (dayFirst && !monthFirst) return ok(day(year, second, first));
  if (monthFirst && !dayFirst) return ok(day(year, first, second));
  return no(`“${value}” could be day/month or month/day; write it like 2026-11-23, or choose your date format in Settings.`);
}

function day(year: string | undefined, month: string | undefined, date: string | undefined): string {
  return `${year ?? ''}-${(month ?? '').padStart(2, '0')}-${(date ?? '').padStart(2, '0')}`;
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', '✓', '✔', 'done', 'completed', 'complete', 'checked', 'ok']);
const NO = new Set(['', 'no', 'n', 'false', '0', '-', 'not done', 'skipped', 'missed', 'unchecked']);

/** Yes/no as other apps write it; an empty cell is no. */
export function parseYesNo(text: string): Parsed<0 | 1> {
  const value = text.trim().toLowerCase();
  if (YES.has(value)) return ok(1);
  if (NO.has(value)) return ok(0);
  return no(`“${text.trim()}” is not yes or no.`);
}

const STATUSES: Readonly<Record<string, TaskStatus>> = {
  todo: 'todo',
  'to do': 'todo',
  open: 'todo',
  'not started': 'todo',
  pending: 'todo',
  backlog: 'todo',
  new: 'todo',
  'in progress': 'in_progress',
  in_progress: 'in_progress',
  doing: 'in_progress',
  started: 'in_progress',
  active: 'in_progress',
  done: 'done',
  completed: 'done',
  complete: 'done',
  closed: 'done',
  finished: 'done',
  resolved: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  "won't do": 'cancelled',
  wontfix: 'cancelled',
  dropped: 'cancelled'
};

/** A task status by name, or a yes/no "done" column; empty -> to do. */
export function parseTaskStatus(text: string): Parsed<TaskStatus> {
  const value = text.trim().toLowerCase().replace(/[\s-]+/g, ' ');
  const named = STATUSES[value];
  if (named) return ok(named);
  const done = parseYesNo(value);
  if (done.ok) return ok(done.value === 1 ? 'done' : 'todo');
  return no(`“${text.trim()}” is not a status Daybook knows (to do, in progress, done, cancelled).`);
}

const PRIORITIES: Readonly<Record<string, TaskPriority>> = {
  high: 'high',
  h: 'high',
  urgent: 'high',
  critical: 'high',
  '1': 'high',
  p1: 'high',
  medium: 'medium',
  med: 'medium',
  m: 'medium',
  normal: 'medium',
  '2': 'medium',
  p2: 'medium',
  low: 'low',
  l: 'low',
  '3': 'low',
  p3: 'low'
};

/** High/medium/low in the spellings task apps use (1 is high); empty -> medium. */
export function parseTaskPriority(text: string): Parsed<TaskPriority> {
  const value = text.trim().toLowerCase();
  if (value === '') return ok('medium');
  const priority = PRIORITIES[value];
  return priority ? ok(priority) : no(`“${text.trim()}” is not a priority Daybook knows (high, medium, low).`);
}

/** `9:05`, `09:05`, `09:05:30` -> `09:05`; empty -> null. Whether it is a real time is the schema's check. */
export function parseTime(text: string): Parsed<string | null> {
  const value = text.trim();
  if (value === '') return ok(null);
  const match = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(value);
  return match ? ok(`${(match[1] ?? '').padStart(2, '0')}:${match[2] ?? ''}`) : no(`“${value}” is not a time like 09:30.`);
}

/** A number as written (`7`, `7.5`, `7,5`); empty -> null. Its range is the schema's check. */
export function parseNumber(text: string): Parsed<number | null> {
  const value = text.trim().replace(',', '.');
  if (value === '') return ok(null);
  const number = Number(value);
  return Number.isFinite(number) ? ok(number) : no(`“${text.trim()}” is not a number.`);
}
