import type { SAHPoolUtil } from '../sqlite';
import { dueSnapshots, expiredSnapshots, parseSnapshotName, snapshotName, type SnapshotInfo, type SnapshotKind } from './snapshot-schedule';

/**
 * Snapshots kept on the device as files in the same OPFS pool as the database. Each is a full,
 * consistent copy in rollback-journal mode, so it opens anywhere and restores like any file.
 */
export class SnapshotStore {
  constructor(
    private readonly pool: SAHPoolUtil,
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

  async take(kind: SnapshotKind, now: Date): Promise<SnapshotInfo> {
    const bytes = this.exportLive();
    const name = snapshotName(kind, now, bytes.length);
    await this.pool.importDb(name, bytes);
    this.prune();
    return { name, kind, takenAt: now.toISOString(), bytes: bytes.length };
  }

  /** Takes the daily and weekly snapshots that are due (called before the day's first use). */
  async takeDue(now: Date): Promise<void> {
    for (const kind of dueSnapshots(this.list(), now)) await this.take(kind, now);
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
