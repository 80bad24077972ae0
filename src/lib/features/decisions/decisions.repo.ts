import { sql, type Kysely } from 'kysely';
import { camelizeRow } from '../../db/entities/case';
import type { ListPage } from '../../db/entities/entity';
import type { Tables } from '../../db/schema/tables';
import type { DecisionReviewItem, DueForReviewQuery } from './decisions';

const DEFAULT_PAGE = 100;

/**
 * Live decisions whose review day has come (review_date <= on) and whose actual outcome is not
 * written yet (actual_outcome is prose: '' = not recorded), oldest review first, one page at a time.
 * The WHERE matches the decisions_due_for_review index, so a page reads only its own rows.
 */
export async function decisionsDueForReview(
  db: Kysely<Tables>,
  { on, limit = DEFAULT_PAGE, offset = 0 }: DueForReviewQuery
): Promise<ListPage<DecisionReviewItem>> {
  const rows = await db
    .selectFrom('decisions')
    .select(['id', 'title', 'category', 'importance', 'decision_date', 'review_date'])
    .where('deleted_at', 'is', null)
    .where('review_date', 'is not', null)
    .where('review_date', '<=', on)
    .where(sql<string>`trim(actual_outcome)`, '=', '')
    .orderBy('review_date')
    .orderBy('decision_date')
    .orderBy('id')
    .limit(limit + 1)
    .offset(offset)
    .execute();
  return { items: rows.slice(0, limit).map((row): DecisionReviewItem => camelizeRow(row)), hasMore: rows.length > limit };
}
