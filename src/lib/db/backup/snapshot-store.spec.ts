import { describe, expect, it } from 'vitest';
import { fakeDatabaseBytes, memoryPool } from './memory-pool';
import { SnapshotStore } from './snapshot-store';

describe('SnapshotStore.takeDue', () => {
  const monday = new Date(2026, 10, 30, 8, 15);

  it('takes the due daily and weekly snapshots from one read of the database, and says so', async () => {
    const pool = memoryPool();
    let reads = 0;
    const live = fakeDatabaseBytes(5120);
    const store = new SnapshotStore(pool, () => {
      reads++;
      return live;
    });

    expect(await store.takeDue(monday)).toBe(true);
    expect(reads).toBe(1);
    expect(store.list().map((snapshot) => snapshot.kind).sort()).toEqual(['daily', 'weekly']);
    for (const bytes of pool.files.values()) expect(bytes).toEqual(live);
  });

  it('takes nothing, and reads nothing, when the day’s snapshots are already there', async () => {
    const pool = memoryPool();
    let reads = 0;
    const store = new SnapshotStore(pool, () => {
      reads++;
      return fakeDatabaseBytes(512);
    });
    await store.takeDue(monday);
    const later = new Date(2026, 10, 30, 17, 40);
    expect(await store.takeDue(later)).toBe(false);
    expect(reads).toBe(1);
    expect(store.list()).toHaveLength(2);
  });
});
