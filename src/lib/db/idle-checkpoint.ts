/** How long the database must go without a write before the WAL is copied back into the file. */
export const IDLE_CHECKPOINT_DELAY_MS = 1000;

/**
 * WAL pages after which a commit checkpoints at once, for writes that never pause: SQLite's own
 * default. A limit of 10,000 measured the same median and p95 but stalled one commit in a stream
 * of 1,000 for 350 ms (8 KB pages); at 1,000 the worst was 56 ms.
 */
export const WAL_CHECKPOINT_LIMIT = 1000;

export interface IdleCheckpointOptions {
  /** The connection (the minimal shape used, so a test can watch what runs). */
  readonly raw: { exec(sql: string): unknown };
  /** False while a transaction or a restore is in progress; the checkpoint then waits for the next pause. */
  readonly canRun: () => boolean;
  /**
   * Work that waits for a pause too (the search index's merging), done before the checkpoint in
   * small steps, each in a task of its own so calls are answered between them: one step per
   * call, answering true while some remains.
   */
  readonly idleStep?: () => boolean;
  readonly delayMs?: number;
}

/**
 * Moves WAL checkpoints (and `idleStep`'s work) off the writes a person waits for. With
 * synchronous=NORMAL a checkpoint flushes the WAL and the database file (two OPFS flushes) and
 * copies every changed page back: SQLite's automatic one runs inside whichever commit crosses
 * 1,000 pages, about every 40th one-row write here. Now each commit restarts a short timer and the
 * checkpoint runs when the writes pause, so paced writes never wait for one; only a stream without
 * a pause still reaches SQLite's limit. Nothing is less durable: committed frames are in the WAL
 * either way.
 */
export class IdleCheckpoint {
  readonly #options: IdleCheckpointOptions;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: IdleCheckpointOptions) {
    this.#options = options;
    options.raw.exec(`PRAGMA wal_autocheckpoint = ${WAL_CHECKPOINT_LIMIT}`);
  }

  /** Call after every commit. */
  afterCommit(): void {
    this.cancel();
    this.#timer = setTimeout(() => this.#run(), this.#options.delayMs ?? IDLE_CHECKPOINT_DELAY_MS);
  }

  cancel(): void {
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #run(): void {
    this.#timer = null;
    if (!this.#options.canRun()) return this.afterCommit();
    if (this.#step()) {
      // A timer, not yieldToEventLoop: nested timers are clamped to 4 ms, which keeps this
      // housekeeping to a share of the worker's time.
      this.#timer = setTimeout(() => this.#run(), 0);
      return;
    }
    try {
      this.#options.raw.exec('PRAGMA wal_checkpoint(PASSIVE)');
    } catch {
      // Only housekeeping: the next pause, or the automatic limit, checkpoints instead.
    }
  }

  /** One step of the idle work; true while some remains. A failure leaves the rest to the next pause. */
  #step(): boolean {
    try {
      return this.#options.idleStep?.() ?? false;
    } catch {
      return false;
    }
  }
}
