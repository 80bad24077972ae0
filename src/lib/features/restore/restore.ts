import * as v from 'valibot';
import type { DataSummary } from '../../db/backup/summary';
import type { SnapshotInfo } from '../../db/backup/snapshot-schedule';

export type { DataSummary, SnapshotInfo };

/** The file as chosen (the worker reads it) or its bytes. */
const file = v.custom<Blob | Uint8Array>((value) => value instanceof Blob || value instanceof Uint8Array, 'Choose a database file.');
const snapshotName = v.pipe(v.string('Choose a snapshot.'), v.regex(/^\/snapshot-[\w-]+\.sqlite3$/, 'There is no such snapshot.'));

export const FileInput = v.object({ file });
export const SnapshotInput = v.object({ name: snapshotName });

/** What a restore would bring in, beside what is there now. */
export interface RestorePreview {
  readonly incoming: DataSummary & { readonly fileSchemaVersion: number };
  readonly current: DataSummary;
}

export interface RestoreResult {
  readonly restored: DataSummary;
  /** The snapshot of the data as it was just before, to undo the restore; null in a temporary session. */
  readonly undoSnapshot: SnapshotInfo | null;
}
