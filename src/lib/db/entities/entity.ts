import * as v from 'valibot';
import type { Selectable } from 'kysely';
import { calendarDay, entityId } from '../../validation/fields';
import type { JsonArrayItem } from '../schema/model-tables';
import type { Tables } from '../schema/tables';
import type { Camelize } from './case';

/** Tables whose rows have a text `id` and can be handled by the generic entity repository. */
export type EntityTable = {
  [T in keyof Tables]: Tables[T] extends { id: unknown; created_at: unknown } ? T : never;
}[keyof Tables];

type Selected<T extends EntityTable> = Selectable<Tables[T]>;

/** The columns of `T` that hold a JSON array (`JsonArrayText<item>` in the table types). */
export type JsonArrayColumn<T extends EntityTable> = T extends EntityTable
  ? { [C in keyof Selected<T>]: [JsonArrayItem<Selected<T>[C]>] extends [never] ? never : C }[keyof Selected<T>] & string
  : never;

/**
 * A row of `T` as the contract carries it: camelCase, with the JSON-array columns in `J` (an
 * entity's `jsonColumns`) as arrays.
 */
export type EntityRow<T extends EntityTable, J extends JsonArrayColumn<T> = never> = Camelize<{
  [C in keyof Selected<T>]: C extends J ? JsonArrayItem<Selected<T>[C]>[] : Selected<T>[C];
}>;

/** The row an entity definition reads: `EntityRowOf<typeof projectEntity>`. */
export type EntityRowOf<D extends AnyEntityDefinition> = EntityRow<D['table'], JsonColumnsOf<D>>;

/** The `jsonColumns` of a definition, as a union of column names. */
type JsonColumnsOf<D extends AnyEntityDefinition> = NonNullable<D['jsonColumns']>[number] & JsonArrayColumn<D['table']>;

/** `ORDER BY column direction`; with 'nulls_last', rows without a value come after all the others. */
export type OrderEntry = readonly [column: string, direction: 'asc' | 'desc', nulls?: 'nulls_last'];

type Entries = v.ObjectEntries;

/** How one kind of thing is created, edited, listed and deleted. */
export interface EntityDefinition<
  TTable extends EntityTable,
  TCreate extends Entries,
  TFilters extends Entries,
  TJson extends JsonArrayColumn<TTable> = never,
  TRefused extends keyof TCreate & string = never
> {
  readonly table: TTable;
  /** For messages: "This meeting no longer exists." */
  readonly noun: string;
  /** camelCase fields of a new row. No defaults here: the database's defaults apply, and updates reuse these. */
  readonly fields: TCreate;
  /**
   * Fields an update refuses, each with the sentence that says why (and what to do instead),
   * e.g. a goal's `parentId`, which only `goals.move` changes.
   */
  readonly updateRefuses?: { readonly [K in TRefused]: string };
  /** JSON-array columns: written as JSON text, read back as arrays. */
  readonly jsonColumns?: readonly TJson[];
  /** True when rows go to the trash (`deleted_at`) instead of being deleted. */
  readonly trash: boolean;
  /** Column shown for the row in the trash and in pickers. */
  readonly titleColumn: string;
  /** Column the `from`/`to` range applies to, if any. */
  readonly dateColumn?: string;
  /** Equality filters, camelCase names of columns, each with its schema. */
  readonly filters: TFilters;
  readonly order: readonly OrderEntry[];
  /** A join table that tags this kind. */
  readonly tagLink?: { readonly table: string; readonly column: string };
  /** A join table that links people to this kind (attendees, people involved). */
  readonly personLink?: { readonly table: string; readonly column: string };
}

export type AnyEntityDefinition = EntityDefinition<EntityTable, Entries, Entries, JsonArrayColumn<EntityTable>, string>;

export function defineEntity<
  TTable extends EntityTable,
  TCreate extends Entries,
  TFilters extends Entries,
  TJson extends JsonArrayColumn<TTable> = never,
  TRefused extends keyof TCreate & string = never
>(definition: EntityDefinition<TTable, TCreate, TFilters, TJson, TRefused>): EntityDefinition<TTable, TCreate, TFilters, TJson, TRefused> {
  return definition;
}

const MAX_PAGE = 500;

/** The fields every list accepts, before the entity's own filters. */
export const LIST_BASE = {
  from: v.optional(calendarDay('From')),
  to: v.optional(calendarDay('To')),
  tagId: v.optional(entityId),
  personId: v.optional(entityId),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_PAGE, `At most ${MAX_PAGE} rows at a time.`))),
  offset: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)))
};

export function createSchema<TCreate extends Entries>(fields: TCreate) {
  return v.object(fields);
}

/** A field an update refuses: leaving it out is fine, giving it fails with the definition's sentence. */
type RefusedEntry = v.OptionalSchema<v.NeverSchema<string>, undefined>;

/** Every field of a new row made optional, except the refused ones, plus the id. */
export type UpdateEntries<TCreate extends Entries, TRefused extends string = never> = {
  readonly [K in keyof TCreate | 'id']: K extends keyof TCreate
    ? K extends TRefused
      ? RefusedEntry
      : v.OptionalSchema<TCreate[K], undefined>
    : typeof entityId;
};

export function updateSchema<TCreate extends Entries, TRefused extends keyof TCreate & string = never>(
  fields: TCreate,
  refuses?: { readonly [K in TRefused]: string }
): v.ObjectSchema<UpdateEntries<TCreate, TRefused>, undefined> {
  const entries: Record<string, v.GenericSchema> = { ...v.partial(v.object(fields)).entries };
  for (const [name, reason] of Object.entries<string>(refuses ?? {})) entries[name] = v.optional(v.never(reason));
  return v.object({ ...entries, id: entityId }) as unknown as v.ObjectSchema<UpdateEntries<TCreate, TRefused>, undefined>;
}

export function listSchema<TFilters extends Entries>(filters: TFilters) {
  return v.object({ ...LIST_BASE, ...v.partial(v.object(filters)).entries });
}

export const IdInput = v.object({ id: entityId });

export interface ListPage<T> {
  readonly items: readonly T[];
  /** True when more rows follow this page. */
  readonly hasMore: boolean;
}
