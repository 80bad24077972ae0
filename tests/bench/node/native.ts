/// <reference types="node" />
/**
 * The physical limit: native SQLite (better-sqlite3) on this machine, on a file with WAL and
 * synchronous=NORMAL (the app's durability settings), for the same workloads.
 */
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anotherRun } from '../page/protocol';
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
  toFtsMatch
} from '../shared/workload';

export interface NativePeers {
  readonly sqliteVersion: string;
  readonly bulkInsertMs: number;
  readonly rows: number;
  readonly pointReads: number[];
  readonly ftsSetupMs: number;
  readonly ftsQueries: number[];
  readonly ftsHits: number;
}

function tune(db: Database.Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

export function nativePeers(rows: number, reads: number, documents: number, queries: number): NativePeers {
  const dir = mkdtempSync(join(tmpdir(), 'daybook-bench-'));
  try {
    const db = new Database(join(dir, 'peers.sqlite3'));
    tune(db);
    for (const sql of PEER_TASK_SQL) db.exec(sql);
    const data = peerTasks(rows);
    const insert = db.prepare(PEER_INSERT_SQL);
    let started = performance.now();
    db.transaction(() => {
      for (const row of data) insert.run(row.id, row.title, row.description, row.priority, row.status, row.focusDate, row.createdAt);
    })();
    const bulkInsertMs = performance.now() - started;

    const select = db.prepare(PEER_READ_SQL);
    const pointReads: number[] = [];
    for (const id of peerReadIds(data, reads)) {
      started = performance.now();
      select.get(id);
      pointReads.push(performance.now() - started);
    }

    const docs = peerDocuments(documents);
    started = performance.now();
    for (const sql of PEER_FTS_SQL) db.exec(sql);
    const insertDoc = db.prepare(PEER_FTS_INSERT_SQL);
    db.transaction(() => {
      for (const doc of docs) insertDoc.run(doc.id, doc.title, doc.body);
    })();
    const ftsSetupMs = performance.now() - started;

    const search = db.prepare(PEER_FTS_QUERY_SQL);
    const ftsQueries: number[] = [];
    let ftsHits = 0;
    for (const words of peerFtsQueries(queries)) {
      started = performance.now();
      ftsHits += search.all(toFtsMatch(words)).length;
      ftsQueries.push(performance.now() - started);
    }
    const sqliteVersion = String((db.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v);
    db.close();
    return { sqliteVersion, bulkInsertMs, rows: data.length, pointReads, ftsSetupMs, ftsQueries, ftsHits };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs recorded statements (with their parameters filled in) on a copy of the benchmark database,
 * on demand, for the native time of each view and search: the bench times each view here right
 * before and right after its typed trials, so both sides see the machine of the same moment (timed
 * all up front, the native side of a search moved 2x between runs while the WebAssembly side did
 * not).
 */
export class NativeTimer {
  readonly #dir = mkdtempSync(join(tmpdir(), 'daybook-bench-'));
  readonly #db: Database.Database;
  readonly #groups: Database.Statement[][];

  constructor(file: string, groups: readonly (readonly string[])[]) {
    const copy = join(this.#dir, 'daybook.sqlite3');
    copyFileSync(file, copy);
    this.#db = new Database(copy);
    tune(this.#db);
    this.#db.pragma('foreign_keys = ON');
    this.#groups = groups.map((statements) => statements.map((sql) => this.#db.prepare(sql)));
  }

  /** Runs group `index` `runs` times (or until the budget is spent) after `warmup` runs; the time of each. */
  time(index: number, runs: number, warmup: number, budgetMs = Infinity): number[] {
    const statements = this.#groups[index];
    if (!statements) throw new Error(`No native statements number ${index}`);
    const run = () => {
      for (const statement of statements) {
        if (statement.reader) statement.all();
        else statement.run();
      }
    };
    for (let i = 0; i < warmup; i++) run();
    const samples: number[] = [];
    const begin = performance.now();
    for (let i = 0; anotherRun(i, runs, begin, budgetMs, performance.now()); i++) {
      const started = performance.now();
      run();
      samples.push(performance.now() - started);
    }
    return samples;
  }

  close(): void {
    this.#db.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

/** A native copy of the database file's bytes (read + write), the reference for a download. */
export function nativeFileCopy(file: string, runs: number): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'daybook-bench-'));
  try {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      writeFileSync(join(dir, `copy-${i}.sqlite3`), readFileSync(file));
      samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
