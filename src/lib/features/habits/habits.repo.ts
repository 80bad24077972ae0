import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { camelizeRow } from '../../db/entities/case';
import { readRow } from '../../db/entities/entity-repository';
import type { HabitsTable, IsoWeekday } from '../../db/schema/model-tables';
import type { Tables } from '../../db/schema/tables';
import { RpcFailure } from '../../rpc/result';
import { habitEntity, type HabitLog, type HabitLogList, type HabitLogUpsert } from './habits';
import { habitStats, type HabitStats } from './streaks';

/** Habit logs (owned by a habit, no trash) and the statistics computed from them. */
export class HabitsRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Logs a day; a second log for the same habit and day updates the first. */
  async upsertLog(input: HabitLogUpsert): Promise<HabitLog> {
    const habit = await this.#liveHabit(input.habitId);
    if (input.logDate < habit.start_date) {
      throw new RpcFailure('validation', `This habit starts on ${habit.start_date}; a day before that cannot be logged.`, 'logDate');
    }
    const changes = {
      completed: input.completed,
      ...(input.difficulty !== undefined && { difficulty: input.difficulty }),
      ...(input.satisfaction !== undefined && { satisfaction: input.satisfaction }),
      ...(input.energyBefore !== undefined && { energy_before: input.energyBefore }),
      ...(input.energyAfter !== undefined && { energy_after: input.energyAfter }),
      ...(input.notes !== undefined && { notes: input.notes }),
      // A day marked done has no skip reason, even one kept from an earlier log of that day.
      ...(input.skipReason !== undefined ? { skip_reason: input.skipReason } : input.completed === 1 && { skip_reason: null })
    };
    await this.db
      .insertInto('habit_logs')
      .values({ id: uuidv7(), habit_id: input.habitId, log_date: input.logDate, ...changes })
      .onConflict((conflict) => conflict.columns(['habit_id', 'log_date']).doUpdateSet(changes))
      .execute();
    const row = await this.db
      .selectFrom('habit_logs')
      .selectAll()
      .where('habit_id', '=', input.habitId)
      .where('log_date', '=', input.logDate)
      .executeTakeFirstOrThrow();
    return camelizeRow(row);
  }

  /** A habit's logs, oldest day first, optionally within a range of days. */
  async listLogs({ habitId, from, to }: HabitLogList): Promise<HabitLog[]> {
    await this.#liveHabit(habitId);
    let query = this.db.selectFrom('habit_logs').selectAll().where('habit_id', '=', habitId);
    if (from !== undefined) query = query.where('log_date', '>=', from);
    if (to !== undefined) query = query.where('log_date', '<=', to);
    const rows = await query.orderBy('log_date').execute();
    return rows.map((row): HabitLog => camelizeRow(row));
  }

  /** Deletes a log for good (logs have no trash). */
  async deleteLog(id: string): Promise<{ id: string }> {
    const result = await this.db.deleteFrom('habit_logs').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new RpcFailure('not_found', 'This habit log no longer exists.');
    return { id };
  }

  /** Streaks and success rate up to `today` (the person's local day), from the logs and the schedule. */
  async stats(id: string, today: string): Promise<HabitStats> {
    // Read as `habits.get` reads it: the schedule's weekdays as a list.
    const habit = readRow(habitEntity, await this.#liveHabit(id));
    const logs = await this.db
      .selectFrom('habit_logs')
      .select(['log_date', 'completed'])
      .where('habit_id', '=', id)
      .where('log_date', '>=', habit.startDate)
      .where('log_date', '<=', today)
      .execute();
    const profile = await this.db.selectFrom('profile').select('week_start').executeTakeFirst();
    return habitStats(
      habit,
      logs.map((log) => ({ logDate: log.log_date, completed: log.completed === 1 })),
      today,
      asWeekday(profile?.week_start)
    );
  }

  async #liveHabit(id: string): Promise<Selectable<HabitsTable>> {
    const habit = await this.db.selectFrom('habits').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!habit) throw new RpcFailure('not_found', 'This habit no longer exists.');
    return habit;
  }
}

function asWeekday(value: number | undefined): IsoWeekday {
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 7 ? (value as IsoWeekday) : 1;
}
