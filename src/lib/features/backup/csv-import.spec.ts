import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient({ now: () => new Date('2026-03-05T12:00:00.000Z') }));
});

afterEach(() => close());

async function exportText(): Promise<string> {
  const text = await expectOk(await client.call('backup.exportJson', undefined)).data.text();
  return text.replace(/"exportedAt": ".*?"/, '');
}

const TODOIST_LIKE = [
  'Task Name,Due Date,Status,PRIORITY,Description,Assignee',
  'Write the report,2026-03-10,Done,High,"Two parts:\nfirst, then ""second""",Bob',
  'Call the bank,,in progress,,,',
  'Plan the trip,25/03/2026,,low,,Ann'
].join('\r\n');

describe('backup.previewCsv', () => {
  it('maps headers from other apps by synonyms, case-insensitively, and shows the rows as Daybook read them, changing nothing', async () => {
    const before = await exportText();
    const preview = expectOk(await client.call('backup.previewCsv', { kind: 'tasks', csv: TODOIST_LIKE }));
    expect(preview.columns).toEqual([
      { field: 'title', label: 'Title', header: 'Task Name' },
      { field: 'description', label: 'Notes', header: 'Description' },
      { field: 'dueDate', label: 'Due date', header: 'Due Date' },
      { field: 'focusDate', label: 'Focus day', header: null },
      { field: 'status', label: 'Status', header: 'Status' },
      { field: 'priority', label: 'Priority', header: 'PRIORITY' }
    ]);
    expect(preview.ignoredHeaders).toEqual(['Assignee']);
    expect(preview.problems).toEqual([]);
    expect(preview.rows).toEqual([
      {
        line: 2,
        values: { title: 'Write the report', description: 'Two parts:\nfirst, then "second"', dueDate: '2026-03-10', status: 'done', priority: 'high' }
      },
      { line: 4, values: { title: 'Call the bank', description: '', dueDate: null, status: 'in_progress', priority: 'medium' } },
      { line: 5, values: { title: 'Plan the trip', description: '', dueDate: '2026-03-25', status: 'todo', priority: 'low' } }
    ]);
    expect(await exportText()).toBe(before);
  });

  it('lists row problems with their line and column: bad values, and what the feature’s own rules refuse', async () => {
    const csv = ['Title,Due,Priority', 'Fine,2026-03-10,high', ',2026-03-11,low', '"Bad\ndate",2026-02-30,medium', 'Bad priority,,someday', `${'x'.repeat(201)},,`].join('\n');
    const preview = expectOk(await client.call('backup.previewCsv', { kind: 'tasks', csv }));
    expect(preview.rows.map((row) => row.line)).toEqual([2]);
    expect(preview.problems).toEqual([
      { line: 3, column: 'Title', message: 'The title is empty.' },
      { line: 4, column: 'Due', message: 'Due date must be a real calendar day.' },
      { line: 6, column: 'Priority', message: '“someday” is not a priority Daybook knows (high, medium, low).' },
      { line: 7, column: 'Title', message: 'Title is at most 200 characters.' }
    ]);
  });
});

describe('backup.importCsv', () => {
  it('reports how far it has got and, when cancelled, adds nothing', async () => {
    const csv = ['Title', ...Array.from({ length: 700 }, (_, index) => `Imported task ${index}`)].join('\r\n');
    const before = await exportText();
    const controller = new AbortController();
    const progress: number[] = [];
    const onProgress = (done: number) => {
      progress.push(done);
      controller.abort();
    };
    const answer = await client.call('backup.importCsv', { kind: 'tasks', csv }, { signal: controller.signal, onProgress });
    expect(progress).toEqual([500]);
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'Stopped before the end, as asked; nothing was changed.' } });
    expect(await exportText()).toBe(before);
    expect(expectOk(await client.call('backup.importCsv', { kind: 'tasks', csv })).imported).toBe(700);
  });

  it('imports tasks through the task rules, with their status (and its history) and priority', async () => {
    const result = expectOk(await client.call('backup.importCsv', { kind: 'tasks', csv: TODOIST_LIKE }));
    expect(result).toEqual({ kind: 'tasks', imported: 3, habitsCreated: [] });
    const tasks = expectOk(await client.call('tasks.list', {})).items;
    const report = tasks.find((task) => task.title === 'Write the report');
    expect(report).toMatchObject({ status: 'done', priority: 'high', dueDate: '2026-03-10', completedAt: '2026-03-05T12:00:00.000Z', focusDate: null });
    expect(expectOk(await client.call('tasks.statusHistory', { id: String(report?.id) })).map((step) => step.toStatus)).toEqual(['todo', 'done']);
    expect(tasks.find((task) => task.title === 'Call the bank')?.status).toBe('in_progress');
  });

  it('imports nothing while any row has a problem, and says which', async () => {
    const before = await exportText();
    const csv = 'Title,Due\nFine,2026-03-10\nBroken,2026-13-01\nAlso broken,someday\n';
    const answer = await client.call('backup.importCsv', { kind: 'tasks', csv });
    expect(answer).toEqual({
      ok: false,
      error: {
        code: 'validation',
        message: '2 rows cannot be imported, so nothing was imported. Line 3, column "Due": Due date must be a real calendar day. (and 1 more)',
        field: 'csv'
      }
    });
    expect(await exportText()).toBe(before);
  });

  it.each([
    ['an empty file', 'tasks', '', 'The file is empty.'],
    ['a header without rows', 'tasks', 'Title,Due\n', 'The file has a header row but no rows to import.'],
    ['tasks without a title column', 'tasks', 'Due,Notes\n2026-03-01,hi\n', 'No column holds the title: name one “Title”, “Name”, “Task”, “Task name”. The file\'s columns: Due, Notes.'],
    ['habit logs without a date column', 'habit_logs', 'Habit,Done\nRead,yes\n', 'No column holds the date: name one “Date”, “Day”, “Log date”, “Entry date”. The file\'s columns: Habit, Done.'],
    ['journal entries without a date column', 'journal_entries', 'Title,Body\nHi,there\n', 'No column holds the date: name one “Date”, “Day”, “Entry date”. The file\'s columns: Title, Body.'],
    ['an unclosed quote', 'tasks', 'Title\n"never closed\n', 'Line 2: a quoted value is never closed, so the rest of the file cannot be read.']
  ] as const)('refuses %s, in the preview and the import', async (_name, kind, csv, message) => {
    const before = await exportText();
    for (const name of ['backup.previewCsv', 'backup.importCsv'] as const) {
      expect(await client.call(name, { kind, csv })).toEqual({ ok: false, error: { code: 'validation', message, field: 'csv' } });
    }
    expect(await exportText()).toBe(before);
  });

  it('logs habits by name, creating missing ones from their first logged day, and matching existing ones case-insensitively', async () => {
    const reading = expectOk(await client.call('habits.create', { name: 'Read', startDate: '2026-02-01' }));
    const csv = ['Date,Habit,Yes/No,Comment', '2026-03-02,read,no,tired', '2026-03-01,Meditate,x,', '2026-03-01,READ,yes,', '2026-02-27,Meditate,yes,'].join('\n');
    const preview = expectOk(await client.call('backup.previewCsv', { kind: 'habit_logs', csv }));
    expect(preview.habitsToCreate).toEqual(['Meditate']);
    expect(preview.problems).toEqual([]);
    expect(expectOk(await client.call('habits.list', {})).items.map((habit) => habit.name)).toEqual(['Read']);

    const result = expectOk(await client.call('backup.importCsv', { kind: 'habit_logs', csv }));
    expect(result).toEqual({ kind: 'habit_logs', imported: 4, habitsCreated: ['Meditate'] });
    const habits = expectOk(await client.call('habits.list', {})).items;
    const meditate = habits.find((habit) => habit.name === 'Meditate');
    expect(meditate).toMatchObject({ startDate: '2026-02-27', frequency: 'daily' });
    const logs = expectOk(await client.call('habitLogs.list', { habitId: reading.id, to: '2026-03-31' }));
    expect(logs.map((log) => [log.logDate, log.completed, log.notes])).toEqual([
      ['2026-03-01', 1, ''],
      ['2026-03-02', 0, 'tired']
    ]);
    expect(expectOk(await client.call('habitLogs.list', { habitId: String(meditate?.id), to: '2026-03-31' }))).toHaveLength(2);
  });

  it('refuses a second log of the same habit and day, and a day before an existing habit starts', async () => {
    expectOk(await client.call('habits.create', { name: 'Gym', startDate: '2026-03-01' }));
    const csv = ['Day,Habit Name,Done', '2026-03-02,Gym,yes', '2026-03-02,gym,no', '2026-02-20,Gym,yes', '2026-03-03,Gym,perhaps'].join('\n');
    const preview = expectOk(await client.call('backup.previewCsv', { kind: 'habit_logs', csv }));
    expect(preview.problems).toEqual([
      { line: 3, column: 'Day', message: 'Line 2 already logs “gym” on 2026-03-02.' },
      { line: 4, column: 'Day', message: 'This habit starts on 2026-03-01; a day before that cannot be logged.' },
      { line: 5, column: 'Done', message: '“perhaps” is not yes or no.' }
    ]);
    expect(preview.rows.map((row) => row.line)).toEqual([2]);
    expect((await client.call('backup.importCsv', { kind: 'habit_logs', csv })).ok).toBe(false);
    const gym = expectOk(await client.call('habits.list', {})).items[0];
    expect(expectOk(await client.call('habitLogs.list', { habitId: String(gym?.id), to: '2026-03-31' }))).toEqual([]);
  });

  it('imports journal entries, reading days in the profile’s date format', async () => {
    expectOk(await client.call('profile.update', { dateFormat: 'MM/DD/YYYY' }));
    const csv = ['Date,Time,Title,Body,Mood', '03/04/2026,7:30,Morning,"Slept well.\nBig day.",8', '03/05/2026,,,Short one,'].join('\n');
    const result = expectOk(await client.call('backup.importCsv', { kind: 'journal_entries', csv }));
    expect(result.imported).toBe(2);
    const entries = expectOk(await client.call('journal.list', {})).items;
    expect(entries.map((entry) => [entry.entryDate, entry.entryTime, entry.title, entry.content, entry.mood])).toEqual([
      ['2026-03-05', null, '', 'Short one', null],
      ['2026-03-04', '07:30', 'Morning', 'Slept well.\nBig day.', 8]
    ]);
    const hits = expectOk(await client.call('search.query', { query: 'slept' }));
    expect(hits.map((hit) => hit.title)).toEqual(['Morning']);
  });

  it('reports a journal mood out of range with the journal’s own message', async () => {
    const csv = 'Entry date,Notes,Mood\n2026-03-04,Hi,11\n';
    const preview = expectOk(await client.call('backup.previewCsv', { kind: 'journal_entries', csv }));
    expect(preview.problems).toEqual([{ line: 2, column: 'Mood', message: 'Mood is a whole number from 1 to 10.' }]);
  });
});
