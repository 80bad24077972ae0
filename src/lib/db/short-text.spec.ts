import { describe, expect, it } from 'vitest';
import { SHORT_TEXT_LIMIT, writeShortAscii } from './short-text';

const encoder = new TextEncoder();

describe('short ASCII text', () => {
  it('copies short ASCII exactly as UTF-8, and leaves everything else to TextEncoder', () => {
    const target = new Uint8Array(4 * SHORT_TEXT_LIMIT);
    for (const text of ['', 'todo', '0158c3b2-6c01-72fa-a736-58f1f9224dfc', '2026-12-03T09:00:00.000Z', 'a\u0000b', 'x'.repeat(SHORT_TEXT_LIMIT)]) {
      const length = writeShortAscii(text, target);
      expect(length).toBe(text.length);
      expect(target.subarray(0, length)).toEqual(encoder.encode(text));
    }
    for (const text of ['é', 'plain then ✓', '\ud800', 'x'.repeat(SHORT_TEXT_LIMIT + 1)]) expect(writeShortAscii(text, target)).toBe(-1);
    expect(writeShortAscii('too long for it', new Uint8Array(4))).toBe(-1);
  });
});
