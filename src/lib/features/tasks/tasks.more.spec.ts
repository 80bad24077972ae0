import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;
let clock = new Date('2026-11-23T09:00:00.000Z');

beforeEach(async () => {
  clock = new Date('2026-11-23T09:00:00.000Z');
  ({ client, database, close } = await openTestClient({ now: () => clock }));
});

afterEach(() => close());

const minutesLater = (minutes: number) => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

describe('task links, subtasks and lists', () => {
  it('links a task to a project and a person, and lists by them', async () => {
    const project = expectOk(await client.call('projects.create', { name: 'Daybook', classification: 'work' }));
    const ana = expectOk(await client.call('people.create', { name: 'Ana' }));
    const linked = expectOk(
      await client.call('tasks.create', { title: 'Write schema docs', focusDate: '2026-11-23', projectId: project.id, assigneeId: ana.id })
    );
    expectOk(await client.call('tasks.create', { title: 'Unrelated', focusDate: '2026-11-23' }));
    expect(linked).toMatchObject({ projectId: project.id, assigneeId: ana.id });
    const byProject = expectOk(await client.call('tasks.list', { projectId: project.id }));
    expect(byProject.items.map((task) => task.title)).toEqual(['Write schema docs']);
    const byPerson = expectOk(await client.call('tasks.list', { assigneeId: ana.id, status: 'todo' }));
    expect(byPerson.items.map((task) => task.id)).toEqual([linked.id]);
  });

  it('refuses a link to something that does not exist, writing nothing', async () => {
    const answer = await client.call('tasks.create', { title: 'Orphan', focusDate: '2026-11-23', projectId: 'no-such-project' });
    expect(answer.ok === false && answer.error.code).toBe('constraint');
    expect(expectOk(await client.call('tasks.list', {})).items).toEqual([]);
  });

  it('keeps subtasks under their parent and deletes them with it when purged', async () => {
    const parent = expectOk(await client.call('tasks.create', { title: 'Launch', focusDate: '2026-11-23' }));
    const child = expectOk(await client.call('tasks.create', { title: 'Announce', focusDate: '2026-11-23', parentId: parent.id }));
    expect(expectOk(await client.call('tasks.list', { parentId: parent.id })).items.map((task) => task.id)).toEqual([child.id]);
    expectOk(await client.call('tasks.delete', { id: parent.id }));
    expectOk(await client.call('trash.purge', { kind: 'task', id: parent.id }));
    expect(await client.call('tasks.get', { id: child.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('records every status change in the history by itself', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Track me', focusDate: '2026-11-23' }));
    expectOk(await client.call('tasks.setStatus', { id: task.id, status: 'in_progress' }));
    expectOk(await client.call('tasks.setStatus', { id: task.id, status: 'done' }));
    const history = expectOk(await client.call('tasks.statusHistory', { id: task.id }));
    expect(history.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      [null, 'todo'],
      ['todo', 'in_progress'],
      ['in_progress', 'done']
    ]);
  });

  it('keeps the order of changes made in the same millisecond, whatever their random ids', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Imported as done', focusDate: '2026-11-23' }));
    const { raw } = database.host.session;
    // As an import writes them: made, then marked done, both within one millisecond.
    raw.exec('DELETE FROM task_status_history WHERE task_id = ?', { bind: [task.id] });
    const at = '2026-11-23T09:00:00.000Z';
    for (const [id, from, to] of [['ffffffff-0000-7000-8000-000000000000', null, 'todo'], ['00000000-0000-7000-8000-000000000000', 'todo', 'done'], ['88888888-0000-7000-8000-000000000000', 'done', 'todo']]) {
      raw.exec('INSERT INTO task_status_history (id, task_id, from_status, to_status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', { bind: [id, task.id, from, to, at, at] });
    }
    const history = expectOk(await client.call('tasks.statusHistory', { id: task.id }));
    expect(history.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      [null, 'todo'],
      ['todo', 'done'],
      ['done', 'todo']
    ]);
  });
});

describe('time entries', () => {
  it('adds up finished timers and manual entries into the actual minutes', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Deep work', focusDate: '2026-11-23' }));
    expectOk(await client.call('tasks.startTimer', { id: task.id }));
    minutesLater(25);
    expectOk(await client.call('tasks.stopTimer', { id: task.id }));
    expectOk(
      await client.call('tasks.addTimeEntry', { id: task.id, startedAt: '2026-11-23T13:00:00Z', endedAt: '2026-11-23T13:50:00Z' })
    );
    const { entries, actualMinutes } = expectOk(await client.call('tasks.timeEntries', { id: task.id }));
    expect(entries).toHaveLength(2);
    expect(actualMinutes).toBe(75);
  });

  it('refuses a second running timer and a stop with none running', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Focus', focusDate: '2026-11-23' }));
    expectOk(await client.call('tasks.startTimer', { id: task.id }));
    expect(await client.call('tasks.startTimer', { id: task.id })).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'A timer is already running for this task.' }
    });
    minutesLater(5);
    expectOk(await client.call('tasks.stopTimer', { id: task.id }));
    expect(await client.call('tasks.stopTimer', { id: task.id })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('refuses an entry that ends before it starts, naming the rule', async () => {
    const task = expectOk(await client.call('tasks.create', { title: 'Backwards', focusDate: '2026-11-23' }));
    const answer = await client.call('tasks.addTimeEntry', { id: task.id, startedAt: '2026-11-23T10:00:00Z', endedAt: '2026-11-23T09:00:00Z' });
    expect(answer).toEqual({ ok: false, error: { code: 'validation', message: 'A time entry must end after it starts.', field: 'endedAt' } });
  });
});
