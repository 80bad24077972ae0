import { sql, type Kysely, type Selectable } from 'kysely';
import { camelizeRow } from '../../db/entities/case';
import type { GoalsTable } from '../../db/schema/model-tables';
import type { Tables } from '../../db/schema/tables';
import { toRpcError } from '../../db/sqlite-errors';
import { RpcFailure } from '../../rpc/result';
import { GOAL_LEVELS, type Goal, type GoalTreeNode } from './goals';

type GoalRow = Selectable<GoalsTable>;

/** Top level first: only goals at the top of the tree (roots) can differ in level. */
const LEVEL_RANK = sql.raw(`CASE level ${GOAL_LEVELS.map((level, rank) => `WHEN '${level}' THEN ${rank}`).join(' ')} END`);

/**
 * Siblings' order: by level (for roots), then as `goals.list` (highest priority first, then the
 * nearest target date, undated goals last), then by title.
 */
const SIBLING_ORDER = sql`${LEVEL_RANK}, priority DESC, target_date IS NULL, target_date, title COLLATE NOCASE, id`;

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

  /** The live sub-goals of a live goal, in sibling order. */
  async children(id: string): Promise<Goal[]> {
    await this.#live(id, 'This goal no longer exists.');
    const rows = await this.db
      .selectFrom('goals')
      .selectAll()
      .where('parent_id', '=', id)
      .where('deleted_at', 'is', null)
      .orderBy(SIBLING_ORDER)
      .execute();
    return rows.map((row) => camelizeRow(row));
  }

  /**
   * Every live goal once, in the order a tree is drawn (each goal right after its parent, siblings in
   * `goals.list` order), with its depth. A goal whose parent is in the trash is drawn at the top.
   * One recursive query: siblings are ranked once, and each goal's path of ranks sorts the tree.
   */
  async tree(): Promise<GoalTreeNode[]> {
    const { rows } = await sql<GoalRow & { depth: number }>`
      WITH RECURSIVE
        live AS (
          SELECT goals.id,
                 CASE WHEN parent.id IS NULL THEN NULL ELSE goals.parent_id END AS tree_parent_id,
                 goals.level, goals.priority, goals.target_date, goals.title
          FROM goals
          LEFT JOIN goals AS parent ON parent.id = goals.parent_id AND parent.deleted_at IS NULL
          WHERE goals.deleted_at IS NULL
        ),
        ranked AS (
          SELECT id, tree_parent_id, printf('%08d', row_number() OVER (PARTITION BY tree_parent_id ORDER BY ${SIBLING_ORDER})) AS rank
          FROM live
        ),
        tree (id, depth, sort_path) AS (
          SELECT id, 0, rank FROM ranked WHERE tree_parent_id IS NULL
          UNION ALL
          SELECT ranked.id, tree.depth + 1, tree.sort_path || '/' || ranked.rank
          FROM ranked JOIN tree ON ranked.tree_parent_id = tree.id
        )
      SELECT goals.*, tree.depth
      FROM tree JOIN goals ON goals.id = tree.id
      ORDER BY tree.sort_path
    `.execute(this.db);
    return rows.map((row) => camelizeRow(row));
  }

  async #live(id: string, message: string, field?: string): Promise<GoalRow> {
    const row = await this.db.selectFrom('goals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!row) throw new RpcFailure('not_found', message, field);
    return row;
  }
}
