import { afterEach, describe, expect, it } from 'vitest';
import { combineWalWrites, type SyncHandle } from './wal-write-combiner';

/** A file in memory that records each call that reaches it, as FileSystemSyncAccessHandle would see them. */
class FakeHandle implements SyncHandle {
  static calls: string[] = [];
  bytes = new Uint8Array(0);
  failWrites = false;

  constructor(readonly name: string) {}

  write(buffer: Uint8Array, options?: { at?: number }): number {
    const at = options?.at ?? 0;
    FakeHandle.calls.push(`${this.name} write ${buffer.byteLength}@${at}`);
    if (this.failWrites) throw new DOMException('The disk is full', 'QuotaExceededError');
    if (at + buffer.byteLength > this.bytes.byteLength) {
      const grown = new Uint8Array(at + buffer.byteLength);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(buffer, at);
    return buffer.byteLength;
  }

  read(buffer: Uint8Array, options?: { at?: number }): number {
    const at = options?.at ?? 0;
    FakeHandle.calls.push(`${this.name} read ${buffer.byteLength}@${at}`);
    const part = this.bytes.subarray(at, at + buffer.byteLength);
    buffer.set(part);
    return part.byteLength;
  }

  getSize(): number {
    FakeHandle.calls.push(`${this.name} getSize`);
    return this.bytes.byteLength;
  }

  truncate(size: number): void {
    FakeHandle.calls.push(`${this.name} truncate ${size}`);
    this.bytes = this.bytes.slice(0, size);
  }

  flush(): void {
    FakeHandle.calls.push(`${this.name} flush`);
  }

  close(): void {
    FakeHandle.calls.push(`${this.name} close`);
  }
}

const PAGE = 64;

/** A WAL frame header: page number, then the database size after a commit (0 if not a commit). */
function header(page: number, commitSize = 0): Uint8Array {
  const bytes = new Uint8Array(24);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, page);
  view.setUint32(4, commitSize);
  return bytes;
}

function page(fill: number): Uint8Array {
  return new Uint8Array(PAGE).fill(fill);
}

/** Writes frames as SQLite does: header, then page, at consecutive offsets. */
function writeFrames(handle: SyncHandle, start: number, pages: readonly number[], commitSize: number): number {
  let at = start;
  pages.forEach((fill, index) => {
    handle.write(header(fill, index === pages.length - 1 ? commitSize : 0), { at });
    at += 24;
    handle.write(page(fill), { at });
    at += PAGE;
  });
  return at;
}

let uninstall: (() => void) | null = null;

afterEach(() => {
  uninstall?.();
  uninstall = null;
  FakeHandle.calls = [];
});

describe('combineWalWrites', () => {
  it('writes a commit’s frames as one write, ending with its commit frame, with the same bytes', () => {
    const plain = new FakeHandle('plain');
    writeFrames(plain, 32, [1, 2, 3], 3);
    const expected = plain.bytes;

    uninstall = combineWalWrites(FakeHandle.prototype);
    FakeHandle.calls = [];
    const wal = new FakeHandle('wal');
    writeFrames(wal, 32, [1, 2, 3], 3);

    expect(FakeHandle.calls).toEqual([`wal write ${3 * (24 + PAGE)}@32`]);
    expect(wal.bytes).toEqual(expected);
  });

  it('writes each commit’s own bytes only, after longer commits than its first buffer holds and than it keeps', () => {
    // 3,000 frames outgrow the first buffer; 13,000 (over 1 MiB) outgrow the buffer kept between commits.
    const commits = [3000, 2, 13000, 1].map((count, commit) => Array.from({ length: count }, (_, i) => ((i + commit) % 250) + 1));
    uninstall = combineWalWrites(FakeHandle.prototype);
    const wal = new FakeHandle('wal');
    for (const pages of commits) {
      FakeHandle.calls = [];
      const end = writeFrames(wal, 32, pages, pages.length);
      expect(FakeHandle.calls).toEqual([`wal write ${end - 32}@32`]);
      const expected = new Uint8Array(end - 32);
      pages.forEach((fill, index) => {
        expected.set(header(fill, index === pages.length - 1 ? pages.length : 0), index * (24 + PAGE));
        expected.set(page(fill), index * (24 + PAGE) + 24);
      });
      // Compared as bytes in one call: an element-wise comparison of a megabyte takes seconds.
      expect(Buffer.compare(wal.bytes.subarray(32, end), expected)).toBe(0);
    }
  });

  it('keeps frames of an unfinished transaction until the handle is used otherwise, then writes them first', () => {
    uninstall = combineWalWrites(FakeHandle.prototype);
    const wal = new FakeHandle('wal');
    const end = writeFrames(wal, 32, [7, 8], 0);
    expect(FakeHandle.calls).toEqual([]);

    // A read of a frame just written (a page evicted from the cache) sees it.
    const frame = new Uint8Array(PAGE);
    wal.read(frame, { at: 32 + 24 + PAGE + 24 });
    expect(frame).toEqual(page(8));
    expect(FakeHandle.calls).toEqual([`wal write ${end - 32}@32`, `wal read ${PAGE}@${end - PAGE}`]);
  });

  it('writes pending frames before a write elsewhere, a size, a truncate, a flush or a close', () => {
    uninstall = combineWalWrites(FakeHandle.prototype);
    const wal = new FakeHandle('wal');
    const database = new FakeHandle('db');
    let end = writeFrames(wal, 0, [1], 0);
    database.write(page(9), { at: 0 });
    expect(FakeHandle.calls).toEqual([`wal write ${end}@0`, `db write ${PAGE}@0`]);

    for (const use of [() => wal.getSize(), () => wal.truncate(0), () => wal.flush(), () => wal.close()]) {
      FakeHandle.calls = [];
      end = writeFrames(wal, 0, [2], 0);
      use();
      expect(FakeHandle.calls[0]).toBe(`wal write ${end}@0`);
      expect(FakeHandle.calls).toHaveLength(2);
    }
  });

  it('passes other writes through unchanged: the WAL header, database pages, rollback journal records', () => {
    uninstall = combineWalWrites(FakeHandle.prototype);
    const file = new FakeHandle('file');
    file.write(new Uint8Array(32), { at: 0 });
    file.write(page(1), { at: 8192 });
    file.write(new Uint8Array(4), { at: 100 });
    expect(FakeHandle.calls).toEqual(['file write 32@0', `file write ${PAGE}@8192`, 'file write 4@100']);
  });

  it('starts a new write when a frame does not follow the previous one (the log restarted)', () => {
    uninstall = combineWalWrites(FakeHandle.prototype);
    const wal = new FakeHandle('wal');
    writeFrames(wal, 32, [1, 2], 0);
    writeFrames(wal, 32, [3], 1);
    expect(FakeHandle.calls).toEqual([`wal write ${2 * (24 + PAGE)}@32`, `wal write ${24 + PAGE}@32`]);
    const frame = new Uint8Array(PAGE);
    wal.read(frame, { at: 32 + 24 });
    expect(frame).toEqual(page(3));
  });

  it('fails the commit frame’s own write when the file refuses the bytes, so SQLite fails the commit', () => {
    uninstall = combineWalWrites(FakeHandle.prototype);
    const wal = new FakeHandle('wal');
    wal.failWrites = true;
    wal.write(header(1, 1), { at: 32 });
    expect(() => wal.write(page(1), { at: 32 + 24 })).toThrow('The disk is full');
    // Nothing is left pending to be written later.
    wal.failWrites = false;
    FakeHandle.calls = [];
    wal.flush();
    expect(FakeHandle.calls).toEqual(['wal flush']);
  });

  it('puts the original methods back, writing what was pending', () => {
    const originalWrite = FakeHandle.prototype.write;
    uninstall = combineWalWrites(FakeHandle.prototype);
    const wal = new FakeHandle('wal');
    writeFrames(wal, 0, [5], 0);
    uninstall();
    uninstall = null;
    expect(FakeHandle.prototype.write).toBe(originalWrite);
    expect(FakeHandle.calls).toEqual([`wal write ${24 + PAGE}@0`]);
  });
});
