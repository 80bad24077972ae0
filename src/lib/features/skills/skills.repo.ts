import { sql, type Kysely } from 'kysely';
import { camelizeRow } from '../../db/entities/case';
import type { Tables } from '../../db/schema/tables';
import { RpcFailure } from '../../rpc/result';
import type { SkillProgress } from './skills';

/** Skill queries beyond the generic entity layer. */
export class SkillsRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** A live skill's confidence history, oldest first (rows written in the same millisecond keep their order). */
  async history(id: string): Promise<SkillProgress[]> {
    const skill = await this.db.selectFrom('skills').select('id').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!skill) throw new RpcFailure('not_found', 'This skill no longer exists.');
    const rows = await this.db
      .selectFrom('skill_progress')
      .selectAll()
      .where('skill_id', '=', id)
      .orderBy('created_at')
      .orderBy(sql`rowid`)
      .execute();
    return rows.map((row) => camelizeRow(row));
  }
}
