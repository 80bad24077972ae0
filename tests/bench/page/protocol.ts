/** Messages between the bench page and its own sqlite-wasm worker (not the app's contract). */

/** A sahpool VFS and the file in it. */
export interface PoolTarget {
  readonly poolName: string;
  readonly directory: string;
  readonly file: string;
}

/** The app's pool and file (src/lib/db/sqlite.ts): the bench imports the generated database here. */
export const APP_POOL: PoolTarget = { poolName: 'daybook-sahpool', directory: '.daybook', file: '/daybook.sqlite3' };
/** A separate pool for the peers workload, so it never touches the app's files. */
export const PEER_POOL: PoolTarget = { poolName: 'bench-peers', directory: '.bench-peers', file: '/peers.sqlite3' };
/** A copy of the app's file for the bare worker, so both workers run at once and take turns (the layer phase). */
export const BARE_POOL: PoolTarget = { poolName: 'bench-bare', directory: '.bench-bare', file: '/bare.sqlite3' };

/** One pass of the bulk workloads on the app's worker (page/bench.ts appBulk). */
export interface BulkReading {
  readonly exportMs: number;
  readonly jsonBytes: number;
  /** backup.importJson end to end: parse, undo snapshot, replace every row, rebuild the search index. */
  readonly importMs: number;
  readonly importedRows: number;
  /** Where the import's time went, by the phases its progress messages name, in order. */
  readonly importPhases?: readonly PhaseTime[];
  /**
   * Raw sqlite-wasm bulk inserts (default settings, the peers' 100,000 rows) run right before and
   * right after the import in the same page, rows/s: the import's baseline at the same moment.
   */
  readonly rawBesideImport?: readonly number[];
  /** The app worker's WebAssembly memory right after the import (it never shrinks). */
  readonly wasmMiBAfterImport?: number;
  /** restore.apply end to end: check the file, undo snapshot, copy it in. */
  readonly restoreMs: number;
  readonly restoredBytes: number;
}

export interface PhaseTime {
  readonly phase: string;
  readonly ms: number;
}

export interface Timings {
  /** Milliseconds per run. */
  readonly samples: readonly number[];
}

export interface BenchOps {
  ping: { input: null; output: null };
  /** Replaces the pool's files with the database at `url`. */
  import: { input: { target: PoolTarget; url: string }; output: { bytes: number; ms: number } };
  /** Opens the file (`wipe`: empty the pool first); `tuned` applies the app's connection settings (exclusive locking, WAL, synchronous NORMAL). */
  open: { input: { target: PoolTarget; tuned: boolean; retryMs: number; wipe?: boolean }; output: { ms: number; attempts: number } };
  /** Deletes the app's snapshots, so its next opening is a day's first (they are due again). */
  deleteSnapshots: { input: { target: PoolTarget }; output: { deleted: number } };
  /** Opens an in-memory database (no OPFS), for comparison. */
  openMemory: { input: null; output: null };
  /** Closes the database and releases the pool's files. */
  close: { input: null; output: null };
  /** Runs the statements once and answers with their rows (a bare round trip). */
  query: { input: { sql: readonly string[] }; output: { rows: readonly unknown[][] } };
  /**
   * Runs the statements `runs` times inside the worker (fewer, but at least MIN_RUNS, once `budgetMs`
   * is spent) and answers with the time of each run.
   */
  queryLoop: { input: { sql: readonly string[]; runs: number; warmup: number; budgetMs: number }; output: Timings };
  /** Size of the WebAssembly heap, bytes. */
  memory: { input: null; output: { wasmBytes: number } };
  /** Peers: creates the task table and inserts `rows` generated task rows in one transaction. */
  peerBulkInsert: { input: { rows: number; tuned: boolean }; output: { ms: number; rows: number } };
  /** Peers: point reads by primary key inside the worker (prepared once). */
  peerPointReads: { input: { reads: number }; output: Timings };
  /** Peers: one point read by primary key, answered with the row (for page round trips). */
  peerPointRead: { input: { id: string }; output: { row: unknown } };
  /** Peers: builds the FTS5 corpus. */
  peerFtsSetup: { input: { documents: number }; output: { ms: number } };
  /** Peers: full-text queries (MATCH, snippet, bm25) inside the worker. */
  peerFtsQueries: { input: { queries: number }; output: Timings & { hits: number } };
}

export type BenchOp = keyof BenchOps;

export interface BenchRequest<K extends BenchOp = BenchOp> {
  readonly id: number;
  readonly op: K;
  readonly input: BenchOps[K]['input'];
}

export type BenchResponse =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: string };

/** Slow queries are repeated at least MIN_RUNS times past their time budget, up to 4x the budget, and never fewer than FLOOR_RUNS. */
export const MIN_RUNS = 20;
export const FLOOR_RUNS = 5;

/** Whether another repetition fits: see MIN_RUNS. */
export function anotherRun(done: number, runs: number, started: number, budgetMs: number, now: number): boolean {
  if (done >= runs) return false;
  if (done < FLOOR_RUNS) return true;
  const elapsed = now - started;
  return elapsed < budgetMs || (done < MIN_RUNS && elapsed < 4 * budgetMs);
}
