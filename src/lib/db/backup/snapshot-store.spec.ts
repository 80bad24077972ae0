import { describe, expect, it } from 'vitest';
import { SnapshotStore, type SnapshotPool } from './snapshot-store';

/** Files by name, as the OPFS pool keeps them. */
function memoryPool(): SnapshotPool & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  return {
    files,
    getFileNames: () => [...files.keys()],
    exportFile: (name) => files.get(name) ?? new Uint8Array(),
    unlink: (name) => files.delete(name),
    async importDb(name, data) {
      if (typeof data !== 'function') throw new Error('The store writes in chunks');
      const chunks: Uint8Array[] = [];
      for (let chunk = await data(); chunk !== undefined; chunk = await data()) chunks.push(new Uint8Array(chunk));
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      files.set(name, bytes);
      return bytes.length;
    }
  };
}

describe('SnapshotStore.takeDue', () => {
  const monday = new Date(2026, 10, 30, 8, 15);

  it('takes the due daily and weekly snapshots from one read of the database, and says so', async () => {
    const pool = memoryPool();
    let reads = 0;
    const live = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);
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
      return new Uint8Array(10);
    });
    await store.takeDue(monday);
    const later = new Date(2026, 10, 30, 17, 40);
    expect(await store.takeDue(later)).toBe(false);
    expect(reads).toBe(1);
    expect(store.list()).toHaveLength(2);
  });
});
