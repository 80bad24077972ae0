import * as v from 'valibot';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../rpc/result';
import { pendingTask, TaskCreateInput, type Task } from './tasks';

/** The worker's answer to the next tasks.create, released by the test. */
let answer: ((result: Result<Task>) => void) | null = null;

vi.mock('../../app/database.svelte', () => ({
  database: {
    call: (name: string) => (name === 'tasks.create' ? new Promise<Result<Task>>((resolve) => (answer = resolve)) : Promise.resolve({ ok: true, value: [] })),
    onTablesChanged: () => () => undefined
  }
}));

const { TodayTasks } = await import('./tasks.state.svelte');

function storedTask(title: string): Task {
  return { ...pendingTask(v.parse(TaskCreateInput, { title, focusDate: '2026-12-02' }), '01a2354b-e778-7090-81fd-668702f313fb', new Date(0)), id: 'stored-1' };
}

afterEach(() => {
  answer = null;
});

describe('TodayTasks.add', () => {
  it('shows a new task at once, marked pending, and then as the worker stored it', async () => {
    const today = new TodayTasks();
    const added = today.add({ title: 'Write the plan' });
    if (!('saved' in added)) throw new Error('refused');
    expect(today.tasks.map((task) => task.title)).toEqual(['Write the plan']);
    const [provisional] = today.tasks;
    expect(provisional && today.pending.has(provisional.id)).toBe(true);

    answer?.({ ok: true, value: storedTask('Write the plan') });
    expect(await added.saved).toBeNull();
    expect(today.tasks.map((task) => task.id)).toEqual(['stored-1']);
    expect(today.pending.size).toBe(0);
    // The row keeps the key it was drawn under, so it is updated in place rather than drawn again.
    const [stored] = today.tasks;
    expect(stored && today.keyOf(stored)).toBe(provisional?.id);
    expect(today.keyOf({ ...storedTask('Another'), id: 'other-1' })).toBe('other-1');
  });

  it('takes a shown task out again when the worker refuses it, and answers the reason', async () => {
    const today = new TodayTasks();
    const added = today.add({ title: 'Refused' });
    if (!('saved' in added)) throw new Error('refused');
    expect(today.tasks).toHaveLength(1);

    answer?.({ ok: false, error: { code: 'storage', message: 'The disk is full.' } });
    expect(await added.saved).toEqual({ code: 'storage', message: 'The disk is full.' });
    expect(today.tasks).toEqual([]);
    expect(today.pending.size).toBe(0);
  });

  it('refuses an empty title at once, with the contract’s message, and shows nothing', () => {
    const today = new TodayTasks();
    const added = today.add({ title: '   ' });
    expect('refused' in added && added.refused.field).toBe('title');
    expect(today.tasks).toEqual([]);
    expect(today.pending.size).toBe(0);
  });
});
