import { yieldToEventLoop } from '../event-loop';
import type { Database, Sqlite3Static } from '../sqlite';

/** Pages copied in one step unless told (128 KB of 4 KB pages): about the longest a call waits for the copy. */
export const COPY_STEP_PAGES = 32;

/** How long a copy waits before trying again when its source is busy writing. */
const BUSY_RETRY_MS = 10;

/** Where a copy is after a step. */
export interface CopyProgress {
  /** From 1. */
  readonly step: number;
  readonly copiedPages: number;
  readonly totalPages: number;
}

export interface SteppedCopyOptions {
  readonly stepPages?: number;
  /** Runs after each step but the last. */
  readonly afterStep?: (progress: CopyProgress) => void;
}

/** Why a copy ended before it was whole. */
export class CopyStopped extends Error {
  constructor() {
    super('The copy was stopped before it was whole.');
  }
}

/**
 * Copies `source` into `target` through SQLite's backup API a few pages a step, letting the calls
 * that arrive run between steps. Writes made meanwhile on `source`'s own connection reach the copy
 * too (SQLite updates a backup from the connection it reads), so the copy ends consistent, as the
 * data was at its last step. `stop()` ends it between two steps; the caller removes `target`.
 */
export class SteppedCopy {
  readonly #capi: Sqlite3Static['capi'];
  #backup: number | null;

  readonly #options: SteppedCopyOptions;
  #steps = 0;

  constructor(sqlite3: Sqlite3Static, source: Database, target: Database, options: SteppedCopyOptions = {}) {
    this.#options = options;
    this.#capi = sqlite3.capi;
    const backup = this.#capi.sqlite3_backup_init(target, 'main', source, 'main');
    if (!backup) throw new Error(`The copy could not start: ${this.#capi.sqlite3_errmsg(target)}`);
    this.#backup = backup;
  }

  /** Runs the steps to the end; rejects with CopyStopped if `stop()` came first. */
  async run(): Promise<void> {
    for (;;) {
      const backup = this.#backup;
      if (backup === null) throw new CopyStopped();
      const rc = this.#capi.sqlite3_backup_step(backup, this.#options.stepPages ?? COPY_STEP_PAGES);
      if (rc === this.#capi.SQLITE_DONE) return this.#finish();
      if (rc !== this.#capi.SQLITE_OK && rc !== this.#capi.SQLITE_BUSY && rc !== this.#capi.SQLITE_LOCKED) {
        this.#finish();
        throw new Error(`The copy failed: ${this.#capi.sqlite3_errstr(rc)}`);
      }
      const totalPages = this.#capi.sqlite3_backup_pagecount(backup);
      this.#options.afterStep?.({ step: ++this.#steps, copiedPages: totalPages - this.#capi.sqlite3_backup_remaining(backup), totalPages });
      // Refused while the source's connection is inside a write transaction: try again a little later.
      if (rc === this.#capi.SQLITE_OK) await yieldToEventLoop();
      else await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    }
  }

  /** Ends the copy now (before its source's connection closes, which must not outlive a backup). */
  stop(): void {
    this.#finish();
  }

  #finish(): void {
    if (this.#backup === null) return;
    this.#capi.sqlite3_backup_finish(this.#backup);
    this.#backup = null;
  }
}
