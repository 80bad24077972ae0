import * as v from 'valibot';
import { command } from '../../rpc/command';

const OpenInput = v.object({ storage: v.picklist(['persistent', 'memory'], 'Storage is persistent or memory.') });

/** Commands that manage the database itself; they work before it is ready. */
export const systemCommands = {
  'system.open': command({
    input: OpenInput,
    write: false,
    needsDatabase: false,
    run: (c, { storage }) => c.host.open(storage)
  }),
  'system.status': command({ input: v.undefined(), write: false, needsDatabase: false, run: (c) => c.host.status }),
  /** The database file as it is now, also while migrations are blocked. */
  'system.exportDatabase': command({
    input: v.undefined(),
    write: false,
    needsDatabase: false,
    run: (c) => c.host.exportDatabase()
  })
};
