import * as v from 'valibot';
import { bytesBlob, DATABASE_FILE_TYPE } from '../../db/blobs';
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
  /** Closes the database and lets go of its files, so another tab can open them. */
  'system.close': command({
    input: v.undefined(),
    write: false,
    needsDatabase: false,
    run: (c) => {
      c.host.close();
      return c.host.status;
    }
  }),
  /** SQLite's own consistency checks: `integrity_check` and `foreign_key_check`. */
  'system.integrityCheck': command({
    input: v.undefined(),
    write: false,
    run: (c) => {
      const raw = c.host.session.raw;
      const integrity = raw.selectValues('PRAGMA integrity_check').map(String);
      const foreignKeys = raw.selectObjects('PRAGMA foreign_key_check').length;
      const problems = integrity.filter((line) => line !== 'ok');
      if (foreignKeys > 0) problems.push(`${foreignKeys} rows refer to rows that do not exist.`);
      return { ok: problems.length === 0, problems };
    }
  }),
  'system.status': command({ input: v.undefined(), write: false, needsDatabase: false, run: (c) => c.host.status }),
  /** The database file as it is now, also while migrations are blocked. */
  'system.exportDatabase': command({
    input: v.undefined(),
    write: false,
    needsDatabase: false,
    // A Blob: the page gets a handle to the file, never its bytes on its own thread.
    run: (c) => bytesBlob(c.host.exportDatabase(), DATABASE_FILE_TYPE)
  })
};
