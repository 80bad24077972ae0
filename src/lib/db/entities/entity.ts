import * as v from 'valibot';
import type { Selectable } from 'kysely';
import { calendarDay, entityId } from '../../validation/fields';
import type { Tables } from '../schema/tables';
import type { Camelize } from './case';

/** Tables whose rows have a text `id` and can be handled by the generic entity repository. */
export type EntityTable = {
  [T in keyof Tables]: Tables[T] extends { id: unknown; created_at: unknown } ? T : never;
}[keyof Tables];

/** A row of `T` as the contract carries it. */
export type EntityRow<T extends EntityTable> = Camelize<Selectable<Tables[T]>>;

type Entries = v.ObjectEntries;

/** How one kind of thing is created, edited, listed and deleted. */
export interface EntityDefinition<TTable extends EntityTable, TCreate extends Entries, TFilters extends Entries> {
  readonly table: TTable;
  /** For messages: "This meeting no longer exists." */
  readonly noun: string;
  /** camelCase fields of a new row. No defaults here: the database's defaults apply, and updates reuse these. */
  readonly fields: TCreate;
  /** True when rows go to the trash (`deleted_at`) instead of being deleted. */
  readonly trash: boolean;
  /** Column shown for the row in the trash and in pickers. */
  readonly titleColumn: string;
  /** Column the `from`/`to` range applies to, if any. */
  readonly dateColumn?: string;
  /** Equality filters, camelCase names of columns, each with its schema. */
  readonly filters: TFilters;
  readonly order: readonly (readonly [column: string, direction: 'asc' | 'desc'])[];
  /** A join table that tags this kind. */
  readonly tagLink?: { readonly table: string; readonly column: string };
  /** A join table that links people to this kind (attendees, people involved). */
  readonly personLink?: { readonly table: string; readonly column: string };
}

export type AnyEntityDefinition = EntityDefinition<EntityTable, Entries, Entries>;

export function defineEntity<TTable extends EntityTable, TCreate extends Entries, TFilters extends Entries>(
  definition: EntityDefinition<TTable, TCreate, TFilters>
): EntityDefinition<TTable, TCreate, TFilters> {
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

export function updateSchema<TCreate extends Entries>(fields: TCreate) {
  return v.object({ ...v.partial(v.object(fields)).entries, id: entityId });
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
