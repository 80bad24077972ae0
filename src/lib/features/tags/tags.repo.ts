import { sql, type Kysely } from 'kysely';
import type { Tables } from '../../db/schema/tables';
import { camelizeRow } from '../../db/entities/case';
import { EntityRepository } from '../../db/entities/entity-repository';
import { TAGGABLE, tagEntity, type Tag, type TaggableKind } from './tags';

type DynamicTables = Record<string, Record<string, string | number | null>>;

/** Puts tags on things and takes them off; each kind has its own join table with real foreign keys. */
export class TagsRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  /** The tag with this name (case-insensitive), created if it does not exist yet. */
  async ensure(name: string): Promise<Tag> {
    const existing = await this.db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst();
    if (existing) return camelizeRow(existing);
    return new EntityRepository(this.db, tagEntity).create({ name });
  }

  async attach(tagId: string, kind: TaggableKind, entityId: string): Promise<{ tagged: true }> {
    const link = TAGGABLE[kind];
    await this.#dynamic()
      .insertInto(link.table)
      .values({ tag_id: tagId, [link.column]: entityId })
      .onConflict((conflict) => conflict.doNothing())
      .execute();
    return { tagged: true };
  }

  async detach(tagId: string, kind: TaggableKind, entityId: string): Promise<{ tagged: false }> {
    const link = TAGGABLE[kind];
    await this.#dynamic().deleteFrom(link.table).where('tag_id', '=', tagId).where(link.column, '=', entityId).execute();
    return { tagged: false };
  }

  async forEntity(kind: TaggableKind, entityId: string): Promise<Tag[]> {
    const link = TAGGABLE[kind];
    const rows = await this.db
      .selectFrom('tags')
      .selectAll()
      .where(sql<boolean>`id IN (SELECT tag_id FROM ${sql.table(link.table)} WHERE ${sql.ref(link.column)} = ${entityId})`)
      .orderBy('name')
      .execute();
    return rows.map((row) => camelizeRow(row));
  }

  #dynamic(): Kysely<DynamicTables> {
    return this.db as unknown as Kysely<DynamicTables>;
  }
}
