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
  afterEach(() => {
    vi.useRealTimers();
  });

  it('draws a task the worker stores within a frame once, as stored, never as pending', async () => {
    const today = new TodayTasks();
    const added = today.add({ title: 'Write the plan' });
    if (!('saved' in added)) throw new Error('refused');
    // Nothing is drawn before the answer (or the frame deadline).
    expect(today.tasks).toEqual([]);

    answer?.({ ok: true, value: storedTask('Write the plan') });
    await added.shown;
    expect(today.tasks.map((task) => task.id)).toEqual(['stored-1']);
    expect(today.pending.size).toBe(0);
    expect(await added.saved).toBeNull();
    const [stored] = today.tasks;
    expect(stored && today.keyOf(stored)).toBe('stored-1');
  });

  it('shows a provisional row, marked pending, when the worker takes longer than a frame, and then the stored task in its place', async () => {
    vi.useFakeTimers();
    const today = new TodayTasks();
    const added = today.add({ title: 'Write the plan' });
    if (!('saved' in added)) throw new Error('refused');
    await vi.advanceTimersByTimeAsync(15);
    expect(today.tasks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await added.shown;
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

  it('takes a provisional row out again when the worker refuses the task, and answers the reason', async () => {
    vi.useFakeTimers();
    const today = new TodayTasks();
    const added = today.add({ title: 'Refused' });
    if (!('saved' in added)) throw new Error('refused');
    await vi.advanceTimersByTimeAsync(16);
    expect(today.tasks).toHaveLength(1);

    answer?.({ ok: false, error: { code: 'storage', message: 'The disk is full.' } });
    expect(await added.saved).toEqual({ code: 'storage', message: 'The disk is full.' });
    expect(today.tasks).toEqual([]);
    expect(today.pending.size).toBe(0);
  });

  it('never shows a task the worker refuses within a frame, and no row appears later', async () => {
    vi.useFakeTimers();
    const today = new TodayTasks();
    const added = today.add({ title: 'Refused' });
    if (!('saved' in added)) throw new Error('refused');
    answer?.({ ok: false, error: { code: 'storage', message: 'The disk is full.' } });
    expect(await added.saved).toEqual({ code: 'storage', message: 'The disk is full.' });
    await added.shown;
    await vi.advanceTimersByTimeAsync(100);
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
