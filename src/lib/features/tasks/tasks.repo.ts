import { sql, type Kysely, type Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { RpcFailure } from '../../rpc/result';
import { camelizeRow, toColumns } from '../../db/entities/case';
import { readAll, readFirst } from '../../db/statement-cache';
import type { Tables, TasksTable } from '../../db/schema/tables';
import type { Task, TaskCreate, TaskStatus, TaskUpdate } from './tasks';

type TaskRow = Selectable<TasksTable>;

/** Open work first, then by priority, then oldest first; finished work sinks to the bottom. The index tasks_unfinished (migration 0013) repeats these expressions: change both together. */
const TODAY_ORDER = sql`(status IN ('done', 'cancelled')),
  CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,
  CASE status WHEN 'in_progress' THEN 0 ELSE 1 END,
  created_at`;

const UNFINISHED = sql<boolean>`status IN ('todo', 'in_progress')`;

/** Worker-side access to `tasks`. Every read skips trashed rows. */
export class TasksRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  async listForDay(date: string): Promise<Task[]> {
    const query = this.db.selectFrom('tasks').selectAll().where('focus_date', '=', date).where('deleted_at', 'is', null).orderBy(TODAY_ORDER);
    return (await readAll(this.db, query)).map(toTask);
  }

  /** Unfinished tasks planned for a day before `date`: what today's list offers to carry over. */
  async listUnfinishedBefore(date: string, limit = 50): Promise<Task[]> {
    const query = this.db
      .selectFrom('tasks')
      .selectAll()
      .where('focus_date', '<', date)
      .where('deleted_at', 'is', null)
      // Written out, not bound: SQLite uses the partial index tasks_unfinished (0013) only when it sees its WHERE.
      .where(UNFINISHED)
      .orderBy('focus_date', 'desc')
      .orderBy(TODAY_ORDER)
      .limit(limit);
    return (await readAll(this.db, query)).map(toTask);
  }

  async get(id: string): Promise<Task> {
    const query = this.db.selectFrom('tasks').selectAll().where('id', '=', id).where('deleted_at', 'is', null);
    const row = await readFirst(this.db, query);
    if (!row) throw new RpcFailure('not_found', 'This task no longer exists.');
    return toTask(row);
  }

  async create(input: TaskCreate): Promise<Task> {
    const row = await this.db
      .insertInto('tasks')
      .values({
        id: uuidv7(),
        title: input.title,
        description: input.description,
        priority: input.priority,
        estimated_minutes: input.estimatedMinutes,
        focus_date: input.focusDate,
        due_date: input.dueDate,
        parent_id: input.parentId,
        goal_id: input.goalId,
        project_id: input.projectId,
        organization_id: input.organizationId,
        assignee_id: input.assigneeId
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTask(row);
  }

  async update({ id, ...patch }: TaskUpdate): Promise<Task> {
    const changes = toColumns(patch) as Partial<Omit<TaskRow, 'id'>>;
    if (Object.keys(changes).length === 0) return this.get(id);
    return this.#updateLive(id, changes);
  }

  async setStatus(id: string, status: TaskStatus, now: Date): Promise<Task> {
    const completedAt = status === 'done' ? now.toISOString() : null;
    return this.#updateLive(id, { status, completed_at: completedAt });
  }

  /** Moves a task to the trash; `restore` brings it back. */
  async trash(id: string, now: Date): Promise<{ id: string }> {
    await this.#updateLive(id, { deleted_at: now.toISOString() });
    return { id };
  }

  async restore(id: string): Promise<Task> {
    const result = await this.db
      .updateTable('tasks')
      .set({ deleted_at: null })
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new RpcFailure('not_found', 'There is no task in the trash with this id.');
    return this.#read(id);
  }

  /** Updates a live task; the answer is read back because RETURNING would miss the trigger's updated_at. */
  async #updateLive(id: string, changes: Partial<Omit<TaskRow, 'id'>>): Promise<Task> {
    const result = await this.db
      .updateTable('tasks')
      .set(changes)
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new RpcFailure('not_found', 'This task no longer exists.');
    return this.#read(id);
  }

  async #read(id: string): Promise<Task> {
    const row = await readFirst(this.db, this.db.selectFrom('tasks').selectAll().where('id', '=', id));
    if (!row) throw new RpcFailure('not_found', 'This task no longer exists.');
    return toTask(row);
  }
}

function toTask(row: TaskRow): Task {
  return camelizeRow(row);
}
