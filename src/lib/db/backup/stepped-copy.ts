import { yieldToEventLoop } from '../event-loop';
import type { Database, Sqlite3Static } from '../sqlite';

/** Pages copied in one step (128 KB of 4 KB pages): about the longest a call waits for the copy. */
export const COPY_STEP_PAGES = 32;

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

  readonly #afterStep: (step: number) => void;
  #steps = 0;

  /** `afterStep` runs after each step but the last, with the step's number (from 1). */
  constructor(sqlite3: Sqlite3Static, source: Database, target: Database, afterStep: (step: number) => void = () => {}) {
    this.#afterStep = afterStep;
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
      const rc = this.#capi.sqlite3_backup_step(backup, COPY_STEP_PAGES);
      if (rc === this.#capi.SQLITE_DONE) return this.#finish();
      if (rc !== this.#capi.SQLITE_OK && rc !== this.#capi.SQLITE_BUSY && rc !== this.#capi.SQLITE_LOCKED) {
        this.#finish();
        throw new Error(`The copy failed: ${this.#capi.sqlite3_errstr(rc)}`);
      }
      this.#afterStep(++this.#steps);
      await yieldToEventLoop();
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
