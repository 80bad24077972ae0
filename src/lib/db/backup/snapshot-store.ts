import { RpcFailure } from '../../rpc/result';
import type { SAHPoolUtil } from '../sqlite';
import { unfinishedSnapshots, type CopyOptions } from './pool-snapshot-copy';
import type { ChunkedJob } from './pool-import';
import { CopyStopped } from './stepped-copy';
import { dueSnapshots, expiredSnapshots, parseSnapshotName, snapshotName, type SnapshotInfo, type SnapshotKind } from './snapshot-schedule';

/** The call's cancel signal and progress reporter. */
export type SnapshotJob = ChunkedJob;

/** The part of the pool the store uses (a test gives it an in-memory one). */
export type SnapshotPool = Pick<SAHPoolUtil, 'getFileNames' | 'exportFile' | 'unlink'>;

/** How the store reaches the live database. */
export interface LiveDatabase {
  /** Its size now, in bytes. */
  bytesNow(): number;
  /** Copies it into the pool file `name` a step at a time, calls answered between steps (pool-snapshot-copy.ts). */
  copyInSteps(name: string, options?: CopyOptions): Promise<void>;
}

/** Pages a step when someone waits for the snapshot (4 MB): fewer steps, the calls still answered between them. */
const WAITED_STEP_PAGES = 1024;

/**
 * Snapshots kept on the device as files in the same OPFS pool as the database. Each is a full,
 * consistent copy; it opens anywhere and restores like any file once `read` has it.
 */
export class SnapshotStore {
  constructor(
    private readonly pool: SnapshotPool,
    private readonly live: LiveDatabase
  ) {}

  /** Newest first. */
  list(): SnapshotInfo[] {
    const files = this.pool.getFileNames();
    const unfinished = unfinishedSnapshots(files);
    return files
      .filter((name) => !unfinished.has(name))
      .map(parseSnapshotName)
      .filter((snapshot): snapshot is SnapshotInfo => snapshot !== null)
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /**
   * Takes a snapshot someone waits for (before a migration, a restore or an import, or asked for),
   * in 4 MB steps that report progress; a cancel between steps deletes the partial file, so a
   * snapshot is either whole or absent.
   */
  async take(kind: SnapshotKind, now: Date, job?: SnapshotJob): Promise<SnapshotInfo> {
    const bytes = this.live.bytesNow();
    const name = snapshotName(kind, now, bytes);
    try {
      await this.live.copyInSteps(name, { stepPages: WAITED_STEP_PAGES, job });
    } catch (error) {
      if (error instanceof CopyStopped && job?.signal.aborted) throw new RpcFailure('cancelled', 'Stopped before the end, as asked; nothing was changed.');
      throw error;
    }
    this.prune();
    return { name, kind, takenAt: now.toISOString(), bytes };
  }

  /**
   * Takes the scheduled snapshot that is due (dueSnapshots); true when it took one. Nobody waits for
   * it, so it is copied a step at a time and the calls meanwhile are answered between steps (read
   * at once, the file held the worker for a second at ten years). Writes made during the copy are
   * in it; its name has the moment the copy began and the size the database had then.
   */
  async takeDue(now: Date): Promise<boolean> {
    const due = dueSnapshots(this.list(), now);
    for (const kind of due) {
      await this.live.copyInSteps(snapshotName(kind, now, this.live.bytesNow()));
      this.prune();
    }
    return due.length > 0;
  }

  /** A snapshot's file as any `sqlite3` opens it (a copy made in steps still says "WAL" in its header). */
  read(name: string): Uint8Array {
    if (!this.#isListed(name)) throw new Error(`There is no snapshot named ${name}.`);
    const bytes = this.pool.exportFile(name);
    // Header bytes 18-19: 1 is a rollback journal, 2 is WAL, which a file without its -wal must not say.
    bytes[18] = 1;
    bytes[19] = 1;
    return bytes;
  }

  delete(name: string): boolean {
    return this.#isListed(name) && this.pool.unlink(name);
  }

  /** A whole snapshot by that name is on the device (not one still being copied). */
  #isListed(name: string): boolean {
    return this.list().some((snapshot) => snapshot.name === name);
  }

  prune(): void {
    for (const snapshot of expiredSnapshots(this.list())) this.pool.unlink(snapshot.name);
  }
}
