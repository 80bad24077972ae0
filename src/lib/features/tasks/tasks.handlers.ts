import { command } from '../../rpc/command';
import type { CommandContext } from '../../db/command-context';
import { TaskCreateInput, TaskDayInput, TaskIdInput, TaskStatusInput, TaskUpdateInput } from './tasks';
import { TasksRepository } from './tasks.repo';

const repo = (context: CommandContext) => new TasksRepository(context.db);

/** The tasks part of the worker contract. */
export const tasksCommands = {
  'tasks.listForDay': command({ input: TaskDayInput, write: false, run: (c, { date }) => repo(c).listForDay(date) }),
  'tasks.listUnfinishedBefore': command({
    input: TaskDayInput,
    write: false,
    run: (c, { date }) => repo(c).listUnfinishedBefore(date)
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
  'tasks.restore': command({ input: TaskIdInput, write: true, run: (c, { id }) => repo(c).restore(id) })
};
