import { systemCommands } from '../features/system/system.handlers';
import { meetingsCommands } from '../features/meetings/meetings.handlers';
import { organizationsCommands } from '../features/organizations/organizations.handlers';
import { peopleCommands } from '../features/people/people.handlers';
import { projectsCommands } from '../features/projects/projects.handlers';
import { tasksCommands } from '../features/tasks/tasks.handlers';
import { insightsCommands } from '../features/insights/insights.handlers';
import { profileCommands } from '../features/profile/profile.handlers';
import { searchCommands } from '../features/search/search.handlers';
import { tagsCommands } from '../features/tags/tags.handlers';
import { trashCommands } from '../features/trash/trash.handlers';
import type { CommandMap } from '../rpc/command';

/** Every command the worker answers, composed from the features' maps. */
export const commands = {
  ...systemCommands,
  ...tasksCommands,
  ...organizationsCommands,
  ...peopleCommands,
  ...projectsCommands,
  ...meetingsCommands,
  ...tagsCommands,
  ...profileCommands,
  ...searchCommands,
  ...trashCommands,
  ...insightsCommands
} satisfies CommandMap;

export type Commands = typeof commands;
