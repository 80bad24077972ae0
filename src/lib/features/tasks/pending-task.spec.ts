import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { keepUnchanged, pendingTask, settle, TaskCreateInput, type Task } from './tasks';

let client: RpcClient;
let close: () => void;

beforeEach(async () => {
  ({ client, close } = await openTestClient());
});

afterEach(() => close());

describe('pendingTask', () => {
  it('shows what the worker will store, apart from the id and the timestamps', async () => {
    const drafts = [
      { title: '  Plan the week ', focusDate: '2026-11-23' },
      { title: 'Review', priority: 'high' as const, estimatedMinutes: 45, description: 'notes', focusDate: '2026-11-23', dueDate: '2026-11-30' }
    ];
    for (const draft of drafts) {
      const input = v.parse(TaskCreateInput, draft);
      const stored = expectOk(await client.call('tasks.create', draft));
      const shown = pendingTask(input, 'pending-1', new Date('2026-11-23T09:00:00.000Z'));
      const withoutKeys = ({ id: _id, createdAt: _created, updatedAt: _updated, ...rest }: typeof stored) => rest;
      expect(withoutKeys(shown)).toEqual(withoutKeys(stored));
      expect(Object.keys(shown).sort()).toEqual(Object.keys(stored).sort());
    }
  });
});

describe('settle', () => {
  const task = (id: string): Task => pendingTask(v.parse(TaskCreateInput, { title: id, focusDate: '2026-11-23' }), id, new Date(0));
  const ids = (tasks: readonly Task[]) => tasks.map((shown) => shown.id);

  it('puts the stored task where the provisional one was', () => {
    expect(ids(settle([task('a'), task('pending-1'), task('b')], 'pending-1', task('stored')))).toEqual(['a', 'stored', 'b']);
  });

  it('keeps the place a reload gave the stored task and drops the provisional one', () => {
    expect(ids(settle([task('stored'), task('a'), task('pending-1')], 'pending-1', task('stored')))).toEqual(['stored', 'a']);
    expect(ids(settle([task('stored'), task('a')], 'pending-1', task('stored')))).toEqual(['stored', 'a']);
  });

  it('adds the stored task when a reload took the provisional one out before it was stored', () => {
    expect(ids(settle([task('a')], 'pending-1', task('stored')))).toEqual(['a', 'stored']);
  });
});

describe('keepUnchanged', () => {
  const task = (id: string, title = id): Task => pendingTask(v.parse(TaskCreateInput, { title, focusDate: '2026-11-23' }), id, new Date(0));

  it('answers the list already shown when a reload brings the same rows, as fresh copies', () => {
    const shown = [task('a'), task('b')];
    expect(keepUnchanged(shown, [task('a'), task('b')])).toBe(shown);
  });

  it('keeps the shown object of each unchanged row and takes the new one of each changed, added or moved row', () => {
    const [a, b, c] = [task('a'), task('b'), task('c')];
    const renamed = task('b', 'b, renamed');
    const added = task('d');
    const next = keepUnchanged([a, b, c], [task('c'), renamed, task('a'), added]);
    expect(next[0]).toBe(c);
    expect(next[1]).toBe(renamed);
    expect(next[2]).toBe(a);
    expect(next[3]).toBe(added);
    expect(next.map((row) => row.title)).toEqual(['c', 'b, renamed', 'a', 'd']);
  });

  it('answers a new list when a row was taken out, even if the rest are kept', () => {
    const [a, b] = [task('a'), task('b')];
    const next = keepUnchanged([a, b], [task('a')]);
    expect(next).toEqual([a]);
    expect(next[0]).toBe(a);
  });
});
