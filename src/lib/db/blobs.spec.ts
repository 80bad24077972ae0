import { describe, expect, it } from 'vitest';
import { bytesBlob, PENDING_TEXT_LIMIT, TextBlobWriter } from './blobs';

describe('TextBlobWriter', () => {
  it('gives back exactly the text written, as UTF-8, across the pieces it moves into Blobs on the way', async () => {
    const writer = new TextBlobWriter();
    const pieces = ['{"a": "é"}\n', 'ü'.repeat(PENDING_TEXT_LIMIT - 3), '😀 straddles the limit', 'x'.repeat(PENDING_TEXT_LIMIT * 2), '', 'end\n'];
    for (const piece of pieces) writer.write(piece);
    const blob = writer.toBlob('application/json');
    expect(blob.type).toBe('application/json');
    expect(blob.size).toBe(new TextEncoder().encode(pieces.join('')).byteLength);
    expect(await blob.text()).toBe(pieces.join(''));
  });

  it('gives an empty Blob when nothing was written', async () => {
    const blob = new TextBlobWriter().toBlob('application/sql');
    expect(blob.size).toBe(0);
    expect(await blob.text()).toBe('');
  });
});

describe('bytesBlob', () => {
  it('holds only the bytes the array views, not the whole buffer under it', async () => {
    const buffer = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const blob = bytesBlob(buffer.subarray(2, 5), 'application/vnd.sqlite3');
    expect(blob.type).toBe('application/vnd.sqlite3');
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([3, 4, 5]);
  });
});
