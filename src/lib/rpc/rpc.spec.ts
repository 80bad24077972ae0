import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { openTestClient, openTestDatabase } from '../db/testing';
import { command } from './command';
import { RpcFailure } from './result';
import { createRpcServer } from './server';
import { RpcClient } from './client';
import type { FromWorker, WorkerEvent } from './contract';
import type { Endpoint } from './endpoint';

const TODAY = '2026-11-23';
const closers: (() => void)[] = [];

async function connected(): Promise<{ client: RpcClient; events: WorkerEvent[] }> {
  const { client, events, close } = await openTestClient();
  closers.push(close);
  return { client, events };
}

afterEach(() => {
  while (closers.length > 0) closers.pop()?.();
});

describe('the typed message layer', () => {
  it('answers a valid call with its typed value', async () => {
    const { client } = await connected();
    const created = await client.call('tasks.create', { title: '  Write the plan  ', focusDate: TODAY });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value).toMatchObject({ title: 'Write the plan', priority: 'medium', status: 'todo', focusDate: TODAY });
    const listed = await client.call('tasks.listForDay', { date: TODAY });
    expect(listed.ok && listed.value.map((task) => task.id)).toEqual([created.value.id]);
  });

  it('refuses invalid input with a validation error that names the field, and writes nothing', async () => {
    const { client } = await connected();
    const answer = await client.call('tasks.create', { title: '   ', focusDate: TODAY });
    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: 'Title is required.', field: 'title' } });
    const estimate = await client.call('tasks.create', { title: 'x', focusDate: TODAY, estimatedMinutes: -5 });
    expect(estimate.ok === false && estimate.error.field).toBe('estimatedMinutes');
    const day = await client.call('tasks.create', { title: 'x', focusDate: '2026-02-30' });
    expect(day.ok === false && day.error.message).toBe('Focus day must be a real calendar day.');
    // @ts-expect-error: a required key left out, as a script calling the worker might.
    const missing = await client.call('tasks.create', { title: 'x' });
    expect(missing).toEqual({ ok: false, error: { code: 'validation', message: 'Focus date is required.', field: 'focusDate' } });
    const listed = await client.call('tasks.listForDay', { date: TODAY });
    expect(listed.ok && listed.value).toEqual([]);
  });

  it('answers an unknown command with a typed error instead of throwing', async () => {
    const { client } = await connected();
    // @ts-expect-error: a wrong name is a compile error; this checks the worker's own guard.
    const answer = await client.call('tasks.explode', {});
    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: 'Unknown command "tasks.explode".' } });
  });

  it('announces the tables a write changed, after it commits', async () => {
    const { client, events } = await connected();
    await client.call('tasks.create', { title: 'Announce me', focusDate: TODAY });
    await client.call('tasks.listForDay', { date: TODAY });
    expect(events).toEqual([{ type: 'changed', tables: ['task_status_history', 'tasks'] }]);
  });

  it('maps a not-found update to a not_found error', async () => {
    const { client } = await connected();
    const answer = await client.call('tasks.update', { id: 'missing', title: 'New' });
    expect(answer).toEqual({ ok: false, error: { code: 'not_found', message: 'This task no longer exists.' } });
  });
});

describe('announcements', () => {
  it('announces what a command that writes no table says it changed, once it has succeeded', async () => {
    const database = await openTestDatabase();
    closers.push(() => database.host.close());
    const commands = {
      kept: command({
        input: v.picklist(['keep', 'fail']),
        write: false,
        announces: ['#snapshots'],
        run: (_context, input) => {
          if (input === 'fail') throw new RpcFailure('not_found', 'This snapshot no longer exists.');
          return true;
        }
      })
    };
    const posted: FromWorker[] = [];
    const connection = createRpcServer({ commands, context: database.context }).connect((message) => posted.push(message));
    await connection.handle({ kind: 'call', id: 1, name: 'kept', input: 'fail' });
    await connection.handle({ kind: 'call', id: 2, name: 'kept', input: 'keep' });
    expect(posted.filter((message) => message.kind === 'event')).toEqual([{ kind: 'event', event: { type: 'changed', tables: ['#snapshots'] } }]);
  });
});

describe('large answers', () => {
  it('hands the page the whole database file as a Blob and keeps answering', async () => {
    const { client } = await connected();
    await client.call('tasks.create', { title: 'In the file', focusDate: TODAY });
    const answer = await client.call('system.exportDatabase', undefined);
    expect(answer.ok).toBe(true);
    if (!answer.ok) return;
    expect(answer.value.type).toBe('application/vnd.sqlite3');
    expect(await answer.value.slice(0, 15).text()).toBe('SQLite format 3');
    const listed = await client.call('tasks.listForDay', { date: TODAY });
    expect(listed.ok && listed.value.map((task) => task.title)).toEqual(['In the file']);
  });
});

describe('when the worker dies', () => {
  it('answers every call in flight and every later call with "unavailable" instead of hanging', async () => {
    // A real worker thread that exits as soon as it receives a call, answering nothing.
    const worker = new Worker("require('node:worker_threads').parentPort.on('message', () => process.exit(1));", { eval: true });
    const endpoint: Endpoint = {
      postMessage: (message) => worker.postMessage(message),
      listen(onMessage, onDeath) {
        worker.on('message', (message: FromWorker) => onMessage(message));
        worker.on('exit', (code) => onDeath(`The database worker stopped (exit code ${code}).`));
        return () => worker.removeAllListeners();
      }
    };
    const client = new RpcClient(endpoint);
    const inFlight = [client.call('tasks.listForDay', { date: TODAY }), client.call('system.status', undefined)];
    const answers = await Promise.all(inFlight);
    for (const answer of answers) {
      expect(answer).toEqual({ ok: false, error: { code: 'unavailable', message: 'The database worker stopped (exit code 1).' } });
    }
    expect(client.isAlive).toBe(false);
    const later = await client.call('system.status', undefined);
    expect(later.ok).toBe(false);
  });
});
