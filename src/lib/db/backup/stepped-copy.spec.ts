import { beforeAll, describe, expect, it } from 'vitest';
import { yieldToEventLoop } from '../event-loop';
import { loadSqlite, type Database, type Sqlite3Static } from '../sqlite';
import { COPY_STEP_PAGES, CopyStopped, SteppedCopy } from './stepped-copy';

let sqlite3: Sqlite3Static;
beforeAll(async () => {
  sqlite3 = await loadSqlite();
});

/** A database of about four steps' worth of pages (2 KB rows, 8 KB pages in this build). */
function sourceDatabase(): Database {
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
  db.exec({ sql: 'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) INSERT INTO notes (body) SELECT printf(\'%.2000c\', \'x\') || i FROM n', bind: [COPY_STEP_PAGES * 16] });
  return db;
}

const bodies = (db: Database) => db.selectValues('SELECT body FROM notes ORDER BY id');

describe('SteppedCopy', () => {
  it('copies in steps, lets other work run between them, and the copy ends with what that work wrote', async () => {
    const source = sourceDatabase();
    const target = new sqlite3.oo1.DB(':memory:', 'c');
    const copy = new SteppedCopy(sqlite3, source, target);
    let finished = false;
    const running = copy.run().then(() => (finished = true));

    await yieldToEventLoop();
    expect(finished).toBe(false);
    source.exec("INSERT INTO notes (body) VALUES ('written while the copy ran')");
    source.exec("UPDATE notes SET body = 'changed while the copy ran' WHERE id = 1");
    await running;

    expect(bodies(target)).toEqual(bodies(source));
    expect(target.selectValue("SELECT count(*) FROM notes WHERE body LIKE '%while the copy ran'")).toBe(2);
    expect(target.selectValue('PRAGMA integrity_check')).toBe('ok');
    source.close();
    target.close();
  });

  it('tells its caller after each step but the last', async () => {
    const source = sourceDatabase();
    const target = new sqlite3.oo1.DB(':memory:', 'c');
    const steps: number[] = [];
    const pages = Number(source.selectValue('PRAGMA page_count'));
    const copied: number[] = [];
    await new SteppedCopy(sqlite3, source, target, {
      afterStep: ({ step, copiedPages, totalPages }) => {
        steps.push(step);
        copied.push(copiedPages);
        expect(totalPages).toBe(pages);
      }
    }).run();
    const expected = Math.ceil(pages / COPY_STEP_PAGES) - 1;
    expect(steps).toEqual(Array.from({ length: expected }, (_, index) => index + 1));
    expect(copied).toEqual(steps.map((step) => step * COPY_STEP_PAGES));
    source.close();
    target.close();
  });

  it('waits, without spinning, while its source is inside a write transaction, and then copies what it committed', async () => {
    const source = sourceDatabase();
    const target = new sqlite3.oo1.DB(':memory:', 'c');
    source.exec('BEGIN');
    source.exec("INSERT INTO notes (body) VALUES ('committed while the copy waited')");
    let attempts = 0;
    let finished = false;
    const running = new SteppedCopy(sqlite3, source, target, { afterStep: () => attempts++ }).run().then(() => (finished = true));

    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(finished).toBe(false);
    // A retry every few milliseconds at most, not one per turn of the event loop.
    expect(attempts).toBeLessThan(30);
    source.exec('COMMIT');
    await running;
    expect(bodies(target)).toEqual(bodies(source));
    source.close();
    target.close();
  });

  it('stops between two steps when asked, leaving the source as it was and free to close', async () => {
    const source = sourceDatabase();
    const before = bodies(source);
    const target = new sqlite3.oo1.DB(':memory:', 'c');
    const copy = new SteppedCopy(sqlite3, source, target);
    const running = copy.run();

    await yieldToEventLoop();
    copy.stop();
    await expect(running).rejects.toBeInstanceOf(CopyStopped);
    expect(bodies(source)).toEqual(before);
    expect(sqlite3.capi.sqlite3_close_v2(source.pointer!)).toBe(sqlite3.capi.SQLITE_OK);
    target.close();
  });
});
