import * as v from 'valibot';
import { command } from '../../rpc/command';
import { RpcFailure } from '../../rpc/result';
import type { CommandContext } from '../../db/command-context';
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

/** Restoring a database file, and the snapshots kept on the device. */
export const restoreCommands = {
  'restore.preview': command({ input: FileInput, write: false, run: (c, { file }) => previewRestore(c, file) }),
  'restore.apply': command({ input: FileInput, write: false, replacesData: true, run: (c, { file }) => applyRestore(c, file) }),
  'snapshots.list': command({ input: v.undefined(), write: false, run: (c) => c.host.snapshots?.list() ?? [] }),
  'snapshots.take': command({
    input: v.undefined(),
    write: false,
    run: async (c) => {
      const store = c.host.snapshots;
      if (!store) throw new RpcFailure('unavailable', 'A temporary session keeps no snapshots.');
      return store.take('daily', c.now(), c.job);
    }
  }),
  'snapshots.download': command({
    input: SnapshotInput,
    write: false,
    run: (c, { name }) => snapshotBytes(c, name),
    // The snapshot's bytes are read into a buffer of their own for this answer.
    transferables: (bytes) => [bytes.buffer]
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
    run: (c, { name }) => {
      if (!c.host.snapshots?.delete(name)) throw new RpcFailure('not_found', 'This snapshot no longer exists.', 'name');
      return { name };
    }
  })
};
