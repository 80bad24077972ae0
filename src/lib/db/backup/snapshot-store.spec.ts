import { describe, expect, it } from 'vitest';
import { fakeDatabaseBytes, memoryPool, type MemoryPool } from './memory-pool';
import type { CopyOptions } from './pool-snapshot-copy';
import { SnapshotStore, type LiveDatabase } from './snapshot-store';
import { CopyStopped } from './stepped-copy';

/** A live database of `bytes`, recording the copies it is asked to make in steps and how. */
function fakeLive(pool: MemoryPool, bytes: Uint8Array) {
  const copies: { name: string; options: CopyOptions | undefined }[] = [];
  const live: LiveDatabase = {
    bytesNow: () => bytes.length,
    copyInSteps: async (name, options) => {
      copies.push({ name, options });
      if (options?.job?.signal.aborted) throw new CopyStopped();
      options?.job?.progress(bytes.length, bytes.length);
      await pool.importDb(name, bytes);
    }
  };
  return { live, copies };
}

describe('SnapshotStore.takeDue', () => {
  const monday = new Date(2026, 10, 30, 8, 15);

  it('copies the due snapshot in small steps, and says so: the week’s on a Monday, the day’s on Tuesday', async () => {
    const pool = memoryPool();
    const bytes = fakeDatabaseBytes(5120);
    const { live, copies } = fakeLive(pool, bytes);
    const store = new SnapshotStore(pool, live);

    expect(await store.takeDue(monday)).toBe(true);
    expect(await store.takeDue(new Date(2026, 11, 1, 9, 0))).toBe(true);
    expect(copies).toHaveLength(2);
    expect(copies.every(({ options }) => options?.stepPages === undefined && options?.job === undefined)).toBe(true);
    expect(store.list().map((snapshot) => snapshot.kind)).toEqual(['daily', 'weekly']);
    expect(store.list().every((snapshot) => snapshot.bytes === bytes.length)).toBe(true);
  });

  it('takes nothing when the day’s snapshot is already there', async () => {
    const pool = memoryPool();
    const { live, copies } = fakeLive(pool, fakeDatabaseBytes(512));
    const store = new SnapshotStore(pool, live);
    await store.takeDue(monday);
    const later = new Date(2026, 10, 30, 17, 40);
    expect(await store.takeDue(later)).toBe(false);
    expect(copies).toHaveLength(1);
    expect(store.list()).toHaveLength(1);
  });
});

describe('SnapshotStore.take', () => {
  const now = new Date(2026, 10, 30, 8, 15);

  it('copies in 4 MB steps, reporting to the job, and answers what it took', async () => {
    const pool = memoryPool();
    const bytes = fakeDatabaseBytes(2048);
    const { live, copies } = fakeLive(pool, bytes);
    const progress: number[] = [];
    const job = { signal: new AbortController().signal, progress: (done: number) => progress.push(done) };

    const taken = await new SnapshotStore(pool, live).take('restore', now, job);
    expect(taken).toMatchObject({ kind: 'restore', bytes: bytes.length, takenAt: now.toISOString() });
    expect(copies.map(({ options }) => options?.stepPages)).toEqual([1024]);
    expect(progress).toEqual([bytes.length]);
    expect(pool.files.get(taken.name)).toEqual(bytes);
  });

  it('when its job is cancelled, says so as a cancel and keeps no snapshot', async () => {
    const pool = memoryPool();
    const { live } = fakeLive(pool, fakeDatabaseBytes(2048));
    const cancel = new AbortController();
    cancel.abort();
    const store = new SnapshotStore(pool, live);

    await expect(store.take('restore', now, { signal: cancel.signal, progress: () => {} })).rejects.toMatchObject({ error: { code: 'cancelled' } });
    expect(store.list()).toEqual([]);
  });
});

describe('SnapshotStore and a copy still being made', () => {
  it('neither lists, reads nor deletes a snapshot whose copy has its note beside it', async () => {
    const pool = memoryPool();
    const { live } = fakeLive(pool, fakeDatabaseBytes(1024));
    const store = new SnapshotStore(pool, live);
    await store.takeDue(new Date(2026, 10, 30, 8, 15));
    await store.takeDue(new Date(2026, 11, 1, 8, 15));
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
