import * as v from 'valibot';
import { command } from '../../rpc/command';
import { QueryInput } from './console';
import { readSchema, runQuery } from './console.repo';

/** The read-only SQL console: the schema to browse and one statement at a time over the person's data. */
export const consoleCommands = {
  'console.schema': command({ input: v.undefined(), write: false, run: (c) => readSchema(c.host.session.raw) }),
  /** Outside any transaction: the connection itself refuses every change while it runs. */
  'console.query': command({ input: QueryInput, write: false, run: (c, { sql }) => runQuery(c.host.session, sql) })
};
