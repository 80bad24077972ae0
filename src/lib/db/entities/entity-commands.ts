import type { Kysely } from 'kysely';
import type * as v from 'valibot';
import type { Tables } from '../schema/tables';
import { command, type CommandDefinition } from '../../rpc/command';
import {
  createSchema,
  IdInput,
  listSchema,
  updateSchema,
  type EntityDefinition,
  type EntityRow,
  type EntityTable,
  type JsonArrayColumn,
  type ListPage
} from './entity';
import { EntityRepository, type ListQuery } from './entity-repository';

type Entries = v.ObjectEntries;

type Verbs<TTable extends EntityTable, TCreate extends Entries, TFilters extends Entries, TJson extends JsonArrayColumn<TTable>, TRefused extends keyof TCreate & string> = {
  create: CommandDefinition<ReturnType<typeof createSchema<TCreate>>, EntityRow<TTable, TJson>>;
  get: CommandDefinition<typeof IdInput, EntityRow<TTable, TJson>>;
  update: CommandDefinition<ReturnType<typeof updateSchema<TCreate, TRefused>>, EntityRow<TTable, TJson>>;
  delete: CommandDefinition<typeof IdInput, { id: string }>;
  restore: CommandDefinition<typeof IdInput, EntityRow<TTable, TJson>>;
  list: CommandDefinition<ReturnType<typeof listSchema<TFilters>>, ListPage<EntityRow<TTable, TJson>>>;
};

/** `meetings.create`, `meetings.get`, ... for one entity. */
export type EntityCommands<
  K extends string,
  TTable extends EntityTable,
  TCreate extends Entries,
  TFilters extends Entries,
  TJson extends JsonArrayColumn<TTable> = never,
  TRefused extends keyof TCreate & string = never
> = {
  readonly [V in keyof Verbs<TTable, TCreate, TFilters, TJson, TRefused> as `${K}.${V}`]: Verbs<TTable, TCreate, TFilters, TJson, TRefused>[V];
};

/** The standard commands of an entity, named `<key>.<verb>`. */
export function entityCommands<
  const K extends string,
  TTable extends EntityTable,
  TCreate extends Entries,
  TFilters extends Entries,
  TJson extends JsonArrayColumn<TTable> = never,
  TRefused extends keyof TCreate & string = never
>(key: K, definition: EntityDefinition<TTable, TCreate, TFilters, TJson, TRefused>): EntityCommands<K, TTable, TCreate, TFilters, TJson, TRefused> {
  const repo = (db: Kysely<Tables>) => new EntityRepository(db, definition);
  const verbs = {
    create: command({ input: createSchema(definition.fields), write: true, run: (c, input) => repo(c.db).create(input) }),
    get: command({ input: IdInput, write: false, run: (c, { id }) => repo(c.db).get(id) }),
    update: command({
      input: updateSchema(definition.fields, definition.updateRefuses),
      write: true,
      run: (c, input) => repo(c.db).update(input as { id: string } & Record<string, unknown>)
    }),
    delete: command({ input: IdInput, write: true, run: (c, { id }) => repo(c.db).remove(id, c.now()) }),
    restore: command({ input: IdInput, write: true, run: (c, { id }) => repo(c.db).restore(id) }),
    list: command({ input: listSchema(definition.filters), write: false, run: (c, query) => repo(c.db).list(query as ListQuery) })
  };
  const named = Object.fromEntries(Object.entries(verbs).map(([verb, definitionOfVerb]) => [`${key}.${verb}`, definitionOfVerb]));
  return named as unknown as EntityCommands<K, TTable, TCreate, TFilters, TJson, TRefused>;
}
