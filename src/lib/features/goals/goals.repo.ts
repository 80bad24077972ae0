import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { camelizeRow } from '../../db/entities/case';
import type { ListPage } from '../../db/entities/entity';
import type { GoalsTable } from '../../db/schema/model-tables';
import type { Tables } from '../../db/schema/tables';
import { toRpcError } from '../../db/sqlite-errors';
import { RpcFailure } from '../../rpc/result';
import { GOAL_LEVELS, type Goal, type GoalTreeItem, type GoalTreeQuery } from './goals';

type GoalRow = Selectable<GoalsTable>;

const DEFAULT_PAGE = 100;

/**
 * Top level first: only goals at the top of the tree (roots) can differ in level. The goals_tree_order
 * index (migration 0004) holds this very expression; change both together.
 */
const LEVEL_RANK = sql.raw(`CASE g.level ${GOAL_LEVELS.map((level, rank) => `WHEN '${level}' THEN ${rank}`).join(' ')} END`);

/**
 * Siblings' order: by level (for roots), then as `goals.list` (highest priority first, then the
 * nearest target date, undated goals last), then by title. The goals_tree_order index is in this order.
 */
const SIBLING_ORDER = sql`${LEVEL_RANK}, g.priority DESC, g.target_date IS NULL, g.target_date, g.title COLLATE NOCASE, g.id`;

/** A tree row's columns from `goals AS g`, with its count of live children. */
const TREE_ITEM = sql`g.id, g.parent_id, g.level, g.title, g.status, g.progress, g.priority, g.target_date,
  (SELECT count(*) FROM goals AS c WHERE c.parent_id = g.id AND c.deleted_at IS NULL) AS child_count`;

/** SIBLING_ORDER as result columns, for the ORDER BY of a UNION (which can only name columns). */
const SORT_KEYS = sql`${LEVEL_RANK} AS level_rank, g.target_date IS NULL AS undated`;

type TreeRow = Pick<GoalRow, 'id' | 'parent_id' | 'level' | 'title' | 'status' | 'progress' | 'priority' | 'target_date'> & { child_count: number };

/** The goal tree queries the generic entity layer cannot express. Every read skips trashed goals. */
export class GoalsRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /**
   * Re-parents a goal (null = take it out of the tree). The goals_tree_update trigger has the last
   * word on levels and cycles; its sentence reaches the caller as a `constraint` error on `parentId`.
   */
  async move(id: string, parentId: string | null): Promise<Goal> {
    await this.#live(id, 'This goal no longer exists.');
    if (parentId !== null) await this.#live(parentId, 'The goal to place it under no longer exists.', 'parentId');
    try {
      await this.db.updateTable('goals').set({ parent_id: parentId }).where('id', '=', id).where('deleted_at', 'is', null).execute();
    } catch (error) {
      const failure = toRpcError(error);
      if (failure.code === 'constraint' || failure.code === 'validation') throw new RpcFailure(failure.code, failure.message, 'parentId');
      throw error;
    }
    return camelizeRow(await this.#live(id, 'This goal no longer exists.'));
  }

  /** One page of one level of the tree (see `GoalTreeInput`), read from the goals_tree_order index. */
  async tree({ parentId, limit = DEFAULT_PAGE, offset = 0 }: GoalTreeQuery): Promise<ListPage<GoalTreeItem>> {
    if (parentId !== null) await this.#live(parentId, 'This goal no longer exists.', 'parentId');
    const { rows } = await treeQuery(parentId, limit + 1, offset).execute(this.db);
    return {
      items: rows.slice(0, limit).map((row) => ({
        id: row.id,
        parentId: row.parent_id,
        level: row.level,
        title: row.title,
        status: row.status,
        progress: row.progress,
        priority: row.priority,
        targetDate: row.target_date,
        childCount: row.child_count
      })),
      hasMore: rows.length > limit
    };
  }

  async #live(id: string, message: string, field?: string): Promise<GoalRow> {
    const row = await this.db.selectFrom('goals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new RpcFailure('not_found', message, field);
    return row;
  }
}

/**
 * The SQL of one page of the tree, exported so a test can check its plan. The top of the tree is
 * the roots (parent_id IS NULL) merged with the live children of trashed goals: each side reads an
 * index in order (the second, bounded by the trash, is sorted), instead of sorting every live goal.
 */
export function treeQuery(parentId: string | null, limit: number, offset: number): RawBuilder<TreeRow> {
  if (parentId !== null) {
    return sql<TreeRow>`
      SELECT ${TREE_ITEM} FROM goals AS g
      WHERE g.parent_id = ${parentId} AND g.deleted_at IS NULL
      ORDER BY ${SIBLING_ORDER} LIMIT ${limit} OFFSET ${offset}`;
  }
  // CROSS JOIN keeps the trashed goals as the outer loop: the planner would otherwise scan every live goal.
  return sql<TreeRow>`
    SELECT ${TREE_ITEM}, ${SORT_KEYS} FROM goals AS g
    WHERE g.parent_id IS NULL AND g.deleted_at IS NULL
    UNION ALL
    SELECT ${TREE_ITEM}, ${SORT_KEYS} FROM goals AS p CROSS JOIN goals AS g ON g.parent_id = p.id AND g.deleted_at IS NULL
    WHERE p.deleted_at IS NOT NULL
    ORDER BY level_rank, priority DESC, undated, target_date, title COLLATE NOCASE, id LIMIT ${limit} OFFSET ${offset}`;
}
