/**
 * The benchmark page. Playwright calls `window.bench.*`. It talks to the app's real database worker
 * (the built worker-*.js) through the app's own RpcClient, to the benchmark's bare sqlite-wasm worker,
 * and runs the IndexedDB/Dexie side of the peers workload.
 */
import Dexie, { type Table } from 'dexie';
import { RpcClient, type CallOptions } from '../../../src/lib/rpc/client';
import type { CommandInput, CommandName } from '../../../src/lib/rpc/contract';
import { workerEndpoint } from '../../../src/lib/rpc/endpoint';
import type { Result } from '../../../src/lib/rpc/result';
import { anotherRun, APP_POOL, type BenchOp, type BulkReading, type BenchOps, type BenchRequest, type BenchResponse, type PhaseTime } from './protocol';
import { PEER_READ_SQL, peerDocuments, peerFtsQueries, peerReadIds, peerTasks, tokens, type PeerDocument, type PeerTask } from '../shared/workload';

// ---------------------------------------------------------------------------------------------
// The bench worker
// ---------------------------------------------------------------------------------------------

let benchWorker: Worker | null = null;
let nextRequest = 1;
const waiting = new Map<number, (response: BenchResponse) => void>();

function ensureBenchWorker(): Worker {
  if (!benchWorker) {
    benchWorker = new Worker(new URL('./bench-worker.ts', import.meta.url), { type: 'module', name: 'bench-sqlite' });
    benchWorker.addEventListener('message', (event: MessageEvent<BenchResponse>) => {
      const resolve = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      resolve?.(event.data);
    });
  }
  return benchWorker;
}

async function worker<K extends BenchOp>(op: K, input: BenchOps[K]['input']): Promise<BenchOps[K]['output']> {
  const target = ensureBenchWorker();
  const id = nextRequest++;
  const request: BenchRequest<K> = { id, op, input };
  const response = await new Promise<BenchResponse>((resolve) => {
    waiting.set(id, resolve);
    target.postMessage(request);
  });
  if (!response.ok) throw new Error(`bench worker ${op}: ${response.error}`);
  return response.value as BenchOps[K]['output'];
}

// ---------------------------------------------------------------------------------------------
// The app's worker, through the app's typed layer
// ---------------------------------------------------------------------------------------------

let appWorker: Worker | null = null;
let client: RpcClient | null = null;

function appClient(): RpcClient {
  if (!client) throw new Error('The app worker is not started.');
  return client;
}

function callApp(name: CommandName, input: unknown, options?: CallOptions): Promise<Result<unknown>> {
  return appClient().call(name, input as CommandInput<CommandName>, options);
}

/**
 * Follows a long call's progress messages and answers, once the call is answered, how long each
 * phase took: from the first message of a phase to the first of the next, the last to the answer.
 * What comes before the first message (sending the input, checking its shape) is named `sending`.
 */
function phaseClock(): { onProgress: NonNullable<CallOptions['onProgress']>; finish: () => PhaseTime[] } {
  const started = performance.now();
  const marks: { phase: string; at: number }[] = [{ phase: 'sending', at: started }];
  return {
    onProgress: (_done, _total, phase = '?') => {
      if (marks.at(-1)?.phase !== phase) marks.push({ phase, at: performance.now() });
    },
    finish: () => {
      const ended = performance.now();
      return marks.map((mark, index) => ({ phase: mark.phase, ms: (marks[index + 1]?.at ?? ended) - mark.at }));
    }
  };
}

function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  if (typeof value === 'object' && value !== null && 'items' in value) {
    const items = (value as { items: unknown }).items;
    return Array.isArray(items) ? items.length : 1;
  }
  return value === undefined || value === null ? 0 : 1;
}

// ---------------------------------------------------------------------------------------------
// Dexie (IndexedDB), the peer many offline apps use
// ---------------------------------------------------------------------------------------------

interface DexieDocument extends PeerDocument {
  readonly words: readonly string[];
}

class PeerDexie extends Dexie {
  tasks!: Table<PeerTask, string>;
  docs!: Table<DexieDocument, number>;

  constructor() {
    super('bench-peers');
    this.version(1).stores({ tasks: 'id, focusDate', docs: 'id, *words' });
  }
}

// Dexie turns on its debug mode (long stack traces, much slower) on http://localhost and 127.0.0.1;
// a deployed app runs without it.
Dexie.debug = false;

let dexie: PeerDexie | null = null;
let dexieRows: PeerTask[] | null = null;

function openDexie(): PeerDexie {
  if (!dexie) dexie = new PeerDexie();
  return dexie;
}

// ---------------------------------------------------------------------------------------------

function timed(samples: number[], started: number): void {
  samples.push(performance.now() - started);
}

const api = {
  /** Whether timers here are fine-grained (cross-origin isolated: 5 us, otherwise 100 us). */
  isolated: () => globalThis.crossOriginIsolated,

  worker,

  terminateBenchWorker(): void {
    benchWorker?.terminate();
    benchWorker = null;
    for (const resolve of waiting.values()) resolve({ id: 0, ok: false, error: 'terminated' });
    waiting.clear();
  },

  /** Empty postMessage round trips to the bench worker. */
  async pingRoundTrips(runs: number, warmup: number): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await worker('ping', null);
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await worker('ping', null);
      timed(samples, started);
    }
    return samples;
  },

  /** Bare round trips: post the SQL, the bench worker runs it and posts the rows back. */
  async bareRoundTrips(sql: readonly string[], runs: number, warmup: number): Promise<number[]> {
    for (let i = 0; i < warmup; i++) await worker('query', { sql });
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await worker('query', { sql });
      timed(samples, started);
    }
    return samples;
  },

  /** Starts the app's real database worker and opens the persistent database, as the app does. */
  async appOpen(workerUrl: string): Promise<{ ms: number; status: unknown }> {
    const started = performance.now();
    appWorker = new Worker(workerUrl, { type: 'module', name: 'daybook-database' });
    client = new RpcClient(workerEndpoint(appWorker));
    const answer = await client.call('system.open', { storage: 'persistent' });
    return { ms: performance.now() - started, status: answer.ok ? answer.value : answer.error };
  },

  async appCall(name: CommandName, input: unknown): Promise<Result<unknown>> {
    return callApp(name, input);
  },

  /** Repeats one call (see anotherRun in protocol.ts); answers each round trip's time and the rows of the last answer. */
  async appTime(name: CommandName, input: unknown, runs: number, warmup: number, budgetMs = Infinity): Promise<{ samples: number[]; rows: number }> {
    let rows = 0;
    for (let i = 0; i < warmup; i++) await callApp(name, input);
    const samples: number[] = [];
    const begin = performance.now();
    for (let i = 0; anotherRun(i, runs, begin, budgetMs, performance.now()); i++) {
      const started = performance.now();
      const answer = await callApp(name, input);
      timed(samples, started);
      if (!answer.ok) throw new Error(`${name}: ${answer.error.code}: ${answer.error.message}`);
      rows = sizeOf(answer.value);
    }
    return { samples, rows };
  },

  /** One-row writes, each its own call and so its own transaction. `kind` picks the command. */
  /** `gapMs` spaces the writes as a person's are: after a pause a write costs more (BENCHMARKS.md). */
  async appWrites(kind: 'tasks.create' | 'tasks.setStatus' | 'habitLogs.upsert', count: number, context: { taskId: string; habitId: string; today: string }, gapMs = 0): Promise<number[]> {
    const samples: number[] = [];
    for (let i = 0; i < count; i++) {
      if (gapMs > 0) await new Promise((resolve) => setTimeout(resolve, gapMs));
      const started = performance.now();
      const answer =
        kind === 'tasks.create'
          ? await appClient().call('tasks.create', { title: `Benchmark write ${i}`, focusDate: null })
          : kind === 'tasks.setStatus'
            ? await appClient().call('tasks.setStatus', { id: context.taskId, status: i % 2 === 0 ? 'done' : 'todo' })
            : await appClient().call('habitLogs.upsert', { habitId: context.habitId, logDate: context.today, completed: i % 2 === 0 });
      timed(samples, started);
      if (!answer.ok) throw new Error(`${kind}: ${answer.error.code}: ${answer.error.message}`);
    }
    return samples;
  },

  /**
   * Bulk work on the whole database, inside the page so the data never crosses into Node: the JSON
   * export, its import (which replaces everything with the same rows, after an undo snapshot), the
   * database download, and a restore of that file (also after an undo snapshot).
   */
  async appBulk(): Promise<Omit<BulkReading, 'restoreMs' | 'restoredBytes'>> {
    let started = performance.now();
    const exported = await callApp('backup.exportJson', undefined);
    const exportMs = performance.now() - started;
    if (!exported.ok) throw new Error(`backup.exportJson: ${exported.error.message}`);
    // The export is a Blob; imported as the app sends a file the person picked (a Blob, read in the worker).
    const file = (exported.value as { data: Blob }).data;
    started = performance.now();
    const clock = phaseClock();
    const imported = await callApp('backup.importJson', { document: file }, { onProgress: clock.onProgress });
    const importMs = performance.now() - started;
    const importPhases = clock.finish();
    if (!imported.ok) throw new Error(`backup.importJson: ${imported.error.message}`);
    return {
      exportMs,
      jsonBytes: file.size,
      importMs,
      importedRows: (imported.value as { totalRows: number }).totalRows,
      importPhases
    };
  },

  /** After appBulk: the database download, and a restore of that file (after an undo snapshot). */
  async appRestore(): Promise<Pick<BulkReading, 'restoreMs' | 'restoredBytes'>> {
    const download = await callApp('system.exportDatabase', undefined);
    if (!download.ok) throw new Error(`system.exportDatabase: ${download.error.code}: ${download.error.message}`);
    if (!(download.value instanceof Blob)) throw new Error('system.exportDatabase answered no file');
    const started = performance.now();
    const restored = await callApp('restore.apply', { file: download.value });
    const restoreMs = performance.now() - started;
    if (!restored.ok) throw new Error(`restore.apply: ${restored.error.message}`);
    return { restoreMs, restoredBytes: download.value.size };
  },

  /** Worker-only cold open of the app's worker: spawn, system.open, then Today's two calls (as the page makes them). */
  async appColdOpen(workerUrl: string, today: string): Promise<{ openMs: number; totalMs: number }> {
    const started = performance.now();
    await api.appOpen(workerUrl);
    const opened = performance.now();
    await Promise.all([callApp('tasks.listForDay', { date: today }), callApp('tasks.listUnfinishedBefore', { date: today })]);
    const done = performance.now();
    api.appTerminate();
    return { openMs: opened - started, totalMs: done - started };
  },

  /** The same for the bare worker: spawn, install the pool and open the file, then Today's SQL. */
  async bareColdOpen(sql: readonly string[]): Promise<{ openMs: number; totalMs: number }> {
    api.terminateBenchWorker();
    const started = performance.now();
    await worker('open', { target: APP_POOL, tuned: true, retryMs: 5000 });
    const opened = performance.now();
    await worker('query', { sql });
    const done = performance.now();
    await worker('close', null);
    api.terminateBenchWorker();
    return { openMs: opened - started, totalMs: done - started };
  },

  appTerminate(): void {
    client?.close('The benchmark is done with this worker.');
    client = null;
    appWorker?.terminate();
    appWorker = null;
  },

  /** Point reads from the page, one postMessage round trip each, to the bench worker's peer table. */
  async peerPointReadsFromPage(reads: number): Promise<number[]> {
    const ids = peerReadIds(peerTasks(), reads);
    const samples: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      await worker('peerPointRead', { id });
      timed(samples, started);
    }
    return samples;
  },

  peerReadSql: () => PEER_READ_SQL,

  async dexieReset(): Promise<void> {
    dexie?.close();
    dexie = null;
    dexieRows = null;
    await Dexie.delete('bench-peers');
  },

  async dexieBulkInsert(rows: number): Promise<{ ms: number; rows: number }> {
    const db = openDexie();
    dexieRows = peerTasks(rows);
    const started = performance.now();
    await db.tasks.bulkAdd(dexieRows);
    return { ms: performance.now() - started, rows: dexieRows.length };
  },

  async dexiePointReads(reads: number): Promise<number[]> {
    const db = openDexie();
    const ids = peerReadIds(dexieRows ?? peerTasks(), reads);
    const samples: number[] = [];
    for (const id of ids) {
      const started = performance.now();
      const row = await db.tasks.get(id);
      timed(samples, started);
      if (!row) throw new Error(`Dexie lost row ${id}`);
    }
    return samples;
  },

  async dexieFtsSetup(documents: number): Promise<{ ms: number }> {
    const db = openDexie();
    const docs = peerDocuments(documents).map((doc) => ({ ...doc, words: tokens(`${doc.title} ${doc.body}`) }));
    const started = performance.now();
    await db.docs.bulkAdd(docs);
    return { ms: performance.now() - started };
  },

  /**
   * Dexie's usual "full-text" search: a multi-entry index of each document's words; every query word
   * looked up there, the key sets intersected, the first 20 documents read. No ranking and no
   * snippet (SQLite's side does both), so this favours Dexie.
   */
  async dexieFtsQueries(queries: number): Promise<{ samples: number[]; hits: number }> {
    const db = openDexie();
    const samples: number[] = [];
    let hits = 0;
    for (const words of peerFtsQueries(queries)) {
      const started = performance.now();
      const keySets = await Promise.all(words.map((word) => db.docs.where('words').equals(word).primaryKeys()));
      const [first = [], ...rest] = keySets;
      const others = rest.map((keys) => new Set(keys));
      const matching = first.filter((key) => others.every((set) => set.has(key))).slice(0, 20);
      const docs = await db.docs.bulkGet(matching);
      timed(samples, started);
      hits += docs.length;
    }
    return { samples, hits };
  }
};

export type BenchApi = typeof api;

declare global {
  interface Window {
    bench: BenchApi;
  }
}

window.bench = api;
document.body.dataset.ready = 'true';
