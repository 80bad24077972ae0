import { yieldToEventLoop } from '../event-loop';
import { RpcFailure } from '../../rpc/result';
import type { SAHPoolUtil } from '../sqlite';

/** A long call's cancel signal and progress reporter. */
export interface ChunkedJob {
  readonly signal: AbortSignal;
  progress(done: number, total: number): void;
}

/** A multiple of every SQLite page size, as importDb asks of its chunks. */
const CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Writes `bytes` as the pool file `name` in 4 MB chunks, reporting progress and letting a cancel
 * arrive between them; a cancel or a failure deletes the partial file, so the file is whole or absent.
 */
export async function importInChunks(
  pool: Pick<SAHPoolUtil, 'importDb' | 'unlink'>,
  name: string,
  bytes: Uint8Array,
  job: ChunkedJob | undefined,
  cancelledMessage: string
): Promise<void> {
  let offset = 0;
  try {
    await pool.importDb(name, async () => {
      if (offset >= bytes.length) return undefined;
      if (job?.signal.aborted) throw new Error('cancelled');
      const chunk = bytes.subarray(offset, offset + CHUNK_BYTES);
      offset += chunk.length;
      job?.progress(offset, bytes.length);
      await yieldToEventLoop();
      return chunk;
    });
  } catch (error) {
    pool.unlink(name);
    if (job?.signal.aborted) throw new RpcFailure('cancelled', cancelledMessage);
    throw error;
  }
}
