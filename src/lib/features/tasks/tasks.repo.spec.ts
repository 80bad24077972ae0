import { afterEach, describe, expect, it } from 'vitest';
import { toRpcError } from '../../db/sqlite-errors';
import { openTestDatabase, planOfFirstQuery, type TestDatabase } from '../../db/testing';
import type { TaskCreate, TaskPriority } from './tasks';
import { TasksRepository } from './tasks.repo';

const TODAY = '2026-11-23';
let database: TestDatabase | null = null;

async function repository(): Promise<TasksRepository> {
  database = await openTestDatabase();
  return new TasksRepository(database.context.db);
}

function draft(title: string, extra: Partial<TaskCreate> = {}): TaskCreate {
  return {
    title,
    description: '',
    priority: 'medium',
    estimatedMinutes: null,
    focusDate: TODAY,
    dueDate: null,
    parentId: null,
    goalId: null,
    projectId: null,
    organizationId: null,
    assigneeId: null,
    ...extra
  };
}

afterEach(() => {
  database?.host.close();
  database = null;
});

describe('TasksRepository', () => {
  it("lists a day's tasks: open by priority, finished last, other days and trash left out", async () => {
    const tasks = await repository();
    const low = await tasks.create(draft('Low', { priority: 'low' }));
    const high = await tasks.create(draft('High', { priority: 'high' }));
    const done = await tasks.create(draft('Done high', { priority: 'high' }));
    const medium = await tasks.create(draft('Medium'));
    const trashed = await tasks.create(draft('Trashed'));
    await tasks.create(draft('Tomorrow', { focusDate: '2026-11-24' }));
    await tasks.setStatus(done.id, 'done', new Date());
    await tasks.trash(trashed.id, new Date());

    const titles = (await tasks.listForDay(TODAY)).map((task) => task.title);
    expect(titles).toEqual([high.title, medium.title, low.title, 'Done high']);
  });

  it('records when a task was done and clears it when reopened', async () => {
    const tasks = await repository();
    const task = await tasks.create(draft('Ship it'));
    const finished = await tasks.setStatus(task.id, 'done', new Date('2026-11-23T10:00:00.000Z'));
    expect(finished).toMatchObject({ status: 'done', completedAt: '2026-11-23T10:00:00.000Z' });
    const reopened = await tasks.setStatus(task.id, 'todo', new Date());
    expect(reopened).toMatchObject({ status: 'todo', completedAt: null });
  });

  it('edits only the given fields and lets the database move updated_at', async () => {
    const tasks = await repository();
    const task = await tasks.create(draft('Draft', { estimatedMinutes: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 5));
    const edited = await tasks.update({ id: task.id, title: 'Final', priority: 'high' });
    expect(edited).toMatchObject({ title: 'Final', priority: 'high', estimatedMinutes: 30 });
    expect(edited.updatedAt > task.updatedAt).toBe(true);
  });

  it('moves a task to the trash and restores it unchanged', async () => {
    const tasks = await repository();
    const task = await tasks.create(draft('Keep me'));
    await tasks.trash(task.id, new Date());
    expect(await tasks.listForDay(TODAY)).toEqual([]);
    await expect(tasks.get(task.id)).rejects.toThrow('This task no longer exists.');
    const restored = await tasks.restore(task.id);
    expect(restored).toMatchObject({ id: task.id, title: 'Keep me' });
    expect((await tasks.listForDay(TODAY)).map((t) => t.id)).toEqual([task.id]);
  });

  it('offers unfinished tasks of earlier days to carry over', async () => {
    const tasks = await repository();
    const open = await tasks.create(draft('Left over', { focusDate: '2026-11-20' }));
    const finished = await tasks.create(draft('Finished', { focusDate: '2026-11-20' }));
    await tasks.setStatus(finished.id, 'done', new Date());
    await tasks.create(draft('Today'));
    expect((await tasks.listUnfinishedBefore(TODAY)).map((task) => task.id)).toEqual([open.id]);
  });

  it('lists unfinished tasks newest day first, each day in Today’s order, leaving out finished, cancelled and trashed ones', async () => {
    const tasks = await repository();
    const olderLow = await tasks.create(draft('Older, low', { focusDate: '2026-11-18', priority: 'low' }));
    const olderHigh = await tasks.create(draft('Older, high', { focusDate: '2026-11-18', priority: 'high' }));
    const recentTodo = await tasks.create(draft('Recent, to do', { focusDate: '2026-11-21' }));
    const recentStarted = await tasks.create(draft('Recent, started', { focusDate: '2026-11-21' }));
    await tasks.setStatus(recentStarted.id, 'in_progress', new Date());
    const cancelled = await tasks.create(draft('Cancelled', { focusDate: '2026-11-21' }));
    await tasks.setStatus(cancelled.id, 'cancelled', new Date());
    const trashed = await tasks.create(draft('Trashed', { focusDate: '2026-11-21' }));
    await tasks.trash(trashed.id, new Date());

    const ids = (await tasks.listUnfinishedBefore(TODAY)).map((task) => task.id);
    expect(ids).toEqual([recentStarted.id, recentTodo.id, olderHigh.id, olderLow.id]);
  });

  it('reads unfinished tasks from their own index, in order, with no sort (migration 0013)', async () => {
    await repository();
    const { db } = (database as TestDatabase).context;
    const plan = await planOfFirstQuery(db, (captured) => new TasksRepository(captured).listUnfinishedBefore(TODAY));
    const details = plan.join('\n');
    expect(details).toContain('USING INDEX tasks_unfinished');
    expect(details).not.toContain('TEMP B-TREE');
  });

  it('is guarded by the schema too: a wrong priority is refused with a readable error', async () => {
    const tasks = await repository();
    const wrong = draft('Bad', { priority: 'urgent' as TaskPriority });
    const error = await tasks.create(wrong).then(
      () => null,
      (thrown: unknown) => toRpcError(thrown)
    );
    expect(error).toMatchObject({ code: 'validation', field: 'priority' });
    expect(await tasks.listForDay(TODAY)).toEqual([]);
  });

  it('refuses a done task without a completion time (a rule in the schema)', async () => {
    const tasks = await repository();
    const task = await tasks.create(draft('Half done'));
    const db = database?.context.db;
    if (!db) throw new Error('no database');
    const error = await db
      .updateTable('tasks')
      .set({ status: 'done' })
      .where('id', '=', task.id)
      .execute()
      .then(
        () => null,
        (thrown: unknown) => toRpcError(thrown)
      );
    expect(error?.code).toBe('validation');
  });
});
