/**
 * Short ASCII text into SQLite's UTF-8 bytes without TextEncoder, whose call costs more than the
 * copy in Chromium: for a 36-character id into WebAssembly memory, encodeInto 267-315 ns against
 * 71 ns for this loop (page and worker). Binding the text of a 10-year JSON import (~3 million
 * ids, days, times and statuses) was the largest single item of its CPU profile. ASCII is the same
 * in UTF-8 and UTF-16, so a byte-by-byte copy is exact; anything else goes the usual way.
 */

/** Texts longer than this (in UTF-16 units) always go through TextEncoder. */
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
