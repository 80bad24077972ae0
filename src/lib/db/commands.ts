import { systemCommands } from '../features/system/system.handlers';
import { meetingsCommands } from '../features/meetings/meetings.handlers';
import { organizationsCommands } from '../features/organizations/organizations.handlers';
import { peopleCommands } from '../features/people/people.handlers';
import { projectsCommands } from '../features/projects/projects.handlers';
import { tasksCommands } from '../features/tasks/tasks.handlers';
import type { CommandMap } from '../rpc/command';

/** Every command the worker answers, composed from the features' maps. */
export const commands = {
  ...systemCommands,
  ...tasksCommands,
  ...organizationsCommands,
  ...peopleCommands,
  ...projectsCommands,
  ...meetingsCommands
} satisfies CommandMap;

export type Commands = typeof commands;
