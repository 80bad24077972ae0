import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { bundledMigrations } from '../../db/migrations/bundled';
import { runMigrations } from '../../db/migrations/runner';
import { createMigrationTarget } from '../../db/migrations/target';
import { loadSqlite } from '../../db/sqlite';
import { DETAIL_TABLES, JsonImportInput, KINDS, OLDEST_IMPORTABLE_SCHEMA_VERSION } from './backup';
import { readUserTables } from './catalog';

/** The user tables of a new database migrated to `schemaVersion`. */
async function userTablesAt(schemaVersion: number) {
  const sqlite3 = await loadSqlite();
  const raw = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    const report = await runMigrations(createMigrationTarget(sqlite3, raw), bundledMigrations.slice(0, schemaVersion));
    expect(report.outcome).toBe('ok');
    return readUserTables(raw).map(({ name, columns }) => ({ name, columns }));
  } finally {
    raw.close();
  }
}

describe('what a backup holds', () => {
  it('names every user table as a kind a person counts or as a detail of one', async () => {
    const names = (await userTablesAt(bundledMigrations.length)).map((table) => table.name).sort();
    expect(names).toEqual([...Object.keys(KINDS), ...DETAIL_TABLES].sort());
  });

  it('has the same tables and columns at every schema version it imports (a migration that changes them needs a decision here)', async () => {
    const current = await userTablesAt(bundledMigrations.length);
    for (let version = OLDEST_IMPORTABLE_SCHEMA_VERSION; version < bundledMigrations.length; version++) {
      expect(await userTablesAt(version), `schema version ${version}`).toEqual(current);
    }
  });
});

describe('the JSON import input', () => {
  const messages = (document: unknown) => v.safeParse(JsonImportInput, { document }).issues?.map((issue) => issue.message);

  it('takes a file or its text', () => {
    expect(messages(new Blob(['{}']))).toBeUndefined();
    expect(messages('{}')).toBeUndefined();
  });

  it('refuses a file over 500 MB, saying so, before reading it', () => {
    // A real 500 MB Blob would be held in the test's memory; the schema reads only its size.
    class LargeFile extends Blob {
      override get size(): number {
        return 500 * 1024 * 1024 + 1;
      }
    }
    expect(messages(new LargeFile(['{}']))).toEqual(['The backup is too large (over 500 MB).']);
  });
});
