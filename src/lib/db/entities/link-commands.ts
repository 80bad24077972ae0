import { sql, type Kysely } from 'kysely';
import * as v from 'valibot';
import { command, type CommandDefinition } from '../../rpc/command';
import { entityId } from '../../validation/fields';
import type { Tables } from '../schema/tables';
import type { AnyEntityDefinition, EntityRowOf } from './entity';
import { readRow } from './entity-repository';

type Scalar = string | number | bigint | null;
type DynamicTables = Record<string, Record<string, Scalar>>;

/** A many-to-many join table seen from one side: `meeting_attendees` from a meeting. */
export interface LinkSpec<TOtherField extends string, TOther extends AnyEntityDefinition> {
  readonly table: string;
  readonly ownerColumn: string;
  readonly otherColumn: string;
  /** The input field naming the other side, e.g. `personId`. */
  readonly otherField: TOtherField;
  /** The other side's entity (its rows are read as its own commands read them; trashed ones are hidden). */
  readonly other: TOther;
  /** The other side's column to order the list by. */
  readonly otherOrder: string;
}

type LinkInput<F extends string> = v.ObjectSchema<
  { readonly id: typeof entityId } & { readonly [P in F]: typeof entityId },
  undefined
>;

export type LinkCommands<K extends string, Add extends string, Remove extends string, List extends string, F extends string, TOther extends AnyEntityDefinition> = {
  readonly [P in `${K}.${Add}`]: CommandDefinition<LinkInput<F>, { linked: true }>;
} & {
  readonly [P in `${K}.${Remove}`]: CommandDefinition<LinkInput<F>, { linked: false }>;
} & {
  readonly [P in `${K}.${List}`]: CommandDefinition<v.ObjectSchema<{ readonly id: typeof entityId }, undefined>, EntityRowOf<TOther>[]>;
};

/**
 * Add, remove and list commands for a join table. Adding twice is harmless; the database's
 * foreign keys and triggers (e.g. "only short-term goals link to sessions") have the last word.
 */
export function linkCommands<
  const K extends string,
  const Add extends string,
  const Remove extends string,
  const List extends string,
  const F extends string,
  TOther extends AnyEntityDefinition
>(
  key: K,
  verbs: { add: Add; remove: Remove; list: List },
  spec: LinkSpec<F, TOther>
): LinkCommands<K, Add, Remove, List, F, TOther> {
  const input = v.object({ id: entityId, [spec.otherField]: entityId }) as unknown as LinkInput<F>;
  const dynamic = (db: Kysely<Tables>) => db as unknown as Kysely<DynamicTables>;
  const ids = (value: object) => {
    const fields = value as Record<string, string>;
    return { ownerId: fields.id ?? '', otherId: fields[spec.otherField] ?? '' };
  };
  const commands = {
    [`${key}.${verbs.add}`]: command({
      input,
      write: true,
      run: async (c, value) => {
        const { ownerId, otherId } = ids(value);
        const row = { [spec.ownerColumn]: ownerId, [spec.otherColumn]: otherId };
        await dynamic(c.db).insertInto(spec.table).values(row).onConflict((conflict) => conflict.doNothing()).execute();
        return { linked: true as const };
      }
    }),
    [`${key}.${verbs.remove}`]: command({
      input,
      write: true,
      run: async (c, value) => {
        const { ownerId, otherId } = ids(value);
        await dynamic(c.db).deleteFrom(spec.table).where(spec.ownerColumn, '=', ownerId).where(spec.otherColumn, '=', otherId).execute();
        return { linked: false as const };
      }
    }),
    [`${key}.${verbs.list}`]: command({
      input: v.object({ id: entityId }),
      write: false,
      run: async (c, { id }) => {
        const other: string = spec.other.table;
        let query = dynamic(c.db)
          .selectFrom(other)
          .selectAll(other)
          .where(sql<boolean>`${sql.ref(`${other}.id`)} IN (SELECT ${sql.ref(spec.otherColumn)} FROM ${sql.table(spec.table)} WHERE ${sql.ref(spec.ownerColumn)} = ${id})`);
        if (spec.other.trash) query = query.where(`${other}.deleted_at`, 'is', null);
        const rows = await query.orderBy(`${other}.${spec.otherOrder}`).execute();
        return rows.map((row) => readRow(spec.other, row));
      }
    })
  };
  return commands as unknown as LinkCommands<K, Add, Remove, List, F, TOther>;
}
