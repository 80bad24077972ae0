import * as v from 'valibot';
import { SNAPSHOTS } from '../../rpc/all-tables';
import { command } from '../../rpc/command';
import { RpcFailure } from '../../rpc/result';
import type { CommandContext } from '../../db/command-context';
import { bytesBlob, DATABASE_FILE_TYPE } from '../../db/blobs';
import { FileInput, SnapshotInput } from './restore';
import { applyRestore, previewRestore } from './restore.service';

function snapshotBytes(context: CommandContext, name: string): Uint8Array {
  const store = context.host.snapshots;
  if (!store) throw new RpcFailure('unavailable', 'A temporary session keeps no snapshots.');
  try {
    return store.read(name);
  } catch {
    throw new RpcFailure('not_found', 'This snapshot no longer exists.', 'name');
  }
}

/** The chosen file's bytes, read here in the worker: the page passes the file itself. */
async function fileBytes(file: Blob | Uint8Array): Promise<Uint8Array> {
  if (file instanceof Uint8Array) return file;
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch (error) {
    throw new RpcFailure('validation', `The file could not be read (${error instanceof Error ? error.message : String(error)}). Choose it again.`, 'file');
  }
}

/** Restoring a database file, and the snapshots kept on the device. */
export const restoreCommands = {
  'restore.preview': command({ input: FileInput, write: false, run: async (c, { file }) => previewRestore(c, await fileBytes(file)) }),
  'restore.apply': command({ input: FileInput, write: false, replacesData: true, run: async (c, { file }) => applyRestore(c, await fileBytes(file)) }),
  'snapshots.list': command({ input: v.undefined(), write: false, run: (c) => c.host.snapshots?.list() ?? [] }),
  'snapshots.take': command({
    input: v.undefined(),
    write: false,
    announces: [SNAPSHOTS],
    run: async (c) => {
      const store = c.host.snapshots;
      if (!store) throw new RpcFailure('unavailable', 'A temporary session keeps no snapshots.');
      return store.take('manual', c.now(), c.job);
    }
  }),
  'snapshots.download': command({
    input: SnapshotInput,
    write: false,
    run: (c, { name }) => bytesBlob(snapshotBytes(c, name), DATABASE_FILE_TYPE)
  }),
  'snapshots.preview': command({ input: SnapshotInput, write: false, run: (c, { name }) => previewRestore(c, snapshotBytes(c, name)) }),
  'snapshots.restore': command({
    input: SnapshotInput,
    write: false,
    replacesData: true,
    run: (c, { name }) => applyRestore(c, snapshotBytes(c, name))
  }),
  'snapshots.delete': command({
    input: SnapshotInput,
    write: false,
    announces: [SNAPSHOTS],
    run: (c, { name }) => {
      if (!c.host.snapshots?.delete(name)) throw new RpcFailure('not_found', 'This snapshot no longer exists.', 'name');
      return { name };
    }
  })
};
