import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Tables } from '../../db/schema/tables';
import { RpcFailure } from '../../rpc/result';
import { TRASHABLE, type TrashItem, type TrashKind } from './trash';

/**
 * A page of the trash across every kind, newest deletion first. Each kind's rows come from its
 * `<table>_trash` index (0011) in this order, so SQLite merges them and stops at the page's end.
 * The label expressions are fixed strings from TRASHABLE, never input.
 */
export function trashPageQuery(limit: number, offset: number): RawBuilder<TrashItem> {
  const parts = Object.entries(TRASHABLE).map(
    ([kind, { table, label }]) =>
      sql`SELECT ${kind} AS kind, id, ${sql.raw(label)} AS label, deleted_at AS "deletedAt" FROM ${sql.table(table)} WHERE deleted_at IS NOT NULL`
  );
  return sql<TrashItem>`${sql.join(parts, sql` UNION ALL `)} ORDER BY "deletedAt" DESC, id LIMIT ${limit} OFFSET ${offset}`;
}

/** The trash across every kind: list, restore, delete for good, empty. */
export class TrashRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** Newest deletions first. */
  async list(limit = 100, offset = 0): Promise<{ items: TrashItem[]; hasMore: boolean }> {
    const result = await trashPageQuery(limit + 1, offset).execute(this.db);
    return { items: result.rows.slice(0, limit), hasMore: result.rows.length > limit };
  }

  async restore(kind: TrashKind, id: string): Promise<{ kind: TrashKind; id: string }> {
    const { table } = TRASHABLE[kind];
    const result = await sql`UPDATE ${sql.table(table)} SET deleted_at = NULL WHERE id = ${id} AND deleted_at IS NOT NULL`.execute(this.db);
    if (result.numAffectedRows === 0n) throw new RpcFailure('not_found', 'This item is not in the trash.');
    return { kind, id };
  }

  /** Deletes one trashed item for good; what it owned goes with it, what referred to it is detached. */
  async purge(kind: TrashKind, id: string): Promise<{ kind: TrashKind; id: string }> {
    const { table } = TRASHABLE[kind];
    const result = await sql`DELETE FROM ${sql.table(table)} WHERE id = ${id} AND deleted_at IS NOT NULL`.execute(this.db);
    if (result.numAffectedRows === 0n) throw new RpcFailure('not_found', 'This item is not in the trash.');
    return { kind, id };
  }

  async empty(): Promise<{ purged: number }> {
    let purged = 0;
    for (const { table } of Object.values(TRASHABLE)) {
      const result = await sql`DELETE FROM ${sql.table(table)} WHERE deleted_at IS NOT NULL`.execute(this.db);
      purged += Number(result.numAffectedRows ?? 0n);
    }
    return { purged };
  }
}
