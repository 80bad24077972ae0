/** How much text waits as strings before it moves into a Blob of its own (characters). */
export const PENDING_TEXT_LIMIT = 4 * 1024 * 1024;

/**
 * Text written a piece at a time into a Blob. A Blob's bytes live outside the JavaScript heap and
 * cross postMessage as a handle, so an export of hundreds of megabytes is never one string in the
 * worker, nor a copy the page's thread has to make (a 10-year JSON export held the page's thread
 * for 3.7 s when it arrived as a string).
 */
export class TextBlobWriter {
  readonly #blobs: Blob[] = [];
  #pending: string[] = [];
  #pendingLength = 0;

  write(text: string): void {
    this.#pending.push(text);
    this.#pendingLength += text.length;
    if (this.#pendingLength >= PENDING_TEXT_LIMIT) this.#flush();
  }

  /** Everything written, as UTF-8. */
  toBlob(type: string): Blob {
    this.#flush();
    return new Blob(this.#blobs, { type });
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    this.#blobs.push(new Blob(this.#pending));
    this.#pending = [];
    this.#pendingLength = 0;
  }
}

/** Bytes made in the worker as a file for the page; the Blob copies them out of the JS heap. */
export function bytesBlob(bytes: Uint8Array, type: string): Blob {
  const { buffer } = bytes;
  // Typed arrays may sit on shared memory, which a Blob does not take; the worker's files never do.
  const own = buffer instanceof ArrayBuffer ? new Uint8Array(buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice();
  return new Blob([own], { type });
}

/** What a downloaded database file is said to be. */
export const DATABASE_FILE_TYPE = 'application/vnd.sqlite3';
