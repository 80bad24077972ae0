import type { RecoveryPool } from './unfinished-import';

/** For tests: files by name, as the OPFS pool keeps them, with the pool's import rules. */
export interface MemoryPool extends RecoveryPool {
  readonly files: Map<string, Uint8Array>;
}

export function memoryPool(): MemoryPool {
  const files = new Map<string, Uint8Array>();
  const store = (name: string, bytes: Uint8Array): number => {
    if (bytes.length < 512 || bytes.length % 512 !== 0 || new TextDecoder().decode(bytes.subarray(0, 15)) !== 'SQLite format 3') {
      throw new Error(`${name} is not an SQLite database`);
    }
    const copy = new Uint8Array(bytes);
    // As the pool does: an imported file says "rollback journal".
    copy[18] = 1;
    copy[19] = 1;
    files.set(name, copy);
    return copy.length;
  };
  return {
    files,
    getFileNames: () => [...files.keys()],
    exportFile: (name) => new Uint8Array(files.get(name) ?? new Uint8Array()),
    unlink: (name) => files.delete(name),
    async importDb(name, data) {
      if (typeof data !== 'function') return store(name, data instanceof ArrayBuffer ? new Uint8Array(data) : data);
      const chunks: Uint8Array[] = [];
      for (let chunk = await data(); chunk !== undefined; chunk = await data()) chunks.push(new Uint8Array(chunk));
      const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
      let offset = 0;
      for (const chunk of chunks) {
        bytes.set(chunk, offset);
        offset += chunk.length;
      }
      return store(name, bytes);
    }
  };
}

/** `length` bytes the pool takes for a database file (its header, then a pattern), in rollback-journal mode. */
export function fakeDatabaseBytes(length: number, seed = 0): Uint8Array {
  const bytes = Uint8Array.from({ length }, (_, index) => (index + seed) % 251);
  bytes.set(new TextEncoder().encode('SQLite format 3\u0000'));
  bytes[18] = 1;
  bytes[19] = 1;
  return bytes;
}
