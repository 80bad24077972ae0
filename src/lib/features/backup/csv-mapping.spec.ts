import { describe, expect, it } from 'vitest';
import { detectColumns, normalizeHeader, parseCsv, parseDay, parseTaskPriority, parseTaskStatus, parseTime, parseYesNo } from './csv-mapping';

describe('CSV headers', () => {
  it('normalizes case, separators and camelCase', () => {
    expect(['Due Date', 'due_date', 'DUE-DATE', 'dueDate', '  Due   date ', 'Yes/No'].map(normalizeHeader)).toEqual([
      'due date',
      'due date',
      'due date',
      'due date',
      'due date',
      'yes no'
    ]);
  });

  it('maps each field to the header of its most preferred synonym, never one column to two fields', () => {
    const { columns, ignored } = detectColumns('tasks', ['Name', 'TITLE', 'Deadline', 'Completed', 'Notes', 'Tags']);
    const byField = Object.fromEntries(columns.map((column) => [column.field, column.header]));
    expect(byField).toEqual({ title: 'TITLE', description: 'Notes', dueDate: 'Deadline', focusDate: null, status: 'Completed', priority: null });
    expect(ignored).toEqual(['Name', 'Tags']);
    const journal = detectColumns('journal_entries', ['Entry Date', 'Notes', 'Body']);
    expect(journal.columns.find((column) => column.field === 'content')?.header).toBe('Body');
    expect(journal.ignored).toEqual(['Notes']);
    const habits = detectColumns('habit_logs', ['Day', 'Habit Name', 'Yes/No']);
    expect(habits.columns.map((column) => column.header)).toEqual(['Habit Name', 'Day', 'Yes/No', null]);
  });
});

describe('CSV values', () => {
  it('reads days in ISO, timestamp, dotted and slashed forms, settling d/m against m/d by the date format', () => {
    const read = (text: string, format: Parameters<typeof parseDay>[1] = 'YYYY-MM-DD') => parseDay(text, format);
    expect(read('2026-03-04')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('2026-3-4')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('2026-03-04T22:15:00Z')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('2026/03/04')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('4.3.2026')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('04/03/2026', 'DD/MM/YYYY')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('03/04/2026', 'MM/DD/YYYY')).toEqual({ ok: true, value: '2026-03-04' });
    expect(read('25/03/2026')).toEqual({ ok: true, value: '2026-03-25' });
    expect(read('03/25/2026')).toEqual({ ok: true, value: '2026-03-25' });
    expect(read('')).toEqual({ ok: true, value: null });
    expect(read('03/04/2026')).toMatchObject({ ok: false, message: expect.stringContaining('could be day/month or month/day') });
    expect(read('next Tuesday')).toMatchObject({ ok: false, message: '“next Tuesday” is not a date Daybook can read; write it like 2026-11-23.' });
  });

  it('reads yes/no, task statuses and priorities the way other apps write them', () => {
    expect(['Yes', 'x', 'TRUE', '1', '✓', 'done'].map((text) => parseYesNo(text))).toEqual(Array(6).fill({ ok: true, value: 1 }));
    expect(['no', '', 'False', '0', 'skipped'].map((text) => parseYesNo(text))).toEqual(Array(5).fill({ ok: true, value: 0 }));
    expect(parseYesNo('maybe')).toEqual({ ok: false, message: '“maybe” is not yes or no.' });
    expect(['Done', 'In Progress', 'in-progress', 'Canceled', 'open', '', 'yes'].map((text) => parseTaskStatus(text))).toEqual(
      ['done', 'in_progress', 'in_progress', 'cancelled', 'todo', 'todo', 'done'].map((value) => ({ ok: true, value }))
    );
    expect(parseTaskStatus('blocked')).toMatchObject({ ok: false });
    expect(['High', 'p1', '2', 'low', ''].map((text) => parseTaskPriority(text))).toEqual(
      ['high', 'high', 'medium', 'low', 'medium'].map((value) => ({ ok: true, value }))
    );
    expect(parseTaskPriority('someday')).toMatchObject({ ok: false });
    expect(parseTime('9:05')).toEqual({ ok: true, value: '09:05' });
    expect(parseTime('21:30:15')).toEqual({ ok: true, value: '21:30' });
  });
});

describe('parseCsv', () => {
  it('numbers each record by the line it starts on, across quoted line breaks, blank lines and any line ends', () => {
    const text = '\uFEFFTitle,Notes\r\n"Two\nlines",a\r\n\r\nThird,"b, ""c"""\rLast,\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, cells: ['Title', 'Notes'] },
      { line: 2, cells: ['Two\nlines', 'a'] },
      { line: 5, cells: ['Third', 'b, "c"'] },
      { line: 6, cells: ['Last', ''] }
    ]);
  });

  it('reads semicolon- and tab-separated files', () => {
    expect(parseCsv('Date;Habit\n2026-03-01;Read\n').map((record) => record.cells)).toEqual([['Date', 'Habit'], ['2026-03-01', 'Read']]);
    expect(parseCsv('Date\tHabit\n2026-03-01\tRead\n').map((record) => record.cells)).toEqual([['Date', 'Habit'], ['2026-03-01', 'Read']]);
  });

  it('refuses a quoted value that is never closed, naming its line', () => {
    expect(() => parseCsv('Title\nfine\n"never closed\nmore\n')).toThrow('Line 3: a quoted value is never closed, so the rest of the file cannot be read.');
  });
});
