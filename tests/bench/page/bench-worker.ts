/// <reference lib="webworker" />
/**
 * The benchmark's own sqlite-wasm worker: the same WebAssembly build and the same connection settings
 * as the app (src/lib/db/sqlite.ts), without the app's layers (no migrations, Kysely, validation or
 * typed messages). It is the "bare" side of every ratio, and Daybook's stack in the peers workload.
 */
import { configureConnection, loadSqlite, type Database, type SAHPoolUtil } from '../../../src/lib/db/sqlite';
import { install } from './pool';
import { anotherRun, type BenchOp, type BenchOps, type BenchRequest, type BenchResponse } from './protocol';
import {
  PEER_FTS_INSERT_SQL,
  PEER_FTS_QUERY_SQL,
  PEER_FTS_SQL,
  PEER_INSERT_SQL,
  PEER_READ_SQL,
  PEER_TASK_SQL,
  peerDocuments,
  peerFtsQueries,
  peerReadIds,
  peerTasks,
  toFtsMatch,
  type PeerTask
} from '../shared/workload';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// Like the app's worker: start loading the WebAssembly at once.
const loading = loadSqlite();

let pool: SAHPoolUtil | null = null;
let db: Database | null = null;
let peerRows: PeerTask[] | null = null;


function openDb(): Database {
  if (!db) throw new Error('No database is open in the bench worker.');
  return db;
}

type Statement = ReturnType<Database['prepare']>;

/** Statements prepared once per SQL text, as the app's worker and native SQLite's side run theirs. */
const prepared = new Map<string, Statement>();

function statementFor(database: Database, sql: string): Statement {
  let statement = prepared.get(sql);
  if (!statement) {
    statement = database.prepare(sql);
    prepared.set(sql, statement);
  }
  return statement;
}

/** Every row of `sql`, as arrays or as column-name objects (what a bare worker would post). */
function rowsOf(database: Database, sql: string, shape: 'arrays' | 'objects'): unknown[] {
  const statement = statementFor(database, sql);
  const rows: unknown[] = [];
  try {
    while (statement.step()) rows.push(shape === 'arrays' ? statement.get([]) : statement.get({}));
  } finally {
    statement.reset();
  }
  return rows;
}

function runAll(database: Database, statements: readonly string[]): unknown[][] {
  return statements.map((sql) => rowsOf(database, sql, 'arrays'));
}

function finalizeStatements(): void {
  for (const statement of prepared.values()) statement.finalize();
  prepared.clear();
}

type Handlers = { [K in BenchOp]: (input: BenchOps[K]['input']) => Promise<BenchOps[K]['output']> | BenchOps[K]['output'] };

const handlers: Handlers = {
  ping: () => null,

  async import({ target, url }) {
    const sqlite3 = await loading;
    const started = performance.now();
    const { pool: installed } = await install(sqlite3, target, 5000);
    await installed.wipeFiles();
    const response = await fetch(url);
    if (!response.ok) throw new Error(`Could not fetch ${url}: ${response.status}`);
    const bytes = await installed.importDb(target.file, await response.arrayBuffer());
    installed.pauseVfs();
    return { bytes, ms: performance.now() - started };
  },

  async open({ target, tuned, retryMs, wipe }) {
    const sqlite3 = await loading;
    const started = performance.now();
    const installed = await install(sqlite3, target, retryMs);
    pool = installed.pool;
    if (wipe) await pool.wipeFiles();
    finalizeStatements();
    db = new pool.OpfsSAHPoolDb(target.file);
    if (tuned) configureConnection(db, 'persistent');
    return { ms: performance.now() - started, attempts: installed.attempts };
  },

  async deleteSnapshots({ target }) {
    const sqlite3 = await loading;
    const { pool: installed } = await install(sqlite3, target, 5000);
    const names = installed.getFileNames().filter((name) => name.startsWith('/snapshot-'));
    for (const name of names) installed.unlink(name);
    installed.pauseVfs();
    return { deleted: names.length };
  },

  async openMemory() {
    const sqlite3 = await loading;
    finalizeStatements();
    db = new sqlite3.oo1.DB(':memory:', 'c');
    configureConnection(db, 'memory');
    return null;
  },

  close() {
    finalizeStatements();
    db?.close();
    db = null;
    pool?.pauseVfs();
    pool = null;
    return null;
  },

  query: ({ sql }) => ({ rows: sql.map((statement) => rowsOf(openDb(), statement, 'objects')) }),

  queryLoop({ sql, runs, warmup, budgetMs }) {
    const database = openDb();
    for (let i = 0; i < warmup; i++) runAll(database, sql);
    const samples: number[] = [];
    const begin = performance.now();
    for (let i = 0; anotherRun(i, runs, begin, budgetMs, performance.now()); i++) {
      const started = performance.now();
      runAll(database, sql);
      samples.push(performance.now() - started);
    }
    return { samples };
  },

  async memory() {
    const sqlite3 = await loading;
    return { wasmBytes: sqlite3.wasm.heap8().byteLength };
  },

  peerBulkInsert({ rows, tuned }) {
    const database = openDb();
    if (!tuned) database.exec('PRAGMA journal_mode = DELETE');
    for (const sql of PEER_TASK_SQL) database.exec(sql);
    peerRows = peerTasks(rows);
    const started = performance.now();
    database.exec('BEGIN');
    const insert = database.prepare(PEER_INSERT_SQL);
    try {
      for (const row of peerRows) {
        insert.bind([row.id, row.title, row.description, row.priority, row.status, row.focusDate, row.createdAt]).stepReset();
      }
    } finally {
      insert.finalize();
    }
    database.exec('COMMIT');
    return { ms: performance.now() - started, rows: peerRows.length };
  },

  peerPointReads({ reads }) {
    const database = openDb();
    const ids = peerReadIds(peerRows ?? peerTasks(), reads);
    const select = database.prepare(PEER_READ_SQL);
    const samples: number[] = [];
    try {
      for (const id of ids) {
        const started = performance.now();
        select.bind([id]);
        if (select.step()) select.get({});
        select.reset();
        samples.push(performance.now() - started);
      }
    } finally {
      select.finalize();
    }
    return { samples };
  },

  peerPointRead({ id }) {
    return { row: openDb().selectObject(PEER_READ_SQL, [id]) ?? null };
  },

  peerFtsSetup({ documents }) {
    const database = openDb();
    const docs = peerDocuments(documents);
    const started = performance.now();
    for (const sql of PEER_FTS_SQL) database.exec(sql);
    database.exec('BEGIN');
    const insert = database.prepare(PEER_FTS_INSERT_SQL);
    try {
      for (const doc of docs) insert.bind([doc.id, doc.title, doc.body]).stepReset();
    } finally {
      insert.finalize();
    }
    database.exec('COMMIT');
    return { ms: performance.now() - started };
  },

  peerFtsQueries({ queries }) {
    const database = openDb();
    const select = database.prepare(PEER_FTS_QUERY_SQL);
    const samples: number[] = [];
    let hits = 0;
    try {
      for (const words of peerFtsQueries(queries)) {
        const started = performance.now();
        select.bind([toFtsMatch(words)]);
        while (select.step()) {
          select.get([]);
          hits++;
        }
        select.reset();
        samples.push(performance.now() - started);
      }
    } finally {
      select.finalize();
    }
    return { samples, hits };
  }
};

async function handle(request: BenchRequest): Promise<BenchResponse> {
  try {
    const handler = handlers[request.op] as (input: unknown) => Promise<unknown> | unknown;
    return { id: request.id, ok: true, value: await handler(request.input) };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

// One request at a time, in order. Round-trip probes ('ping', 'query') are answered synchronously,
// as bare as a postMessage round trip gets; the bench never sends them while other work is queued.
let queue: Promise<void> = Promise.resolve();
scope.addEventListener('message', (event: MessageEvent<BenchRequest>) => {
  const request = event.data;
  if (request.op === 'ping') {
    scope.postMessage({ id: request.id, ok: true, value: null } satisfies BenchResponse);
    return;
  }
  if (request.op === 'query') {
    try {
      const { sql } = request.input as BenchOps['query']['input'];
      scope.postMessage({ id: request.id, ok: true, value: { rows: sql.map((statement) => rowsOf(openDb(), statement, 'objects')) } } satisfies BenchResponse);
    } catch (error) {
      scope.postMessage({ id: request.id, ok: false, error: String(error) } satisfies BenchResponse);
    }
    return;
  }
  queue = queue.then(async () => scope.postMessage(await handle(request)));
});
