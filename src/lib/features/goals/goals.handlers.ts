import type { CommandContext } from '../../db/command-context';
import { entityCommands } from '../../db/entities/entity-commands';
import { command } from '../../rpc/command';
import { goalEntity, GoalMoveInput, GoalTreeInput } from './goals';
import { GoalsRepository } from './goals.repo';
import { milestoneEntity } from './milestones';

const repo = (context: CommandContext) => new GoalsRepository(context.db);

/** The goals part of the worker contract: goals, their tree, and their milestones. */
export const goalsCommands = {
  ...entityCommands('goals', goalEntity),
  'goals.move': command({ input: GoalMoveInput, write: true, run: (c, { id, parentId }) => repo(c).move(id, parentId) }),
  /** One page of one level of the tree; a row's children are the same command with its id. */
  'goals.tree': command({ input: GoalTreeInput, write: false, run: (c, query) => repo(c).tree(query) }),
  ...entityCommands('milestones', milestoneEntity)
};
