import * as v from 'valibot';
import { jobInPhase, type CommandContext } from '../../db/command-context';
import { command } from '../../rpc/command';
import { RpcFailure } from '../../rpc/result';
import { CsvImportInput, JsonImportInput } from './backup';
import { exportCsv } from './csv-export';
import { importCsv, previewCsvImport, type CsvTarget } from './csv-import';
import { exportJson } from './json-export';
import { importJson, previewJsonImport } from './json-import';
import { withForeignKeysCheckedAtEnd } from './replace-all';
import { exportSql } from './sql-dump';
import type { BackupJob } from './job';

/** The backup's text; a file is read here, in the worker, off the page's thread. */
async function backupText(document: string | Blob): Promise<string> {
  if (typeof document === 'string') return document;
  try {
    return await document.text();
  } catch (error) {
    throw new RpcFailure('validation', `The backup file could not be read (${error instanceof Error ? error.message : String(error)}). Choose it again.`, 'document');
  }
}

const csvTarget = (c: CommandContext): CsvTarget => ({ db: c.db, session: c.host.session, now: c.now() });

/**
 * Exports of all the person's data (JSON backup, CSV files, SQL) and imports (a JSON backup, which
 * replaces everything; CSV from other apps, which adds). Previews check exactly what an import
 * would do and change nothing; imports are all-or-nothing.
 */
/** The call's cancel signal and progress, in the shape the backup functions take. */
function jobOf(c: CommandContext): BackupJob {
  return { signal: c.job.signal, onProgress: ({ done, total, phase }) => c.job.progress(done, total, phase) };
}

/** A preview's job: once the file is read, its steps are one, 'trying' (it writes nothing that stays). */
function previewJobOf(c: CommandContext): BackupJob {
  return { signal: c.job.signal, onProgress: ({ done, total, phase }) => c.job.progress(done, total, phase === 'checking' ? phase : 'trying') };
}

export const backupCommands = {
  'backup.exportJson': command({ input: v.undefined(), write: false, run: (c) => exportJson(c.host.session.raw, { now: c.now(), job: jobOf(c) }) }),
  'backup.exportCsv': command({ input: v.undefined(), write: false, run: (c) => exportCsv(c.host.session.raw, { now: c.now(), job: jobOf(c) }) }),
  'backup.exportSql': command({ input: v.undefined(), write: false, run: (c) => exportSql(c.host.session.raw, { now: c.now(), job: jobOf(c) }) }),
  'backup.previewJson': command({
    input: JsonImportInput,
    write: false,
    run: async (c, { document }) => previewJsonImport(c.host.session, await backupText(document), { appSchemaVersion: c.host.expectedSchemaVersion, job: previewJobOf(c) })
  }),
  /** Replaces everything, after a snapshot of the current data (the undo), in one transaction; on any failure the data is as it was. */
  'backup.importJson': command({
    input: JsonImportInput,
    write: false,
    replacesData: true,
    run: async (c, { document }) => {
      const session = c.host.session;
      const text = await backupText(document);
      c.job.progress(0, 1, 'snapshot');
      const undoSnapshot = (await c.host.snapshots?.take('restore', c.now(), jobInPhase(c.job, 'snapshot'))) ?? null;
      const options = { appSchemaVersion: c.host.expectedSchemaVersion, job: jobOf(c) };
      const write = () =>
        session.write(async () => {
          const imported = await importJson(session, text, options);
          c.job.progress(0, 1, 'committing');
          return imported;
        });
      // The undo snapshot is also the import's journal (see writeWithoutJournal).
      const { value } = await c.host.writeWithoutJournal(undoSnapshot, () => withForeignKeysCheckedAtEnd(session.raw, write));
      return { ...value, undoSnapshot };
    }
  }),
  'backup.previewCsv': command({ input: CsvImportInput, write: false, run: (c, { kind, csv }) => previewCsvImport({ ...csvTarget(c), job: previewJobOf(c) }, kind, csv) }),
  'backup.importCsv': command({ input: CsvImportInput, write: true, run: (c, { kind, csv }) => importCsv({ ...csvTarget(c), job: jobOf(c) }, kind, csv) })
};
