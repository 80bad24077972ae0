import * as v from 'valibot';
import { EntityRepository, type ListQuery } from '../../db/entities/entity-repository';
import { listSchema } from '../../db/entities/entity';
import { command } from '../../rpc/command';
import type { CommandContext } from '../../db/command-context';
import { entityId, optionalText, timestamp } from '../../validation/fields';
import { taskEntity } from './task-entity';
import { TaskCreateInput, TaskDayInput, TaskIdInput, TaskStatusInput, TaskUpdateInput } from './tasks';
import { TasksRepository } from './tasks.repo';
import { TimeEntriesRepository } from './time-entries.repo';

const repo = (context: CommandContext) => new TasksRepository(context.db);
const timers = (context: CommandContext) => new TimeEntriesRepository(context.db);

const ManualEntryInput = v.object({
  id: entityId,
  startedAt: timestamp('Start'),
  endedAt: timestamp('End'),
  note: v.optional(optionalText('Note', 2000), '')
});

/** The tasks part of the worker contract. */
export const tasksCommands = {
  'tasks.listForDay': command({ input: TaskDayInput, write: false, run: (c, { date }) => repo(c).listForDay(date) }),
  'tasks.listUnfinishedBefore': command({
    input: TaskDayInput,
    write: false,
    run: (c, { date }) => repo(c).listUnfinishedBefore(date)
  }),
  /** Any slice of tasks: by focus-day range, status, project, goal, person, parent, tag; a page at a time. */
  'tasks.list': command({
    input: listSchema(taskEntity.filters),
    write: false,
    run: (c, query) => new EntityRepository(c.db, taskEntity).list(query as ListQuery)
  }),
  'tasks.get': command({ input: TaskIdInput, write: false, run: (c, { id }) => repo(c).get(id) }),
  'tasks.create': command({ input: TaskCreateInput, write: true, run: (c, input) => repo(c).create(input) }),
  'tasks.update': command({ input: TaskUpdateInput, write: true, run: (c, input) => repo(c).update(input) }),
  'tasks.setStatus': command({
    input: TaskStatusInput,
    write: true,
    run: (c, { id, status }) => repo(c).setStatus(id, status, c.now())
  }),
  'tasks.delete': command({ input: TaskIdInput, write: true, run: (c, { id }) => repo(c).trash(id, c.now()) }),
  'tasks.restore': command({ input: TaskIdInput, write: true, run: (c, { id }) => repo(c).restore(id) }),
  'tasks.statusHistory': command({ input: TaskIdInput, write: false, run: (c, { id }) => timers(c).statusHistory(id) }),
  'tasks.startTimer': command({ input: TaskIdInput, write: true, run: (c, { id }) => timers(c).start(id, c.now()) }),
  'tasks.stopTimer': command({ input: TaskIdInput, write: true, run: (c, { id }) => timers(c).stop(id, c.now()) }),
  'tasks.addTimeEntry': command({
    input: ManualEntryInput,
    write: true,
    run: (c, { id, ...entry }) => timers(c).add(id, entry)
  }),
  'tasks.deleteTimeEntry': command({ input: v.object({ entryId: entityId }), write: true, run: (c, { entryId }) => timers(c).remove(entryId) }),
  /** A task's time entries and its actual minutes (the sum of the finished ones). */
  'tasks.timeEntries': command({ input: TaskIdInput, write: false, run: (c, { id }) => timers(c).forTask(id) })
};
