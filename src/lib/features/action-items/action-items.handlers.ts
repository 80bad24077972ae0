import type { CommandContext } from '../../db/command-context';
import { entityCommands } from '../../db/entities/entity-commands';
import { command } from '../../rpc/command';
import { actionItemEntity, ActionItemCreateInput, ActionItemUpdateInput } from './action-items';
import { ActionItemsRepository } from './action-items.repo';

const repo = (context: CommandContext) => new ActionItemsRepository(context.db);

/** The generic commands, with create and update keeping the one-source rule and `completedAt`. */
export const actionItemsCommands = {
  ...entityCommands('actionItems', actionItemEntity),
  'actionItems.create': command({ input: ActionItemCreateInput, write: true, run: (c, input) => repo(c).create(input, c.now()) }),
  'actionItems.update': command({ input: ActionItemUpdateInput, write: true, run: (c, input) => repo(c).update(input, c.now()) })
};
