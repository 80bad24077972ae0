import { afterEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from './migrations/bundled';
import { runMigrations } from './migrations/runner';
import { createMigrationTarget } from './migrations/target';
import { loadSqlite } from './sqlite';
import { toRpcError } from './sqlite-errors';
import { openTestDatabase, type TestDatabase } from './testing';
import { StatementCache, statementCacheFor } from './statement-cache';
import { TasksRepository } from '../features/tasks/tasks.repo';
import type { TaskCreate } from '../features/tasks/tasks';

let database: TestDatabase | null = null;

afterEach(() => {
  database?.host.close();
  database = null;
});

function draft(title: string, extra: Partial<TaskCreate> = {}): TaskCreate {
  return {
    title,
    description: 'notes',
    priority: 'medium',
    estimatedMinutes: 25,
    focusDate: '2026-11-23',
    dueDate: null,
    parentId: null,
    goalId: null,
    projectId: null,
    organizationId: null,
    assigneeId: null,
    ...extra
  };
}

async function seeded(): Promise<{ db: TestDatabase['context']['db']; cache: StatementCache; ids: string[] }> {
  database = await openTestDatabase();
  const { db } = database.context;
  const tasks = new TasksRepository(db);
  const ids: string[] = [];
  for (const [index, priority] of (['low', 'high', 'medium', 'high'] as const).entries()) {
    ids.push((await tasks.create(draft(`Task ${index}`, { priority, focusDate: index === 3 ? '2026-11-20' : '2026-11-23' }))).id);
  }
  const cache = statementCacheFor(db);
  if (!cache) throw new Error('The session registers a statement cache for its Kysely instance.');
  return { db, cache, ids };
}

/** The SQL of every statement prepared on the test connection now (FTS5 keeps some of its own). */
function preparedTexts(): string[] {
  const { raw, sqlite3 } = database?.host.session ?? expect.fail('The database is open.');
  const texts: string[] = [];
  for (let statement = sqlite3.capi.sqlite3_next_stmt(raw, 0); statement; statement = sqlite3.capi.sqlite3_next_stmt(raw, statement)) {
    texts.push(sqlite3.capi.sqlite3_sql(statement) ?? '');
  }
  return texts;
}

describe('StatementCache', () => {
  it('answers exactly what Kysely answers for the same query', async () => {
    const { db, cache, ids } = await seeded();
    const byId = db.selectFrom('tasks').selectAll().where('id', '=', ids[1] ?? '');
    expect(cache.first(byId)).toEqual(await byId.executeTakeFirst());
    const day = db.selectFrom('tasks').selectAll().where('focus_date', '=', '2026-11-23').orderBy('priority').orderBy('id');
    expect(cache.all(day)).toEqual(await day.execute());
    expect(cache.first(db.selectFrom('tasks').selectAll().where('id', '=', 'missing'))).toBeUndefined();
  });

  it('prepares one statement per SQL text and reuses it with other parameters', async () => {
    const { db, cache, ids } = await seeded();
    const before = cache.size;
    for (const id of ids) expect(cache.first(db.selectFrom('tasks').select('id').where('id', '=', id))).toEqual({ id });
    expect(cache.size).toBe(before + 1);
  });

  it('finalizes every statement when the session closes', async () => {
    const { db, cache, ids } = await seeded();
    const byId = db.selectFrom('tasks').selectAll().where('id', '=', ids[0] ?? '');
    cache.first(byId);
    expect(preparedTexts()).toContain(byId.compile().sql);
    database?.host.close();
    database = null;
    expect(cache.size).toBe(0);
  });

  it('leaves no statement prepared when cleared, and prepares again on the next read', async () => {
    const { db, cache, ids } = await seeded();
    const byId = db.selectFrom('tasks').select('title').where('id', '=', ids[0] ?? '');
    cache.first(byId);
    expect(preparedTexts()).toContain(byId.compile().sql);
    cache.clear();
    expect(preparedTexts()).not.toContain(byId.compile().sql);
    expect(cache.first(byId)).toEqual({ title: 'Task 0' });
  });

  it('keeps at most its capacity, finalizing the least recently used', async () => {
    const { db } = await seeded();
    const { raw } = database?.host.session ?? expect.fail('open');
    const small = new StatementCache(database?.host.session.sqlite3 ?? expect.fail('open'), raw, 2);
    for (const column of ['id', 'title', 'status', 'id'] as const) small.all(db.selectFrom('tasks').select(column));
    expect(small.size).toBe(2);
    small.clear();
  });

  it('throws SQLite errors that still become typed errors, and drops the failed statement', async () => {
    const { db, cache } = await seeded();
    const before = cache.size;
    const broken = db.selectFrom('tasks').select((eb) => eb.fn<number>('abs', [eb.val('x'), eb.val('y')]).as('bad'));
    let thrown: unknown = null;
    try {
      cache.all(broken);
    } catch (error) {
      thrown = error;
    }
    expect(toRpcError(thrown)).toMatchObject({ code: 'internal', message: expect.stringMatching(/refused this/) as unknown });
    // A runtime failure while stepping: abs() of the smallest integer overflows.
    const overflow = db.selectFrom('tasks').select((eb) => eb.fn<number>('abs', [eb.val(-9223372036854775808n)]).as('bad'));
    expect(() => cache.all(overflow)).toThrow(/integer overflow/);
    expect(cache.size).toBe(before);
    expect(cache.all(db.selectFrom('tasks').select('id').where('title', '=', 'Task 0'))).toHaveLength(1);
  });
});

describe('StatementCache and a restore', () => {
  it('finalizes its statements before the live database is replaced, and reads the new data after', async () => {
    const { db, cache, ids } = await seeded();
    const host = database?.host ?? expect.fail('open');
    const sqlite3 = await loadSqlite();
    const source = new sqlite3.oo1.DB(':memory:', 'c');
    try {
      await runMigrations(createMigrationTarget(sqlite3, source), bundledMigrations);
      const byId = db.selectFrom('tasks').select('title').where('id', '=', ids[0] ?? '');
      expect(cache.first(byId)).toEqual({ title: 'Task 0' });
      await host.replaceWith(source);
      expect(cache.size).toBe(0);
      expect(cache.first(byId)).toBeUndefined();
    } finally {
      source.close();
    }
  });
});

describe('Kysely queries on the statement cache', () => {
  it('compiles a repeated write once, and a failed write does not break the next one with the same SQL', async () => {
    const { db } = await seeded();
    const insert = (id: string) => db.insertInto('tags').values({ id, name: `tag ${id}`, created_at: '2026-11-23T10:00:00.000Z' }).compile();
    const countPrepared = (sql: string) => preparedTexts().filter((text) => text === sql).length;
    await db.insertInto('tags').values({ id: 'a', name: 'tag a', created_at: '2026-11-23T10:00:00.000Z' }).execute();
    await db.insertInto('tags').values({ id: 'b', name: 'tag b', created_at: '2026-11-23T10:00:00.000Z' }).execute();
    expect(countPrepared(insert('c').sql)).toBe(1);
    // The same id again breaks the primary key: the error reaches the caller, the statement is dropped.
    await expect(db.insertInto('tags').values({ id: 'a', name: 'tag a again', created_at: '2026-11-23T10:00:00.000Z' }).execute()).rejects.toThrow(/UNIQUE|constraint/i);
    await db.insertInto('tags').values({ id: 'c', name: 'tag c', created_at: '2026-11-23T10:00:00.000Z' }).execute();
    const names = await db.selectFrom('tags').select('name').where('id', 'in', ['a', 'b', 'c']).orderBy('id').execute();
    expect(names.map((row) => row.name)).toEqual(['tag a', 'tag b', 'tag c']);
    expect(countPrepared(insert('d').sql)).toBe(1);
  });

  it('answers the same rows as a fresh statement after the schema changed under a kept one', async () => {
    const { db, ids } = await seeded();
    const titles = () => db.selectFrom('tasks').select('title').where('id', '=', ids[0] ?? '').execute();
    expect(await titles()).toEqual([{ title: 'Task 0' }]);
    database?.host.session.raw.exec('CREATE INDEX probe_tasks_title ON tasks (title)');
    expect(await titles()).toEqual([{ title: 'Task 0' }]);
  });
});

describe('StatementCache check-out', () => {
  it('keeps one statement per SQL text when the same SQL was checked out twice at once', async () => {
    const { cache } = await seeded();
    const sql = 'SELECT count(*) FROM tasks';
    const countPrepared = () => preparedTexts().filter((text) => text === sql).length;
    const first = cache.checkOut(sql);
    const second = cache.checkOut(sql);
    expect(countPrepared()).toBe(2);
    cache.checkIn(sql, first);
    cache.checkIn(sql, second);
    expect(countPrepared()).toBe(1);
    const again = cache.checkOut(sql);
    expect(again.step()).toBe(true);
    expect(again.get(0)).toBe(4);
    cache.checkIn(sql, again);
  });
});
