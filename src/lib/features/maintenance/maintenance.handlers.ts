import * as v from 'valibot';
import { command } from '../../rpc/command';
import { analyze, countTableRows, readStats, vacuum } from './maintenance.repo';

/**
 * Looking after the database file. Emptying the trash is `trash.empty`; the integrity check is
 * `system.integrityCheck`.
 */
export const maintenanceCommands = {
  'maintenance.stats': command({ input: v.undefined(), write: false, run: (c) => readStats(c.host.session.raw) }),
  'maintenance.tableRows': command({ input: v.undefined(), write: false, run: (c) => countTableRows(c.host.session.raw) }),
  /** A write: ANALYZE fills `sqlite_stat1` inside the command's own transaction. */
  'maintenance.analyze': command({ input: v.undefined(), write: true, run: (c) => analyze(c.host.session.raw) }),
  /** Not a write: VACUUM refuses to run inside a transaction, so it runs on the connection in autocommit. */
  'maintenance.vacuum': command({ input: v.undefined(), write: false, run: (c) => vacuum(c.host.session) })
};
