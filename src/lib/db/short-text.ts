/**
 * Short ASCII text between JavaScript strings and SQLite's UTF-8 bytes without TextEncoder or
 * TextDecoder, whose calls cost more than the copy in Chromium: for a 36-character id into
 * WebAssembly memory, encodeInto 267-315 ns against 71 ns for this loop, decode 238-245 against
 * 187-191 ns (page and worker). Binding the text of a 10-year JSON import (~3 million ids, days,
 * times and statuses) was the largest single item of its CPU profile. ASCII is the same in UTF-8
 * and UTF-16, so a byte-by-byte copy is exact; anything else goes the usual way.
 */

/** Texts longer than this (in UTF-16 units or bytes) always go through TextEncoder/TextDecoder. */
export const SHORT_TEXT_LIMIT = 128;

/**
 * Writes `text` into `target` from index 0 if it is short ASCII and answers its byte length; answers
 * -1 otherwise (what was written by then is to be overwritten).
 */
export function writeShortAscii(text: string, target: Uint8Array): number {
  const length = text.length;
  if (length > SHORT_TEXT_LIMIT || length > target.length) return -1;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code > 0x7f) return -1;
    target[index] = code;
  }
  return length;
}

/** The text of `length` bytes at `offset` if they are short ASCII, otherwise null. */
export function readShortAscii(bytes: Uint8Array, offset: number, length: number): string | null {
  if (length > SHORT_TEXT_LIMIT) return null;
  let text = '';
  for (let index = offset; index < offset + length; index++) {
    const code = bytes[index] ?? 0x80;
    if (code > 0x7f) return null;
    text += String.fromCharCode(code);
  }
  return text;
}
