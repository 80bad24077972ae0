import { afterEach, describe, expect, it } from 'vitest';
import { createRpcServer, type RpcServer } from '../rpc/server';
import type { WorkerEvent } from '../rpc/contract';
import { commands } from './commands';
import { rehearseFirstWrites, type Rehearse } from './first-writes';
import { expectOk, openTestDatabase, type TestDatabase } from './testing';

const NOW = new Date(2026, 10, 23, 9, 30);
const TODAY = '2026-11-23';
let opened: TestDatabase | null = null;

afterEach(() => {
  opened?.host.close();
  opened = null;
});

/** A real server on a memory database, one connection whose answers and events are kept. */
async function serverWithAConnection() {
  const database = await openTestDatabase({ now: () => NOW });
  opened = database;
  const server: RpcServer = createRpcServer({ commands, context: database.context });
  const events: WorkerEvent[] = [];
  const answers: unknown[] = [];
  const connection = server.connect((message) => (message.kind === 'event' ? events.push(message.event) : answers.push(message)));
  const call = async (id: number, name: string, input: unknown) => {
    await connection.handle({ kind: 'call', id, name, input, key: `test:${id}` });
  };
  const rehearse = ((name, input) => server.rehearse(name, input)) as Rehearse;
  const count = (table: string) => Number(database.host.session.raw.selectValue(`SELECT count(*) FROM ${table}`));
  return { database, server, events, answers, call, rehearse, count };
}

describe('rehearsing the first writes', () => {
  it('leaves no row, no request-log entry and no announcement, and prepares what the real write needs', async () => {
    const { database, events, answers, call, rehearse, count } = await serverWithAConnection();
    // Written in SQL, not through the server, so no statement of the writes is prepared yet.
    database.host.session.raw.exec(`INSERT INTO tasks (id, title, focus_date) VALUES ('planned', 'Already planned', '${TODAY}')`);
    const counts = () => ['tasks', 'task_status_history', 'search_index_keys', '_request_log'].map(count);
    const before = counts();
    const [task] = expectOk(await rehearse('tasks.listForDay', { date: TODAY }));
    events.length = 0;
    answers.length = 0;

    await rehearseFirstWrites(rehearse, NOW);

    expect(counts()).toEqual(before);
    expect(expectOk(await rehearse('tasks.listForDay', { date: TODAY }))).toEqual([task]);
    expect(expectOk(await rehearse('search.query', { query: 'Rehearsal' }))).toEqual([]);
    expect(events).toEqual([]);
    expect(answers).toEqual([]);
    // The real write after it finds its statements prepared (each would otherwise be added now).
    const statements = database.host.session.statements;
    const prepared = statements.size;
    await call(2, 'tasks.create', { title: 'Written for real', focusDate: TODAY });
    await call(3, 'tasks.setStatus', { id: task?.id, status: 'done' });
    expect(statements.size).toBe(prepared);
    expect(count('tasks')).toBe(2);
  });

  it('runs in the queue, so a call that comes meanwhile is neither inside the rehearsal nor rolled back with it', async () => {
    const { events, call, rehearse, count } = await serverWithAConnection();
    const rehearsal = rehearse('tasks.create', { title: 'Rehearsal', focusDate: TODAY });
    const real = call(1, 'tasks.create', { title: 'Typed while the worker rehearsed', focusDate: TODAY });
    expect((await rehearsal).ok).toBe(true);
    await real;
    expect(count('tasks')).toBe(1);
    expect(events).toEqual([{ type: 'changed', tables: ['task_status_history', 'tasks'] }]);
  });

  it('answers a rehearsal that fails with its error and leaves the transaction closed', async () => {
    const { database, rehearse } = await serverWithAConnection();
    const missing = await rehearse('tasks.setStatus', { id: 'missing', status: 'done' });
    expect(missing).toEqual({ ok: false, error: { code: 'not_found', message: 'This task no longer exists.' } });
    expect(database.host.session.isAutocommit()).toBe(true);
  });
});
