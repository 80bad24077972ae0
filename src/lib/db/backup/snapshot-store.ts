import type { SAHPoolUtil } from '../sqlite';
import { importInChunks, type ChunkedJob } from './pool-import';
import { dueSnapshots, expiredSnapshots, parseSnapshotName, snapshotName, type SnapshotInfo, type SnapshotKind } from './snapshot-schedule';

/** The call's cancel signal and progress reporter. */
export type SnapshotJob = ChunkedJob;

/** The part of the pool the store uses (a test gives it an in-memory one). */
export type SnapshotPool = Pick<SAHPoolUtil, 'getFileNames' | 'importDb' | 'exportFile' | 'unlink'>;

/**
 * Snapshots kept on the device as files in the same OPFS pool as the database. Each is a full,
 * consistent copy in rollback-journal mode, so it opens anywhere and restores like any file.
 */
export class SnapshotStore {
  constructor(
    private readonly pool: SnapshotPool,
    private readonly exportLive: () => Uint8Array
  ) {}

  /** Newest first. */
  list(): SnapshotInfo[] {
    return this.pool
      .getFileNames()
      .map(parseSnapshotName)
      .filter((snapshot): snapshot is SnapshotInfo => snapshot !== null)
      .sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /**
   * Writes a full copy in 4 MB chunks, reporting progress; a cancel between chunks deletes the
   * partial file, so a snapshot is either whole or absent.
   */
  async take(kind: SnapshotKind, now: Date, job?: SnapshotJob): Promise<SnapshotInfo> {
    return this.#write(kind, now, this.exportLive(), job);
  }

  async #write(kind: SnapshotKind, now: Date, bytes: Uint8Array, job?: SnapshotJob): Promise<SnapshotInfo> {
    const name = snapshotName(kind, now, bytes.length);
    await importInChunks(this.pool, name, bytes, job, 'Stopped before the end, as asked; no snapshot was kept.');
    this.prune();
    return { name, kind, takenAt: now.toISOString(), bytes: bytes.length };
  }

  /**
   * Takes the daily and weekly snapshots that are due; true when it took any. Both are the same
   * moment's data, so the database is read once for them (the read holds the worker: ~1 s at ten years).
   */
  async takeDue(now: Date): Promise<boolean> {
    const due = dueSnapshots(this.list(), now);
    if (due.length === 0) return false;
    const bytes = this.exportLive();
    for (const kind of due) await this.#write(kind, now, bytes);
    return true;
  }

  read(name: string): Uint8Array {
    if (!parseSnapshotName(name) || !this.pool.getFileNames().includes(name)) throw new Error(`There is no snapshot named ${name}.`);
    return this.pool.exportFile(name);
  }

  delete(name: string): boolean {
    return parseSnapshotName(name) !== null && this.pool.unlink(name);
  }

  prune(): void {
    for (const snapshot of expiredSnapshots(this.list())) this.pool.unlink(snapshot.name);
  }
}
