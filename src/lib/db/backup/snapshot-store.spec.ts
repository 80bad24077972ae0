import { describe, expect, it } from 'vitest';
import { fakeDatabaseBytes, memoryPool, type MemoryPool } from './memory-pool';
import { SnapshotStore, type LiveDatabase } from './snapshot-store';

/** A live database of `bytes`, recording the copies it is asked to make in steps. */
function fakeLive(pool: MemoryPool, bytes: Uint8Array) {
  const copies: string[] = [];
  let reads = 0;
  const live: LiveDatabase = {
    exportBytes: () => {
      reads++;
      return bytes;
    },
    bytesNow: () => bytes.length,
    copyInSteps: async (name) => {
      copies.push(name);
      await pool.importDb(name, bytes);
    }
  };
  return { live, copies, reads: () => reads };
}

describe('SnapshotStore.takeDue', () => {
  const monday = new Date(2026, 10, 30, 8, 15);

  it('copies the due daily and weekly snapshots in steps, without reading the whole file at once, and says so', async () => {
    const pool = memoryPool();
    const bytes = fakeDatabaseBytes(5120);
    const { live, copies, reads } = fakeLive(pool, bytes);
    const store = new SnapshotStore(pool, live);

    expect(await store.takeDue(monday)).toBe(true);
    expect(reads()).toBe(0);
    expect(copies).toHaveLength(2);
    expect(store.list().map((snapshot) => snapshot.kind).sort()).toEqual(['daily', 'weekly']);
    expect(store.list().every((snapshot) => snapshot.bytes === bytes.length)).toBe(true);
  });

  it('takes nothing when the day’s snapshots are already there', async () => {
    const pool = memoryPool();
    const { live, copies } = fakeLive(pool, fakeDatabaseBytes(512));
    const store = new SnapshotStore(pool, live);
    await store.takeDue(monday);
    const later = new Date(2026, 10, 30, 17, 40);
    expect(await store.takeDue(later)).toBe(false);
    expect(copies).toHaveLength(2);
    expect(store.list()).toHaveLength(2);
  });
});

describe('SnapshotStore and a copy still being made', () => {
  it('neither lists, reads nor deletes a snapshot whose copy has its note beside it', async () => {
    const pool = memoryPool();
    const { live } = fakeLive(pool, fakeDatabaseBytes(1024));
    const store = new SnapshotStore(pool, live);
    await store.takeDue(new Date(2026, 10, 30, 8, 15));
    const [copying, whole] = store.list();
    if (!copying || !whole) throw new Error('two snapshots');
    await pool.importDb(`/unfinished-snapshot${copying.name}`, fakeDatabaseBytes(512));

    expect(store.list().map((snapshot) => snapshot.name)).toEqual([whole.name]);
    expect(() => store.read(copying.name)).toThrow(/no snapshot named/);
    expect(store.delete(copying.name)).toBe(false);
    expect(pool.files.has(copying.name)).toBe(true);
  });

  it('reads a snapshot as a rollback-journal file even when its copy kept the live file’s WAL header', async () => {
    const pool = memoryPool();
    const bytes = fakeDatabaseBytes(1024);
    const { live } = fakeLive(pool, bytes);
    const store = new SnapshotStore(pool, live);
    await store.takeDue(new Date(2026, 10, 30, 8, 15));
    const [snapshot] = store.list();
    if (!snapshot) throw new Error('a snapshot');
    const stored = pool.files.get(snapshot.name);
    if (!stored) throw new Error('its file');
    stored[18] = 2;
    stored[19] = 2;

    const read = store.read(snapshot.name);
    expect([read[18], read[19]]).toEqual([1, 1]);
    expect(read.subarray(20)).toEqual(bytes.subarray(20));
  });
});
