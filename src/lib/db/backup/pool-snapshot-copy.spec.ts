import { beforeAll, describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../event-loop';
import { loadSqlite, type Database, type Sqlite3Static } from '../sqlite';
import { PoolSnapshotCopy, removeUnfinishedSnapshots, type CopyPool } from './pool-snapshot-copy';
import { COPY_STEP_PAGES, CopyStopped } from './stepped-copy';

let sqlite3: Sqlite3Static;
beforeAll(async () => {
  sqlite3 = await loadSqlite();
});

/** A pool whose files are names, and whose databases live in memory (the copy's logic, not OPFS, is tested here). */
function namesPool() {
  const files = new Set<string>();
  const opened = new Map<string, Database>();
  const OpfsSAHPoolDb = class extends sqlite3.oo1.DB {
    constructor(name: string) {
      super(':memory:', 'c');
      files.add(name);
      opened.set(name, this);
    }
  };
  const pool = {
    getFileNames: () => [...files],
    importDb: async (name: string) => {
      files.add(name);
      return 512;
    },
    unlink: (name: string) => files.delete(name),
    OpfsSAHPoolDb
  } as unknown as CopyPool;
  return { pool, files, opened };
}

function liveDatabase(): Database {
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.exec({ sql: "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO notes (body) SELECT printf('%.2000c', 'x') FROM n", bind: [COPY_STEP_PAGES * 16] });
  return db;
}

const NAME = '/snapshot-20261207T081500000Z-daily-4096.sqlite3';
const NOTE = `/unfinished-snapshot${NAME}`;

describe('PoolSnapshotCopy', () => {
  it('keeps a note beside the file while it copies, and removes only the note once the copy is whole', async () => {
    const { pool, files, opened } = namesPool();
    const live = liveDatabase();
    const running = new PoolSnapshotCopy(sqlite3, pool, live, NAME).run();
    await yieldToEventLoop();
    await yieldToEventLoop();
    expect([...files].sort()).toEqual([NAME, NOTE]);

    await running;
    expect([...files]).toEqual([NAME]);
    expect(opened.get(NAME)?.isOpen()).toBe(false);
    live.close();
  });

  it('when abandoned midway, stops, removes the half copy and its note at once, and frees the live connection', async () => {
    const { pool, files } = namesPool();
    const live = liveDatabase();
    const copy = new PoolSnapshotCopy(sqlite3, pool, live, NAME);
    const running = copy.run();
    await yieldToEventLoop();
    await yieldToEventLoop();

    copy.abandon();
    expect([...files]).toEqual([]);
    await expect(running).rejects.toBeInstanceOf(CopyStopped);
    expect(sqlite3.capi.sqlite3_close_v2(live.pointer!)).toBe(sqlite3.capi.SQLITE_OK);
  });

  it('abandoned before it starts copying, leaves nothing behind', async () => {
    const { pool, files } = namesPool();
    const live = liveDatabase();
    const copy = new PoolSnapshotCopy(sqlite3, pool, live, NAME);
    const running = copy.run();
    copy.abandon();
    await expect(running).rejects.toBeInstanceOf(CopyStopped);
    expect([...files]).toEqual([]);
    live.close();
  });
});

describe('removeUnfinishedSnapshots', () => {
  it('removes each half copy a dead tab left, with its journal and then its note, and nothing else', () => {
    const { pool, files } = namesPool();
    const whole = '/snapshot-20261206T081500000Z-daily-4096.sqlite3';
    for (const name of ['/daybook.sqlite3', whole, NAME, `${NAME}-journal`, NOTE]) files.add(name);

    expect(removeUnfinishedSnapshots(pool)).toBe(1);
    expect([...files].sort()).toEqual(['/daybook.sqlite3', whole]);
  });
});

describe('PoolSnapshotCopy with a job', () => {
  it('reports the bytes copied after each step, and a cancel stops it between steps with nothing left', async () => {
    const { pool, files } = namesPool();
    const live = liveDatabase();
    const cancel = new AbortController();
    const reported: { done: number; total: number }[] = [];
    const job = {
      signal: cancel.signal,
      progress: (done: number, total: number) => {
        reported.push({ done, total });
        if (reported.length === 2) cancel.abort();
      }
    };

    await expect(new PoolSnapshotCopy(sqlite3, pool, live, NAME, { stepPages: 10, job }).run()).rejects.toBeInstanceOf(CopyStopped);
    const pageSize = Number(live.selectValue('PRAGMA page_size'));
    const bytes = Number(live.selectValue('PRAGMA page_count')) * pageSize;
    expect(bytes).toBeGreaterThan(30 * pageSize);
    expect(reported).toEqual([
      { done: 10 * pageSize, total: bytes },
      { done: 20 * pageSize, total: bytes }
    ]);
    expect([...files]).toEqual([]);
    live.close();
  });
});
