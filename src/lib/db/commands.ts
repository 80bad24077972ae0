import { systemCommands } from '../features/system/system.handlers';
import { tasksCommands } from '../features/tasks/tasks.handlers';
import type { CommandMap } from '../rpc/command';

/** Every command the worker answers, composed from the features' maps. */
export const commands = {
  ...systemCommands,
  ...tasksCommands
} satisfies CommandMap;

export type Commands = typeof commands;
