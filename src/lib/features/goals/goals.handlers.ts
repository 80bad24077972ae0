import * as v from 'valibot';
import type { CommandContext } from '../../db/command-context';
import { IdInput } from '../../db/entities/entity';
import { entityCommands } from '../../db/entities/entity-commands';
import { command } from '../../rpc/command';
import { goalEntity, GoalMoveInput } from './goals';
import { GoalsRepository } from './goals.repo';
import { milestoneEntity } from './milestones';

const repo = (context: CommandContext) => new GoalsRepository(context.db);

/** The goals part of the worker contract: goals, their tree, and their milestones. */
export const goalsCommands = {
  ...entityCommands('goals', goalEntity),
  'goals.move': command({ input: GoalMoveInput, write: true, run: (c, { id, parentId }) => repo(c).move(id, parentId) }),
  'goals.tree': command({ input: v.object({}), write: false, run: (c) => repo(c).tree() }),
  'goals.children': command({ input: IdInput, write: false, run: (c, { id }) => repo(c).children(id) }),
  ...entityCommands('milestones', milestoneEntity)
};
