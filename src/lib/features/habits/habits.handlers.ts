import type { CommandContext } from '../../db/command-context';
import { entityCommands } from '../../db/entities/entity-commands';
import { IdInput } from '../../db/entities/entity';
import { command } from '../../rpc/command';
import { habitEntity, HabitLogListInput, HabitLogUpsertInput, HabitStatsInput } from './habits';
import { HabitsRepository } from './habits.repo';

const repo = (context: CommandContext) => new HabitsRepository(context.db);

export const habitsCommands = {
  ...entityCommands('habits', habitEntity),
  'habits.stats': command({ input: HabitStatsInput, write: false, run: (c, { id, today }) => repo(c).stats(id, today) }),
  'habitLogs.upsert': command({ input: HabitLogUpsertInput, write: true, run: (c, input) => repo(c).upsertLog(input) }),
  'habitLogs.list': command({ input: HabitLogListInput, write: false, run: (c, input) => repo(c).listLogs(input) }),
  'habitLogs.delete': command({ input: IdInput, write: true, run: (c, { id }) => repo(c).deleteLog(id) })
};
