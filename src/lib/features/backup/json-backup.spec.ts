import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../db/migrations/bundled';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { BackupDocument } from './backup';
import { readBackupDocument, serializeBackup } from './json-export';
import { importJson } from './json-import';
import type { BackupProgress } from './job';
import { fillWithSampleData } from './sample-data';

const SCHEMA = bundledMigrations.length;

/** A parsed backup to edit in tests: the values are whatever a file could hold. */
interface EditableDocument {
  format: unknown;
  formatVersion: unknown;
  schemaVersion: unknown;
  exportedAt: unknown;
  tables: Record<string, Record<string, unknown>[]>;
}

let source: { client: RpcClient; database: TestDatabase; close: () => void };
let target: { client: RpcClient; database: TestDatabase; close: () => void };
const clock = () => new Date('2026-03-05T12:00:00.000Z');

beforeEach(async () => {
  source = await openTestClient({ now: clock });
  target = await openTestClient({ now: clock });
  await fillWithSampleData(source.client);
});

afterEach(() => {
  source.close();
  target.close();
});

async function exportText(client: RpcClient): Promise<string> {
  return expectOk(await client.call('backup.exportJson', undefined)).data.text();
}

async function exportTables(client: RpcClient): Promise<BackupDocument['tables']> {
  return (JSON.parse(await exportText(client)) as BackupDocument).tables;
}

async function editedBackup(edit: (document: EditableDocument) => void): Promise<string> {
  const document = JSON.parse(await exportText(source.client)) as EditableDocument;
  edit(document);
  return JSON.stringify(document);
}

function rows(document: EditableDocument, table: string): Record<string, unknown>[] {
  const list = document.tables[table];
  if (!list) throw new Error(`No table ${table} in the backup`);
  return list;
}

function rowWhere(document: EditableDocument, table: string, column: string, value: unknown): Record<string, unknown> {
  const row = rows(document, table).find((candidate) => candidate[column] === value);
  if (!row) throw new Error(`No ${table} row with ${column} = ${String(value)}`);
  return row;
}

describe('backup.exportJson', () => {
  it('writes, row by row, the same text as serializeBackup makes of the whole document read at once', async () => {
    const whole = serializeBackup(await readBackupDocument(source.database.host.session.raw, { now: clock() }));
    expect(whole).toContain('\n      {"id":');
    expect(await exportText(source.client)).toBe(whole);
  });

  it('writes every user table, and none of the internal or derived ones, with versions and a dated file name', async () => {
    const file = expectOk(await source.client.call('backup.exportJson', undefined));
    expect(file.fileName).toBe('daybook-2026-03-05.json');
    expect(file.data.type).toBe('application/json');
    const document = JSON.parse(await file.data.text()) as BackupDocument;
    expect(document).toMatchObject({ format: 'daybook', formatVersion: 1, schemaVersion: SCHEMA, exportedAt: '2026-03-05T12:00:00.000Z' });
    const names = Object.keys(document.tables);
    expect(names).toEqual(expect.arrayContaining(['tasks', 'task_status_history', 'goals', 'habit_logs', 'journal_entries', 'profile', 'tags', 'task_tags']));
    for (const internal of ['_migrations', '_request_log', 'search_index', 'search_index_keys', 'search_index_data', 'search_index_content', 'sqlite_schema']) {
      expect(names).not.toContain(internal);
    }
    // Parents come before the tables that refer to them.
    expect(names.indexOf('tasks')).toBeLessThan(names.indexOf('task_status_history'));
    expect(names.indexOf('practice_sessions')).toBeLessThan(names.indexOf('goals'));
  });

  it('keeps column names and values as SQL has them, JSON columns as their text', async () => {
    const tables = await exportTables(source.client);
    const project = tables.projects?.[0];
    expect(project).toMatchObject({ name: 'Daybook', classification: 'personal', tech_stack: '["Svelte","SQLite"]', deleted_at: null });
    expect(Object.keys(project ?? {})).toEqual(expect.arrayContaining(['id', 'organization_id', 'created_at', 'updated_at']));
    expect(tables.journal_entries?.[0]?.sleep_hours).toBe(7.5);
    expect(tables.insights?.[0]?.confidence).toBe(0.7);
    expect(tables.task_status_history?.map((row) => [row.from_status, row.to_status])).toEqual(
      expect.arrayContaining([
        [null, 'todo'],
        ['todo', 'in_progress'],
        ['in_progress', 'done']
      ])
    );
  });
});

describe('backup.importJson', () => {
  it('round-trips: a backup imported into a fresh database exports as the same tables', async () => {
    const text = await exportText(source.client);
    // The import drops and rebuilds indexes and the full-text table: the schema must come back exactly.
    const schemaOf = () => target.database.host.session.raw.selectObjects('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name');
    const schemaBefore = schemaOf();
    const result = expectOk(await target.client.call('backup.importJson', { document: text }));
    expect(schemaOf()).toEqual(schemaBefore);
    expect(result.totalRows).toBeGreaterThan(50);
    expect(result.kinds).toEqual(expect.arrayContaining([{ table: 'tasks', label: 'Tasks', count: 4, inTrash: 1 }]));
    expect(await exportTables(target.client)).toEqual((JSON.parse(text) as BackupDocument).tables);
  });

  it('takes the backup as the file the person picked, read in the worker, with the same result as its text', async () => {
    const text = await exportText(source.client);
    const file = new Blob([text], { type: 'application/json' });
    const preview = expectOk(await target.client.call('backup.previewJson', { document: file }));
    expect(preview.kinds).toEqual(expect.arrayContaining([{ table: 'tasks', label: 'Tasks', count: 4, inTrash: 1 }]));
    expectOk(await target.client.call('backup.importJson', { document: file }));
    expect(await exportTables(target.client)).toEqual((JSON.parse(text) as BackupDocument).tables);
  });

  it('refuses a backup that is neither a file nor text, writing nothing', async () => {
    const before = await exportTables(target.client);
    for (const name of ['backup.previewJson', 'backup.importJson'] as const) {
      const answer = await target.client.call(name, { document: 42 as unknown as string });
      expect(answer.ok ? null : answer.error).toEqual({ code: 'validation', message: 'The backup must be a file or text.', field: 'document' });
    }
    expect(await exportTables(target.client)).toEqual(before);
  });

  it('replaces what was there, keeps histories exactly, and leaves search and the rules working', async () => {
    expectOk(await target.client.call('tasks.create', { title: 'Only in the target', focusDate: '2026-03-05' }));
    expectOk(await target.client.call('skills.create', { name: 'Only here' }));
    const text = await exportText(source.client);
    expectOk(await target.client.call('backup.importJson', { document: text }));
    const tables = await exportTables(target.client);
    const backup = (JSON.parse(text) as BackupDocument).tables;
    expect(tables.task_status_history).toEqual(backup.task_status_history);
    expect(tables.skill_progress).toEqual(backup.skill_progress);
    expect(tables.tasks?.map((row) => row.title)).not.toContain('Only in the target');

    const hits = expectOk(await target.client.call('search.query', { query: 'Backups' }));
    expect(hits.map((hit) => hit.title)).toContain('Backups');
    expect(expectOk(await target.client.call('search.query', { query: 'Old idea' }))).toEqual([]);
    const integrity = expectOk(await target.client.call('system.integrityCheck', undefined));
    expect(integrity).toEqual({ ok: true, problems: [] });
    target.database.host.session.raw.exec("INSERT INTO search_index(search_index) VALUES('integrity-check')");

    // The triggers are live again: a new status change is recorded, a bad goal move refused.
    const task = tables.tasks?.find((row) => row.title === 'Ask Maria');
    expectOk(await target.client.call('tasks.setStatus', { id: String(task?.id), status: 'in_progress' }));
    expect(expectOk(await target.client.call('tasks.statusHistory', { id: String(task?.id) }))).toHaveLength(2);
    const goals = expectOk(await target.client.call('goals.list', {})).items;
    const ultimate = goals.find((goal) => goal.level === 'ultimate');
    const shortTerm = goals.find((goal) => goal.level === 'short_term');
    const move = await target.client.call('goals.move', { id: String(shortTerm?.id), parentId: String(ultimate?.id) });
    expect(move).toMatchObject({ ok: false, error: { code: 'constraint' } });
  });

  it('keeps search newest first after an import, across kinds, as the items were written', async () => {
    // Written in this order, into tables the import fills in another order (projects and people before journal entries).
    const words = 'zephyrology';
    const journal = expectOk(await source.client.call('journal.create', { entryDate: '2026-03-01', content: `First ${words}` }));
    const person = expectOk(await source.client.call('people.create', { name: `Second ${words}` }));
    const task = expectOk(await source.client.call('tasks.create', { title: `Third ${words}`, focusDate: '2026-03-03' }));
    const project = expectOk(await source.client.call('projects.create', { name: `Fourth ${words}`, classification: 'personal' }));
    const newestFirst = [project.id, task.id, person.id, journal.id];
    const order = async (client: RpcClient) => expectOk(await client.call('search.query', { query: words })).map((hit) => hit.entityId);
    expect(await order(source.client)).toEqual(newestFirst);
    expectOk(await target.client.call('backup.importJson', { document: await exportText(source.client) }));
    expect(await order(target.client)).toEqual(newestFirst);
    // Items written after the import come first, and the index checks out.
    const later = expectOk(await target.client.call('learnings.create', { title: `Fifth ${words}`, learningDate: '2026-03-05', type: 'concept' }));
    expect(await order(target.client)).toEqual([later.id, ...newestFirst]);
    target.database.host.session.raw.exec("INSERT INTO search_index(search_index) VALUES('integrity-check')");
  });

  it('imports a backup from the oldest schema version whose tables are today’s', async () => {
    const text = await editedBackup((document) => {
      document.schemaVersion = 2;
    });
    expectOk(await target.client.call('backup.importJson', { document: text }));
    expect(await exportTables(target.client)).toEqual((JSON.parse(text) as BackupDocument).tables);
  });

  it('reports progress by phase and stops when cancelled, leaving the data as it was', async () => {
    const text = await editedBackup((document) => {
      for (let index = 0; index < 1200; index++) {
        rows(document, 'tags').push({ id: `bulk-${index}`, name: `bulk ${index}`, created_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z' });
      }
    });
    const kept = expectOk(await target.client.call('tasks.create', { title: 'Zeppelin maintenance', focusDate: '2026-03-05' }));
    const before = await exportTables(target.client);
    const controller = new AbortController();
    const seen: BackupProgress[] = [];
    const session = target.database.host.session;
    const run = session.write(() =>
      importJson(session, text, {
        appSchemaVersion: target.database.host.expectedSchemaVersion,
        job: {
          signal: controller.signal,
          onProgress: (progress) => {
            seen.push(progress);
            if (progress.phase === 'writing' && progress.done >= 500) controller.abort();
          }
        }
      })
    );
    await expect(run).rejects.toMatchObject({ error: { code: 'cancelled', message: 'Stopped before the end, as asked; nothing was changed.' } });
    expect(seen.map((progress) => progress.phase)).toEqual(expect.arrayContaining(['deleting', 'writing']));
    expect(seen.at(-1)).toMatchObject({ phase: 'writing', done: 500 });
    expect(seen.at(-1)?.total).toBeGreaterThan(1200);
    expect(await exportTables(target.client)).toEqual(before);
    // The import swaps the full-text table out while rows go in: the rollback brings it back whole.
    expect(expectOk(await target.client.call('search.query', { query: 'zeppelin' })).map((hit) => hit.entityId)).toEqual([kept.id]);

    const finished: BackupProgress[] = [];
    await session.write(() => importJson(session, text, { appSchemaVersion: target.database.host.expectedSchemaVersion, job: { onProgress: (progress) => finished.push(progress) } }));
    expect([...new Set(finished.map((progress) => progress.phase))]).toEqual(['checking', 'deleting', 'writing', 'indexing']);
    const written = finished.filter((progress) => progress.phase === 'writing').at(-1);
    expect(written?.done).toBe(written?.total);
    expect(finished.at(-1)).toEqual({ phase: 'indexing', done: 1, total: 1 });
  });
});

describe('backup.previewJson', () => {
  it('counts rows per table and per kind, gives the date range and what it replaces, and changes nothing', async () => {
    expectOk(await target.client.call('tasks.create', { title: 'Kept until an import', focusDate: '2026-03-05' }));
    const before = await exportTables(target.client);
    const text = await exportText(source.client);
    const preview = expectOk(await target.client.call('backup.previewJson', { document: text }));
    const backup = JSON.parse(text) as BackupDocument;
    expect(preview.schemaVersion).toBe(SCHEMA);
    expect(preview.exportedAt).toBe('2026-03-05T12:00:00.000Z');
    expect(preview.rows.tasks).toBe(4);
    expect(preview.rows.task_status_history).toBe(backup.tables.task_status_history?.length);
    expect(preview.totalRows).toBe(Object.values(backup.tables).reduce((sum, list) => sum + list.length, 0));
    expect(preview.kinds).toEqual(
      expect.arrayContaining([
        { table: 'tasks', label: 'Tasks', count: 4, inTrash: 1 },
        { table: 'journal_entries', label: 'Journal entries', count: 1, inTrash: 0 },
        { table: 'decisions', label: 'Decisions', count: 2, inTrash: 1 },
        { table: 'habit_logs', label: 'Habit logs', count: 3, inTrash: 0 }
      ])
    );
    expect(preview.kinds.map((kind) => kind.table)).not.toContain('task_tags');
    expect(preview.dateRange?.earliest).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(preview.dateRange && preview.dateRange.earliest <= preview.dateRange.latest).toBe(true);
    expect(preview.current).toEqual([{ table: 'tasks', label: 'Tasks', count: 1, inTrash: 0 }]);
    expect(await exportTables(target.client)).toEqual(before);
  });

  it('tells how far it has got, as a check and then one trying step, and when cancelled stops with nothing changed', async () => {
    for (let index = 0; index < 700; index++) expectOk(await source.client.call('tags.create', { name: `tag-${index}` }));
    const text = await exportText(source.client);
    expectOk(await target.client.call('tasks.create', { title: 'Kept through a cancelled preview', focusDate: '2026-03-05' }));
    const before = await exportTables(target.client);

    const phases = new Set<string | undefined>();
    expectOk(await target.client.call('backup.previewJson', { document: text }, { onProgress: (_done, _total, phase) => phases.add(phase) }));
    expect([...phases]).toEqual(['checking', 'trying']);

    const controller = new AbortController();
    const onProgress = (_done: number, _total: number, phase?: string) => {
      if (phase === 'trying') controller.abort();
    };
    const answer = await target.client.call('backup.previewJson', { document: text }, { signal: controller.signal, onProgress });
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'Stopped before the end, as asked; nothing was changed.' } });
    expect(await exportTables(target.client)).toEqual(before);
  });
});

type Edit = (document: EditableDocument) => void;

const refusals: [name: string, edit: Edit | string, message: RegExp | string][] = [
  ['a file that is not JSON', 'tasks,title\n1,Hello', /^This file is not JSON, so it is not a Daybook backup/],
  ['JSON that is not a Daybook backup', '{"hello": "world"}', 'This file is not a Daybook backup (it does not say "format": "daybook").'],
  ['a JSON list', '[1, 2, 3]', 'This file is not a Daybook backup (it does not say "format": "daybook").'],
  [
    'a newer backup format',
    (document) => {
      document.formatVersion = 2;
    },
    /^This backup was made by a newer version of Daybook \(backup format 2/
  ],
  [
    'an unknown backup format',
    (document) => {
      document.formatVersion = 0;
    },
    /unknown format version \(0\)/
  ],
  [
    'a backup made by a newer version of Daybook',
    (document) => {
      document.schemaVersion = 99;
    },
    `This backup was made by a newer version of Daybook (schema 99; this version has schema ${SCHEMA}). Update Daybook to import it.`
  ],
  [
    'a backup older than the oldest importable schema',
    (document) => {
      document.schemaVersion = 1;
    },
    /made by an older version of Daybook \(schema 1\)/
  ],
  [
    'a table this schema does not have',
    (document) => {
      document.tables.secrets = [];
    },
    'The backup has a table "secrets" that this version of Daybook does not have.'
  ],
  [
    'a missing table',
    (document) => {
      delete document.tables.habit_logs;
    },
    'The backup has no "habit_logs" table; a Daybook backup lists every table, even empty ones.'
  ],
  [
    'a column this schema does not have',
    (document) => {
      const [first] = rows(document, 'tasks');
      if (first) first.colour = 'red';
    },
    /^Row 1 of "tasks" has a column "colour" that this version of Daybook does not have\.$/
  ],
  [
    'a value JSON cannot map to a column',
    (document) => {
      rowWhere(document, 'tasks', 'title', 'Backups').priority = true;
    },
    /^Row \d of "tasks", column "priority": A value must be text, a number or null\.$/
  ],
  [
    'a row that breaks a CHECK constraint',
    (document) => {
      rowWhere(document, 'tasks', 'title', 'Backups').title = '   ';
    },
    /^Row \d of "tasks" \(id [0-9a-f-]+\), column "title": Title is not allowed .*\(The database said: CHECK constraint failed: length\(trim\(title\)\) BETWEEN 1 AND 200\)$/
  ],
  [
    'text in a whole-number column',
    (document) => {
      rowWhere(document, 'tasks', 'title', 'CSV export').estimated_minutes = 'ninety';
    },
    /^Row \d of "tasks" \(id [0-9a-f-]+\), column "estimated_minutes": Estimated minutes must be a number\. \(The database said: cannot store TEXT value in INTEGER column tasks\.estimated_minutes\)$/
  ],
  [
    'a reference to a row the backup does not have',
    (document) => {
      rowWhere(document, 'tasks', 'title', 'Backups').goal_id = 'no-such-goal';
    },
    /^Row \d of "tasks" \(id [0-9a-f-]+\), column "goal_id": it refers to a row of "goals" that is not in the backup\./
  ],
  [
    'a goal placed under the wrong level',
    (document) => {
      const ultimate = rowWhere(document, 'goals', 'title', 'Do meaningful work');
      rowWhere(document, 'goals', 'title', 'Lead a project').parent_id = ultimate.id;
    },
    /^Row \d of "goals" \(id [0-9a-f-]+\): A mid-term goal can only be placed under a long-term goal\. \(The database said: goal level: a mid-term goal/
  ],
  [
    'goals that are each other’s parents',
    (document) => {
      const longTerm = rowWhere(document, 'goals', 'title', 'Become a staff engineer');
      const midTerm = rowWhere(document, 'goals', 'title', 'Lead a project');
      longTerm.parent_id = midTerm.id;
    },
    /^Rows of "goals" refer to each other in a loop through "parent_id": row \d \(id .+\) → row \d \(id .+\) → row \d/
  ],
  [
    'two tags with the same name',
    (document) => {
      rows(document, 'tags').push({ id: 'second-focus', name: 'FOCUS', created_at: '2026-03-01T00:00:00.000Z', updated_at: '2026-03-01T00:00:00.000Z' });
    },
    /^Row 3 of "tags" \(id second-focus\), column "name": Another item already has this name\. \(The database said: UNIQUE constraint failed: tags\.name\)$/
  ],
  [
    'a backup without the profile row',
    (document) => {
      document.tables.profile = [];
    },
    /^The backup has no profile/
  ]
];

describe('refusals', () => {
  it.each(refusals)('refuses %s, in the preview and the import, and leaves the current data unchanged', async (_name, edit, message) => {
    const document = typeof edit === 'string' ? edit : await editedBackup(edit);
    const before = await exportTables(source.client);
    const raw = source.database.host.session.raw;
    const schemaOf = () => raw.selectObjects('SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name');
    const schemaBefore = schemaOf();
    for (const name of ['backup.previewJson', 'backup.importJson'] as const) {
      const answer = await source.client.call(name, { document });
      expect(answer.ok).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.field).toBe('document');
      if (typeof message === 'string') expect(answer.error.message).toBe(message);
      else expect(answer.error.message).toMatch(message);
    }
    expect(await exportTables(source.client)).toEqual(before);
    // The import suspends triggers, drops indexes and turns off row-by-row key checks: all of it comes back.
    expect(schemaOf()).toEqual(schemaBefore);
    expect(raw.selectValue('PRAGMA foreign_keys')).toBe(1);
  });
});

describe('a long import through the message layer', () => {
  it('reports progress and, when cancelled, stops with nothing changed', async () => {
    const source = await openTestClient();
    for (let index = 0; index < 1200; index++) {
      expectOk(await source.client.call('tags.create', { name: `tag-${index}` }));
    }
    const document = await exportText(source.client);
    source.close();

    const target = await openTestClient();
    try {
      expectOk(await target.client.call('tasks.create', { title: 'Here before', focusDate: '2026-11-23' }));
      const before = await exportText(target.client);
      const controller = new AbortController();
      const progress: number[] = [];
      const answer = await target.client.call(
        'backup.importJson',
        { document },
        {
          signal: controller.signal,
          onProgress: (done) => {
            progress.push(done);
            controller.abort();
          }
        }
      );
      expect(progress.length).toBeGreaterThan(0);
      expect(answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'Stopped before the end, as asked; nothing was changed.' } });
      const after = await exportText(target.client);
      expect(JSON.parse(after).tables).toEqual(JSON.parse(before).tables);

      const progressOfFull: number[] = [];
      expectOk(await target.client.call('backup.importJson', { document }, { onProgress: (done) => progressOfFull.push(done) }));
      expect(progressOfFull.length).toBeGreaterThan(1);
      expect(expectOk(await target.client.call('tags.list', { limit: 500 })).items).toHaveLength(500);
    } finally {
      target.close();
    }
  });
});
