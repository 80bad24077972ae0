import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { camelizeRow, type Camelize } from '../../db/entities/case';
import type { Tables } from '../../db/schema/tables';
import type { Selectable } from 'kysely';
import type { TimeEntriesTable, TaskStatusHistoryTable } from '../../db/schema/model-tables';
import { RpcFailure } from '../../rpc/result';

export type TimeEntry = Camelize<Selectable<TimeEntriesTable>>;
export type TaskStatusChange = Camelize<Selectable<TaskStatusHistoryTable>>;

/** Timers and time entries of tasks; a task's actual time is the sum of its finished entries. */
export class TimeEntriesRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  async start(taskId: string, now: Date): Promise<TimeEntry> {
    await this.#requireLiveTask(taskId);
    const running = await this.db.selectFrom('time_entries').select('id').where('task_id', '=', taskId).where('ended_at', 'is', null).executeTakeFirst();
    if (running) throw new RpcFailure('conflict', 'A timer is already running for this task.');
    const id = uuidv7();
    await this.db.insertInto('time_entries').values({ id, task_id: taskId, started_at: now.toISOString() }).execute();
    return this.#read(id);
  }

  async stop(taskId: string, now: Date): Promise<TimeEntry> {
    const running = await this.db.selectFrom('time_entries').select('id').where('task_id', '=', taskId).where('ended_at', 'is', null).executeTakeFirst();
    if (!running) throw new RpcFailure('not_found', 'No timer is running for this task.');
    await this.db.updateTable('time_entries').set({ ended_at: now.toISOString() }).where('id', '=', running.id).execute();
    return this.#read(running.id);
  }

  /** Adds a finished stretch of time after the fact. */
  async add(taskId: string, entry: { startedAt: string; endedAt: string; note: string }): Promise<TimeEntry> {
    await this.#requireLiveTask(taskId);
    const id = uuidv7();
    await this.db
      .insertInto('time_entries')
      .values({ id, task_id: taskId, started_at: entry.startedAt, ended_at: entry.endedAt, note: entry.note })
      .execute();
    return this.#read(id);
  }

  async remove(entryId: string): Promise<{ id: string }> {
    const result = await this.db.deleteFrom('time_entries').where('id', '=', entryId).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new RpcFailure('not_found', 'This time entry no longer exists.');
    return { id: entryId };
  }

  async forTask(taskId: string): Promise<{ entries: TimeEntry[]; actualMinutes: number }> {
    const entries = await this.db.selectFrom('time_entries').selectAll().where('task_id', '=', taskId).orderBy('started_at').execute();
    const total = await this.db
      .selectFrom('task_actual_minutes')
      .select(sql<number>`actual_minutes`.as('minutes'))
      .where('task_id', '=', taskId)
      .executeTakeFirst();
    return { entries: entries.map((entry) => camelizeRow(entry)), actualMinutes: total?.minutes ?? 0 };
  }

  async statusHistory(taskId: string): Promise<TaskStatusChange[]> {
    // Two changes in one millisecond (an import makes a task, then marks it done) have the same
    // created_at, and ids random within it: the first change (from nothing) first, then the order written.
    const rows = await this.db
      .selectFrom('task_status_history')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('created_at')
      .orderBy(sql`from_status IS NOT NULL`)
      .orderBy(sql`rowid`)
      .execute();
    return rows.map((row) => camelizeRow(row));
  }

  async #requireLiveTask(taskId: string): Promise<void> {
    const task = await this.db.selectFrom('tasks').select('id').where('id', '=', taskId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!task) throw new RpcFailure('not_found', 'This task no longer exists.');
  }

  async #read(id: string): Promise<TimeEntry> {
    return camelizeRow(await this.db.selectFrom('time_entries').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
  }
}
