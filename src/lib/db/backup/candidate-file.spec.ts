import { afterEach, describe, expect, it } from 'vitest';
import { bundledMigrations } from '../migrations/bundled';
import type { Database } from '../sqlite';
import { openTestDatabase, type TestDatabase } from '../testing';
import { openCandidate, openInMemory } from './candidate';
import { CANDIDATE_FILE, poolPlace } from './candidate-file';
import { fakeDatabaseBytes, memoryPool } from './memory-pool';

let database: TestDatabase | null = null;

afterEach(() => {
  database?.host.close();
  database = null;
});

/** The memory pool, its files opened as the OPFS pool's database class opens them (here: on a copy in memory). */
async function poolOpeningItsFiles() {
  database = await openTestDatabase();
  const { sqlite3 } = database.host.session;
  const pool = memoryPool();
  const OpfsSAHPoolDb = function (name: string): Database {
    return openInMemory(sqlite3, pool.files.get(name) ?? new Uint8Array());
  } as unknown as Parameters<typeof poolPlace>[0]['OpfsSAHPoolDb'];
  return { pool, place: poolPlace({ ...pool, OpfsSAHPoolDb }), sqlite3, host: database.host };
}

describe('poolPlace', () => {
  it('checks the file as a file of its own in the pool, and removes it once the check is closed', async () => {
    const { pool, place, sqlite3, host } = await poolOpeningItsFiles();
    host.session.raw.exec("INSERT INTO tags (id, name, created_at) VALUES ('t1', 'in the file', '2026-12-04T00:00:00.000Z')");
    const candidate = await openCandidate(sqlite3, host.exportDatabase(), bundledMigrations, {
      open: async (bytes) => {
        const db = await place.open(bytes);
        expect(pool.getFileNames()).toEqual([CANDIDATE_FILE]);
        return db;
      },
      discard: place.discard
    });
    expect(candidate.db.selectValue('SELECT name FROM tags')).toBe('in the file');
    candidate.close();
    expect(pool.getFileNames()).toEqual([]);
  });

  it('tells how far the copy has got, then that it checks, and stops after the check when asked to, leaving no copy', async () => {
    const { pool, place, sqlite3, host } = await poolOpeningItsFiles();
    const controller = new AbortController();
    const steps: string[] = [];
    const job = {
      signal: controller.signal,
      progress: (done: number, total: number, phase?: string) => {
        steps.push(`${phase} ${done}/${total}`);
        if (phase === 'checking') controller.abort();
      }
    };
    const bytes = host.exportDatabase();
    await expect(openCandidate(sqlite3, bytes, bundledMigrations, place, job)).rejects.toThrow('Stopped before the end, as asked; nothing was changed.');
    expect(steps).toEqual([`copying ${bytes.length}/${bytes.length}`, 'checking 0/1']);
    expect(pool.getFileNames()).toEqual([]);
  });

  it('removes the copy of a file it refuses, and one left by an earlier check', async () => {
    const { pool, place, sqlite3 } = await poolOpeningItsFiles();
    await pool.importDb(CANDIDATE_FILE, fakeDatabaseBytes(1024));
    const notDaybook = new sqlite3.oo1.DB(':memory:');
    notDaybook.exec('CREATE TABLE other (x)');
    const bytes = sqlite3.capi.sqlite3_js_db_export(notDaybook);
    notDaybook.close();
    await expect(openCandidate(sqlite3, bytes, bundledMigrations, place)).rejects.toThrow('This SQLite file is not a Daybook database.');
    expect(pool.getFileNames()).toEqual([]);
  });
});
