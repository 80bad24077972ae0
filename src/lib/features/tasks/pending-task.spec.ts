import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import { pendingTask, TaskCreateInput } from './tasks';

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
