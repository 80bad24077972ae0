import type { Database, SAHPoolUtil, Sqlite3Static } from '../sqlite';
import { syncMainFile } from '../file-sync';
import { writePoolNote } from './pool-note';
import type { ChunkedJob } from './pool-import';
import { CopyStopped, SteppedCopy, type CopyProgress } from './stepped-copy';

/** The part of the pool a copy uses. */
export type CopyPool = Pick<SAHPoolUtil, 'getFileNames' | 'importDb' | 'unlink' | 'OpfsSAHPoolDb'>;

/** Flushes the copy to disk every this many bytes, so its commit has little left to flush. */
const SYNC_EVERY_BYTES = 1024 * 1024;
/** The copy's own page cache: two of the day's steps (32 pages each), so its pages reach the file a step or two after they are copied. */
const TARGET_CACHE_PAGES = 64;

export interface CopyOptions {
  /** Pages a step (stepped-copy.ts's default when absent). */
  readonly stepPages?: number;
  /** Told the bytes copied after each step; its cancel stops the copy between steps. */
  readonly job?: ChunkedJob;
}

/**
 * While a snapshot is copied a step at a time, a file in the pool names it: this prefix, then the
 * snapshot's name. The snapshot's file has its final name from the first step (the pool cannot
 * rename), so the note is what tells a half copy, left by a tab that died, from a whole one.
 */
const NOTE_PREFIX = '/unfinished-snapshot';

/**
 * Copies the live database into the snapshot file `name` in the pool through SteppedCopy, so the
 * calls that come meanwhile are answered between steps instead of waiting for the whole file.
 */
export class PoolSnapshotCopy {
  #copy: SteppedCopy | null = null;
  #target: Database | null = null;
  #state: 'copying' | 'whole' | 'abandoned' = 'copying';
  /** Bytes copied by the last step: a flush comes at each SYNC_EVERY_BYTES boundary a step crosses. */
  #copiedBytes = 0;

  constructor(
    private readonly sqlite3: Sqlite3Static,
    private readonly pool: CopyPool,
    private readonly live: Database,
    readonly name: string,
    private readonly options: CopyOptions = {}
  ) {}

  /** Resolves once the copy is whole and its note gone; rejects (and leaves no file) otherwise. */
  async run(): Promise<void> {
    await writePoolNote(this.sqlite3, this.pool, noteName(this.name), this.name);
    if (this.#state === 'abandoned') {
      this.pool.unlink(noteName(this.name));
      throw new CopyStopped();
    }
    try {
      const target = new this.pool.OpfsSAHPoolDb(this.name);
      this.#target = target;
      // The copy is one transaction on a new file: nothing to journal, and a half copy is deleted.
      target.exec('PRAGMA journal_mode = OFF');
      // Pages go to the file as they are copied, not at the commit: with SQLite's 2 MB cache the last
      // step wrote and flushed 2 MB at once, and a call that came then waited 31-34 ms for it (now 2 ms).
      target.exec(`PRAGMA cache_size = ${TARGET_CACHE_PAGES}`);
      const pageSize = Number(this.live.selectValue('PRAGMA page_size'));
      this.#copy = new SteppedCopy(this.sqlite3, this.live, target, {
        stepPages: this.options.stepPages,
        afterStep: (progress) => this.#afterStep(target, progress, pageSize)
      });
      await this.#copy.run();
      target.close();
      this.#target = null;
      this.#state = 'whole';
      this.pool.unlink(noteName(this.name));
    } catch (error) {
      this.abandon();
      throw error;
    }
  }

  #afterStep(target: Database, { copiedPages, totalPages }: CopyProgress, pageSize: number): void {
    const job = this.options.job;
    if (job?.signal.aborted) return this.abandon();
    job?.progress(copiedPages * pageSize, totalPages * pageSize);
    const flushed = Math.floor(this.#copiedBytes / SYNC_EVERY_BYTES);
    this.#copiedBytes = copiedPages * pageSize;
    if (Math.floor(this.#copiedBytes / SYNC_EVERY_BYTES) > flushed) syncMainFile(this.sqlite3, target);
  }

  /** Stops between two steps and removes the half copy and its note, before returning. */
  abandon(): void {
    if (this.#state === 'whole' || this.#state === 'abandoned') return;
    this.#state = 'abandoned';
    this.#copy?.stop();
    this.#target?.close();
    this.#target = null;
    removeCopy(this.pool, this.name);
  }
}

/**
 * At opening: a snapshot whose note is still there was being copied when its tab died, so its
 * file is a half copy. Removes it, then the note. Answers how many it removed.
 */
export function removeUnfinishedSnapshots(pool: Pick<SAHPoolUtil, 'getFileNames' | 'unlink'>): number {
  const unfinished = unfinishedSnapshots(pool.getFileNames());
  for (const name of unfinished) removeCopy(pool, name);
  return unfinished.size;
}

/** The snapshots among `files` still being copied (or left half copied): their files are not yet snapshots. */
export function unfinishedSnapshots(files: readonly string[]): Set<string> {
  return new Set(files.filter((file) => file.startsWith(NOTE_PREFIX)).map((note) => note.slice(NOTE_PREFIX.length)));
}

function noteName(name: string): string {
  return `${NOTE_PREFIX}${name}`;
}

/** The file first, then its note: a crash in between repeats this at the next opening. */
function removeCopy(pool: Pick<SAHPoolUtil, 'unlink'>, name: string): void {
  pool.unlink(name);
  pool.unlink(`${name}-journal`);
  pool.unlink(noteName(name));
}
