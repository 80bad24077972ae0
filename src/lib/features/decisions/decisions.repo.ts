import { sql, type Kysely } from 'kysely';
import { camelizeRow } from '../../db/entities/case';
import type { Tables } from '../../db/schema/tables';
import type { Decision } from './decisions';

/**
 * Live decisions whose review day has come (review_date <= on) and whose actual outcome is not
 * written yet (actual_outcome is prose: '' = not recorded). Oldest review first.
 */
export async function decisionsDueForReview(db: Kysely<Tables>, on: string): Promise<Decision[]> {
  const rows = await db
    .selectFrom('decisions')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where('review_date', 'is not', null)
    .where('review_date', '<=', on)
    .where(sql<string>`trim(actual_outcome)`, '=', '')
    .orderBy('review_date')
    .orderBy('decision_date')
    .orderBy('id')
    .execute();
  return rows.map((row): Decision => camelizeRow(row));
}
