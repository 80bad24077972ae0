import type { Kysely, Selectable } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { camelizeRow } from '../../db/entities/case';
import { readRow } from '../../db/entities/entity-repository';
import type { HabitsTable, IsoWeekday } from '../../db/schema/model-tables';
import type { Tables } from '../../db/schema/tables';
import { RpcFailure } from '../../rpc/result';
import { DEFAULT_LOG_DAYS, habitEntity, type HabitLog, type HabitLogList, type HabitLogUpsert } from './habits';
import { dayNumber, dayText, habitStats, type HabitStats } from './streaks';

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

  /** A habit's logs from `from` (90 days before `to` when not given) to `to`, oldest day first. */
  async listLogs({ habitId, from, to }: HabitLogList): Promise<HabitLog[]> {
    await this.#liveHabit(habitId);
    const first = from ?? dayText(dayNumber(to) - DEFAULT_LOG_DAYS + 1);
    const rows = await this.db
      .selectFrom('habit_logs')
      .selectAll()
      .where('habit_id', '=', habitId)
      .where('log_date', '>=', first)
      .where('log_date', '<=', to)
      .orderBy('log_date')
      .execute();
    return rows.map((row): HabitLog => camelizeRow(row));
  }

  /** Deletes a log for good (logs have no trash). */
  async deleteLog(id: string): Promise<{ id: string }> {
    const result = await this.db.deleteFrom('habit_logs').where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw new RpcFailure('not_found', 'This habit log no longer exists.');
    return { id };
  }

  /**
   * Streaks and success rate up to `today` (the person's local day), from the logs and the
   * schedule: the rate over the last 365 days, the current streak back to its first break.
   */
  async stats(id: string, today: string): Promise<HabitStats> {
    // Read as `habits.get` reads it: the schedule's weekdays as a list.
    const habit = readRow(habitEntity, await this.#liveHabit(id));
    const profile = await this.db.selectFrom('profile').select('week_start').where('id', '=', 'local').executeTakeFirst();
    const readLogs = async (from: string, to: string) => {
      const logs = await this.db
        .selectFrom('habit_logs')
        .select(['log_date', 'completed'])
        .where('habit_id', '=', id)
        .where('log_date', '>=', from)
        .where('log_date', '<=', to)
        .execute();
      return logs.map((log) => ({ logDate: log.log_date, completed: log.completed === 1 }));
    };
    return habitStats({ schedule: habit, today, readLogs, weekStart: asWeekday(profile?.week_start) });
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
