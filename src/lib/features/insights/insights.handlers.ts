import * as v from 'valibot';
import { camelizeRow } from '../../db/entities/case';
import { entityCommands } from '../../db/entities/entity-commands';
import { command } from '../../rpc/command';
import { insightEntity, type Insight } from './insights';

const { 'insights.restore': _noTrash, ...insightCrud } = entityCommands('insights', insightEntity);

export const insightsCommands = {
  ...insightCrud,
  /** Insights still on offer: not dismissed and not expired, newest first. */
  'insights.open': command({
    input: v.object({ limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))) }),
    write: false,
    run: async (c, { limit }): Promise<Insight[]> => {
      const now = c.now().toISOString();
      const rows = await c.db
        .selectFrom('insights')
        .selectAll()
        .where('dismissed_at', 'is', null)
        .where((where) => where.or([where('expires_at', 'is', null), where('expires_at', '>', now)]))
        .orderBy('created_at', 'desc')
        .limit(limit ?? 50)
        .execute();
      return rows.map((row) => camelizeRow(row));
    }
  })
};
