import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesBlob, DATABASE_FILE_TYPE } from '../../db/blobs';
import { bundledMigrations } from '../../db/migrations/bundled';
import { runMigrations } from '../../db/migrations/runner';
import { createMigrationTarget } from '../../db/migrations/target';
import { loadSqlite } from '../../db/sqlite';
import { expectOk, openTestClient } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { WorkerEvent } from '../../rpc/contract';

let client: RpcClient;
let events: WorkerEvent[];
let close: () => void;

beforeEach(async () => {
  ({ client, events, close } = await openTestClient());
});

afterEach(() => close());

/** A second Daybook database with some data, as a file. */
async function otherDatabaseFile(titles: string[]): Promise<Uint8Array> {
  const other = await openTestClient();
  for (const title of titles) expectOk(await other.client.call('tasks.create', { title, focusDate: '2026-11-23' }));
  const file = expectOk(await other.client.call('system.exportDatabase', undefined));
  other.close();
  return new Uint8Array(await file.arrayBuffer());
}

async function currentFile(): Promise<Uint8Array> {
  return new Uint8Array(await expectOk(await client.call('system.exportDatabase', undefined)).arrayBuffer());
}

async function currentTitles(): Promise<string[]> {
  return expectOk(await client.call('tasks.listForDay', { date: '2026-11-23' })).map((task) => task.title);
}

describe('restore', () => {
  it('previews a file beside the current data, then replaces the data with it', async () => {
    expectOk(await client.call('tasks.create', { title: 'Current', focusDate: '2026-11-23' }));
    const file = await otherDatabaseFile(['Restored one', 'Restored two']);

    const preview = expectOk(await client.call('restore.preview', { file }));
    // The page passes the file as chosen, and the worker reads it: the same preview.
    expect(expectOk(await client.call('restore.preview', { file: bytesBlob(file, DATABASE_FILE_TYPE) }))).toEqual(preview);
    expect(preview.incoming.counts.find((entry) => entry.kind === 'Tasks')?.count).toBe(2);
    expect(preview.current.counts.find((entry) => entry.kind === 'Tasks')?.count).toBe(1);
    expect(preview.incoming.fileSchemaVersion).toBe(bundledMigrations.length);
    expect(await currentTitles()).toEqual(['Current']);

    expectOk(await client.call('restore.apply', { file }));
    expect((await currentTitles()).sort()).toEqual(['Restored one', 'Restored two']);
    expect(events).toContainEqual({ type: 'changed', tables: ['*'] });
    expect(expectOk(await client.call('system.integrityCheck', undefined))).toEqual({ ok: true, problems: [] });
  });

  it('migrates an older file forward before restoring it', async () => {
    const sqlite3 = await loadSqlite();
    const old = new sqlite3.oo1.DB(':memory:', 'c');
    await runMigrations(createMigrationTarget(sqlite3, old), bundledMigrations.slice(0, 1));
    old.exec("INSERT INTO tasks (id, title, focus_date) VALUES ('old-1', 'From an old version', '2026-11-23')");
    const file = sqlite3.capi.sqlite3_js_db_export(old);
    old.close();

    const preview = expectOk(await client.call('restore.preview', { file }));
    expect(preview.incoming.fileSchemaVersion).toBe(1);
    expectOk(await client.call('restore.apply', { file }));
    expect(await currentTitles()).toEqual(['From an old version']);
    expect(expectOk(await client.call('system.status', undefined))).toMatchObject({ state: 'ready' });
  });

  describe('refuses, leaving the current data exactly as it was,', () => {
    async function expectRefused(file: Uint8Array, message: RegExp): Promise<void> {
      expectOk(await client.call('tasks.create', { title: 'Keep me', focusDate: '2026-11-23' }));
      const before = await currentFile();
      for (const name of ['restore.preview', 'restore.apply'] as const) {
        const answer = await client.call(name, { file });
        expect(answer.ok).toBe(false);
        if (!answer.ok) expect(answer.error).toMatchObject({ code: 'validation', field: 'file', message: expect.stringMatching(message) as string });
      }
      // Byte for byte (compared as one buffer: a deep equal over a megabyte is slow).
      expect(Buffer.compare(await currentFile(), before)).toBe(0);
    }

    it('an empty file', async () => expectRefused(new Uint8Array(0), /empty/));

    it('a file that is not SQLite', async () => expectRefused(new TextEncoder().encode('title,date\nhello,2026-11-23\n'.repeat(20)), /not a SQLite database/));

    it('a truncated file', async () => {
      const file = await otherDatabaseFile(['x']);
      await expectRefused(file.slice(0, file.length - 4096), /truncated/);
    });

    it('a file saved in WAL mode', async () => {
      const file = await otherDatabaseFile(['x']);
      file[18] = 2;
      file[19] = 2;
      await expectRefused(file, /WAL mode/);
    });

    it('a damaged file', async () => {
      const file = await otherDatabaseFile(Array.from({ length: 50 }, (_, index) => `Task ${index}`));
      for (let offset = 4096 + 100; offset < file.length - 200; offset += 4096) file.fill(0xff, offset, offset + 200);
      await expectRefused(file, /damaged|could not be read/);
    });

    it('a SQLite file that is not a Daybook database', async () => {
      const sqlite3 = await loadSqlite();
      const foreign = new sqlite3.oo1.DB(':memory:', 'c');
      foreign.exec('CREATE TABLE notes (body TEXT)');
      const file = sqlite3.capi.sqlite3_js_db_export(foreign);
      foreign.close();
      await expectRefused(file, /not a Daybook database/);
    });

    it('a file from a newer version of Daybook', async () => {
      const sqlite3 = await loadSqlite();
      const newer = new sqlite3.oo1.DB(':memory:', 'c');
      await runMigrations(createMigrationTarget(sqlite3, newer), bundledMigrations);
      newer.exec("INSERT INTO _migrations (id, name, checksum) VALUES (99, 'from_the_future', 'x')");
      const file = sqlite3.capi.sqlite3_js_db_export(newer);
      newer.close();
      await expectRefused(file, /newer version of Daybook/);
    });
  });
});

describe('a long restore', () => {
  it('reports progress and, when cancelled, leaves the current data exactly as it was', async () => {
    const other = await openTestClient();
    const long = 'x'.repeat(19_000);
    for (let index = 0; index < 300; index++) {
      expectOk(await other.client.call('tasks.create', { title: `Big ${index}`, description: long, focusDate: '2026-11-20' }));
    }
    const file = expectOk(await other.client.call('system.exportDatabase', undefined));
    other.close();

    expectOk(await client.call('tasks.create', { title: 'Keep me', focusDate: '2026-11-23' }));
    const before = await currentFile();
    const controller = new AbortController();
    const progress: number[] = [];
    const answer = await client.call(
      'restore.apply',
      { file },
      {
        signal: controller.signal,
        onProgress: (done) => {
          progress.push(done);
          controller.abort();
        }
      }
    );
    expect(progress.length).toBeGreaterThan(0);
    expect(answer).toEqual({ ok: false, error: { code: 'cancelled', message: 'Stopped before the end, as asked; nothing was changed.' } });
    expect(Buffer.compare(await currentFile(), before)).toBe(0);

    // The copy in reports its steps as `restoring`, for the page to say what it waits for.
    const phases = new Set<string | undefined>();
    expectOk(await client.call('restore.apply', { file }, { onProgress: (_done, _total, phase) => phases.add(phase) }));
    expect(phases).toContain('restoring');
    expect(expectOk(await client.call('tasks.list', { from: '2026-11-20', to: '2026-11-20', limit: 500 })).items).toHaveLength(300);
  });
});
