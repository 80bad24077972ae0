import * as v from 'valibot';
import type { Kysely } from 'kysely';
import { camelizeRow, toColumns } from '../../db/entities/case';
import type { Tables } from '../../db/schema/tables';
import { command } from '../../rpc/command';
import { ProfileUpdateInput, type Profile } from './profile';

async function readProfile(db: Kysely<Tables>): Promise<Profile> {
  return camelizeRow(await db.selectFrom('profile').selectAll().executeTakeFirstOrThrow());
}

/** The one local profile: name, time zone, date format, week start, theme, preferences. */
export const profileCommands = {
  'profile.get': command({ input: v.undefined(), write: false, run: (c) => readProfile(c.db) }),
  'profile.update': command({
    input: ProfileUpdateInput,
    write: true,
    run: async (c, input) => {
      const changes = toColumns(input);
      if (Object.keys(changes).length > 0) await c.db.updateTable('profile').set(changes).execute();
      return readProfile(c.db);
    }
  })
};
