import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import type * as v from 'valibot';
import { RpcFailure } from '../../rpc/result';
import type { Tables } from '../schema/tables';
import { readFirst } from '../statement-cache';
import { camelizeRow, camelToSnake, toColumns } from './case';
import { LIST_BASE, type AnyEntityDefinition, type EntityRowOf, type ListPage } from './entity';

type Scalar = string | number | bigint | null | Uint8Array;
/** Kysely over tables named at run time; the entity definitions and their tests keep the names honest. */
type DynamicTables = Record<string, Record<string, Scalar>>;

export type ListQuery = Partial<v.InferOutput<v.ObjectSchema<typeof LIST_BASE, undefined>>> & Record<string, unknown>;

const DEFAULT_PAGE = 100;

/** Create, read, update, trash, restore, purge and list for any kind described by an entity definition. */
export class EntityRepository<D extends AnyEntityDefinition> {
  readonly #db: Kysely<DynamicTables>;

  constructor(
    db: Kysely<Tables>,
    readonly definition: D
  ) {
    this.#db = db as unknown as Kysely<DynamicTables>;
  }

  get #table(): string {
    return this.definition.table;
  }

  async create(input: Readonly<Record<string, unknown>>): Promise<EntityRowOf<D>> {
    const id = uuidv7();
    await this.#db
      .insertInto(this.#table)
      .values({ ...this.#columns(input), id })
      .execute();
    return this.get(id);
  }

  async get(id: string): Promise<EntityRowOf<D>> {
    let query = this.#db.selectFrom(this.#table).selectAll().where('id', '=', id);
    if (this.definition.trash) query = query.where('deleted_at', 'is', null);
    const row = await readFirst(this.#db, query);
    if (!row) throw this.#notFound();
    return readRow(this.definition, row);
  }

  async update({ id, ...patch }: { id: string } & Record<string, unknown>): Promise<EntityRowOf<D>> {
    const changes = this.#columns(patch);
    if (Object.keys(changes).length === 0) return this.get(id);
    await this.#updateLive(id, changes);
    return this.get(id);
  }

  /** Moves a row to the trash (or deletes it, for kinds without a trash). */
  async remove(id: string, now: Date): Promise<{ id: string }> {
    if (this.definition.trash) await this.#updateLive(id, { deleted_at: now.toISOString() });
    else await this.purge(id);
    return { id };
  }

  async restore(id: string): Promise<EntityRowOf<D>> {
    if (!this.definition.trash) throw new RpcFailure('validation', `A deleted ${this.definition.noun} cannot be restored.`);
    const result = await this.#db
      .updateTable(this.#table)
      .set({ deleted_at: null })
      .where('id', '=', id)
      .where('deleted_at', 'is not', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new RpcFailure('not_found', `There is no ${this.definition.noun} in the trash with this id.`);
    return this.get(id);
  }

  /** Deletes for good; foreign keys cascade to owned rows and detach references. */
  async purge(id: string): Promise<void> {
    const result = await this.#db.deleteFrom(this.#table).where('id', '=', id).executeTakeFirst();
    if (result.numDeletedRows === 0n) throw this.#notFound();
  }

  async list(query: ListQuery = {}): Promise<ListPage<EntityRowOf<D>>> {
    const { definition } = this;
    const limit = query.limit ?? DEFAULT_PAGE;
    let select = this.#db.selectFrom(this.#table).selectAll(this.#table);
    if (definition.trash) select = select.where(`${this.#table}.deleted_at`, 'is', null);
    if (definition.dateColumn && query.from) select = select.where(definition.dateColumn, '>=', query.from);
    if (definition.dateColumn && query.to) select = select.where(definition.dateColumn, '<=', query.to);
    for (const name of Object.keys(definition.filters)) {
      const value = query[name];
      if (value === undefined) continue;
      const column = `${this.#table}.${camelToSnake(name)}`;
      select = value === null ? select.where(column, 'is', null) : select.where(column, '=', value as Scalar);
    }
    if (query.tagId) select = select.where(this.#linkedTo('tag', definition.tagLink, 'tag_id', query.tagId));
    if (query.personId) select = select.where(this.#linkedTo('person', definition.personLink, 'person_id', query.personId));
    for (const [column, direction, nulls] of definition.order) {
      const ref = `${this.#table}.${column}`;
      // `column IS NULL` is 0 for a value and 1 for none: rows without one sort after the rest.
      if (nulls === 'nulls_last') select = select.orderBy(sql`${sql.ref(ref)} IS NULL`);
      select = select.orderBy(ref, direction);
    }
    const rows = await select
      .orderBy(`${this.#table}.id`)
      .limit(limit + 1)
      .offset(query.offset ?? 0)
      .execute();
    return {
      items: rows.slice(0, limit).map((row) => readRow(definition, row)),
      hasMore: rows.length > limit
    };
  }

  /** `EXISTS (SELECT 1 FROM link WHERE link.<column> = <table>.id AND link.<other> = ?)` */
  #linkedTo(kind: string, link: { table: string; column: string } | undefined, otherColumn: string, otherId: string) {
    if (!link) throw new RpcFailure('validation', `A ${this.definition.noun} cannot be filtered by ${kind}.`, `${kind}Id`);
    return sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(link.table)} WHERE ${sql.ref(`${link.table}.${link.column}`)} = ${sql.ref(`${this.#table}.id`)} AND ${sql.ref(`${link.table}.${otherColumn}`)} = ${otherId})`;
  }

  /** Validated camelCase input -> column values, with JSON-array columns as their JSON text. */
  #columns(input: Readonly<Record<string, unknown>>): Record<string, Scalar> {
    const columns = toColumns(input);
    for (const column of this.definition.jsonColumns ?? []) {
      if (columns[column] !== undefined) columns[column] = JSON.stringify(columns[column]);
    }
    return columns as Record<string, Scalar>;
  }

  async #updateLive(id: string, changes: Record<string, Scalar>): Promise<void> {
    let update = this.#db.updateTable(this.#table).set(changes).where('id', '=', id);
    if (this.definition.trash) update = update.where('deleted_at', 'is', null);
    const result = await update.executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw this.#notFound();
  }

  #notFound(): RpcFailure {
    return new RpcFailure('not_found', `This ${this.definition.noun} no longer exists.`);
  }
}

/** A row of the definition's table as the contract carries it: camelCase, JSON-array columns parsed. */
export function readRow<D extends AnyEntityDefinition>(definition: D, row: Readonly<Record<string, unknown>>): EntityRowOf<D> {
  const parsed: Record<string, unknown> = { ...row };
  for (const column of definition.jsonColumns ?? []) {
    const text = parsed[column];
    // A CHECK keeps the column a JSON array; a column left out of the select stays out.
    if (typeof text === 'string') parsed[column] = JSON.parse(text);
  }
  return camelizeRow(parsed) as EntityRowOf<D>;
}
