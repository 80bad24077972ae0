/**
 * Joins the writes of each WAL commit into one write to its file.
 *
 * SQLite writes a WAL frame as two calls, its 24-byte header and then the page, so a one-row task
 * create (about 20 pages) costs 40 FileSystemSyncAccessHandle writes. Measured here in Chromium on
 * OPFS: 40 writes of a frame's size take 0.9-2.3 ms back to back and 2.7-3.3 ms after 50 ms idle,
 * one write of the same bytes 0.1-0.5 ms (BENCHMARKS.md, "Writes"). Here a frame header starts a
 * run, the writes that follow it in the same file join it, and the run goes to the file:
 * - right after the page of a commit frame (a header whose "database size" field is not zero),
 *   inside SQLite's own write, so a failure fails the commit exactly as before;
 * - before any other call on that handle (read, size, truncate, flush, close) or a write elsewhere,
 *   so whatever SQLite or the pool reads sees every byte in order;
 * - when a run reaches MAX_RUN_BYTES.
 * The bytes and their order are unchanged, so durability is as before: nothing is acknowledged
 * before its commit frame is written.
 */

/** The part of FileSystemSyncAccessHandle this depends on (the real one, or a test's). */
export interface SyncHandle {
  write(buffer: Uint8Array, options?: { at?: number }): number;
  read(buffer: Uint8Array, options?: { at?: number }): number;
  getSize(): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}

const FRAME_HEADER_BYTES = 24;
const MAX_RUN_BYTES = 8 * 1024 * 1024;
/**
 * One buffer serves every run (there is one run at a time) and is kept while it is at most this
 * big. A new 64 KiB buffer per commit, doubled to fit a ~190 KB one-row commit, was 16% of a task
 * create's worker time in a Chromium profile (fresh memory faulted in, the old copied and dropped).
 */
const KEPT_BUFFER_BYTES = 1024 * 1024;
const FIRST_BUFFER_BYTES = 256 * 1024;

interface Run {
  readonly handle: SyncHandle;
  readonly start: number;
  bytes: Uint8Array;
  length: number;
  /** The header just added belongs to a commit frame: its page ends the commit. */
  commitPending: boolean;
}

type Original = Pick<SyncHandle, 'write' | 'read' | 'getSize' | 'truncate' | 'flush' | 'close'>;

/**
 * Installs the combiner on `prototype` (FileSystemSyncAccessHandle.prototype in the database
 * worker: the pool keeps its handles private, so they are reached through their class). Answers a
 * function that writes any pending run and puts the original methods back.
 */
export function combineWalWrites(prototype: SyncHandle): () => void {
  const original: Original = {
    write: prototype.write,
    read: prototype.read,
    getSize: prototype.getSize,
    truncate: prototype.truncate,
    flush: prototype.flush,
    close: prototype.close
  };
  let run: Run | null = null;
  let spare: Uint8Array = new Uint8Array(FIRST_BUFFER_BYTES);

  const writeRun = () => {
    const pending = run;
    if (!pending) return;
    run = null;
    // Only the run's own bytes are written; whatever an earlier, longer run left after them is not.
    spare = pending.bytes.byteLength <= KEPT_BUFFER_BYTES ? pending.bytes : new Uint8Array(FIRST_BUFFER_BYTES);
    const written = original.write.call(pending.handle, pending.bytes.subarray(0, pending.length), { at: pending.start });
    if (written !== pending.length) throw new Error(`Wrote ${written} of ${pending.length} bytes of the write-ahead log.`);
  };

  const append = (pending: Run, buffer: Uint8Array) => {
    const needed = pending.length + buffer.byteLength;
    if (needed > pending.bytes.byteLength) {
      const grown = new Uint8Array(Math.max(needed, pending.bytes.byteLength * 2));
      grown.set(pending.bytes.subarray(0, pending.length));
      pending.bytes = grown;
    }
    pending.bytes.set(buffer, pending.length);
    pending.length = needed;
  };

  prototype.write = function (this: SyncHandle, buffer: Uint8Array, options?: { at?: number }): number {
    const at = options?.at;
    const pending = run;
    const continues = pending !== null && pending.handle === this && at === pending.start + pending.length;
    if (buffer.byteLength === FRAME_HEADER_BYTES && at !== undefined) {
      if (!continues) {
        writeRun();
        run = { handle: this, start: at, bytes: spare, length: 0, commitPending: false };
      }
      const current = run as Run;
      append(current, buffer);
      current.commitPending = isCommitFrame(buffer);
      return buffer.byteLength;
    }
    if (continues && pending) {
      append(pending, buffer);
      if (pending.commitPending || pending.length >= MAX_RUN_BYTES) writeRun();
      return buffer.byteLength;
    }
    writeRun();
    return original.write.call(this, buffer, options);
  };

  const writingFirst = <K extends 'read' | 'getSize' | 'truncate' | 'flush' | 'close'>(name: K) =>
    function (this: SyncHandle, ...args: Parameters<SyncHandle[K]>): ReturnType<SyncHandle[K]> {
      if (run?.handle === this) writeRun();
      return (original[name] as (...a: Parameters<SyncHandle[K]>) => ReturnType<SyncHandle[K]>).apply(this, args);
    };
  prototype.read = writingFirst('read');
  prototype.getSize = writingFirst('getSize');
  prototype.truncate = writingFirst('truncate');
  prototype.flush = writingFirst('flush');
  prototype.close = writingFirst('close');

  return () => {
    writeRun();
    Object.assign(prototype, original);
  };
}

/** Bytes 4-7 of a WAL frame header: the database's size in pages after a commit, 0 otherwise. */
function isCommitFrame(header: Uint8Array): boolean {
  return (header[4] ?? 0) !== 0 || (header[5] ?? 0) !== 0 || (header[6] ?? 0) !== 0 || (header[7] ?? 0) !== 0;
}
