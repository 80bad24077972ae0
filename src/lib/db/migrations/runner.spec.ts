import { afterEach, describe, expect, it } from 'vitest';
import { loadSqlite, type Database } from '../sqlite';
import { sha256Hex } from './checksum';
import { runMigrations, type MigrationTarget } from './runner';
import { createMigrationTarget } from './target';
import type { MigrationFile } from './migration-files';

const first: MigrationFile = { id: 1, name: 'notes', sql: 'CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT NOT NULL);' };
const second: MigrationFile = { id: 2, name: 'tags', sql: 'CREATE TABLE tags (name TEXT PRIMARY KEY);' };
const broken: MigrationFile = {
  id: 2,
  name: 'broken',
  sql: "CREATE TABLE half_done (x INTEGER); INSERT INTO notes VALUES ('n2', 'from broken'); THIS IS NOT SQL;"
};

let open: Database[] = [];

async function freshDatabase(): Promise<{ db: Database; target: MigrationTarget; bytes: () => Uint8Array }> {
  const sqlite3 = await loadSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  open.push(db);
  const target = createMigrationTarget(sqlite3, db);
  return { db, target, bytes: () => sqlite3.capi.sqlite3_js_db_export(db) };
}

afterEach(() => {
  for (const db of open) db.close();
  open = [];
});

describe('runMigrations', () => {
  it('applies every migration in order, records it with a checksum and sets user_version', async () => {
    const { db, target } = await freshDatabase();
    const report = await runMigrations(target, [first, second]);
    expect(report).toMatchObject({ outcome: 'ok', schemaVersion: 2 });
    expect(report.outcome === 'ok' && report.steps.map((step) => step.status)).toEqual(['applied', 'applied']);
    const ledger = db.selectObjects('SELECT id, name, length(checksum) AS size FROM _migrations ORDER BY id');
    expect(ledger).toEqual([
      { id: 1, name: 'notes', size: 64 },
      { id: 2, name: 'tags', size: 64 }
    ]);
    expect(db.selectValue('PRAGMA user_version')).toBe(2);
  });

  it('skips what is applied and applies only the new migration', async () => {
    const { target } = await freshDatabase();
    await runMigrations(target, [first]);
    const report = await runMigrations(target, [first, second]);
    expect(report.outcome === 'ok' && report.steps.map((step) => step.status)).toEqual(['skipped', 'applied']);
  });

  it('rolls a failing migration back completely, leaving the database byte-for-byte as it was', async () => {
    const { db, target, bytes } = await freshDatabase();
    await runMigrations(target, [first]);
    db.exec("INSERT INTO notes VALUES ('n1', 'kept')");
    const before = bytes();

    const report = await runMigrations(target, [first, broken, { ...second, id: 3 }]);

    expect(report.outcome).toBe('failed');
    if (report.outcome !== 'failed') return;
    expect(report.steps.map((step) => step.status)).toEqual(['skipped', 'failed', 'not_executed']);
    expect(report.steps[1]?.error).toMatch(/syntax error/);
    expect(report.schemaVersion).toBe(1);
    expect(bytes()).toEqual(before);
    expect(db.selectValue('PRAGMA user_version')).toBe(1);
  });

  it('refuses a migration that tries to commit part of itself, keeping nothing of it', async () => {
    const { target, bytes } = await freshDatabase();
    await runMigrations(target, [first]);
    const before = bytes();
    const sneaky: MigrationFile = { id: 2, name: 'sneaky', sql: 'CREATE TABLE sneaky (x); COMMIT; CREATE TABLE after (y);' };
    const report = await runMigrations(target, [first, sneaky]);
    expect(report.outcome).toBe('failed');
    expect(bytes()).toEqual(before);
  });

  it('refuses, changing nothing, when an applied migration was edited afterwards', async () => {
    const { target, bytes } = await freshDatabase();
    await runMigrations(target, [first]);
    const before = bytes();
    const edited = { ...first, sql: `${first.sql}\n-- edited` };
    const report = await runMigrations(target, [edited, second]);
    expect(report).toMatchObject({ outcome: 'refused', reason: 'checksum_mismatch' });
    expect(bytes()).toEqual(before);
  });

  it('refuses an edited migration also when user_version says the database is up to date', async () => {
    const { db, target, bytes } = await freshDatabase();
    await runMigrations(target, [first, second]);
    expect(db.selectValue('PRAGMA user_version')).toBe(2);
    const before = bytes();
    const report = await runMigrations(target, [first, { ...second, sql: `${second.sql}\n-- edited` }]);
    expect(report).toMatchObject({ outcome: 'refused', reason: 'checksum_mismatch' });
    expect(bytes()).toEqual(before);
  });

  it('skips every step of an up-to-date database without changing it', async () => {
    const { target, bytes } = await freshDatabase();
    await runMigrations(target, [first, second]);
    const before = bytes();
    const report = await runMigrations(target, [first, second]);
    expect(report.outcome === 'ok' && report.steps.map((step) => step.status)).toEqual(['skipped', 'skipped']);
    expect(bytes()).toEqual(before);
  });

  it('records a checksum computed at build time, and refuses the file when it no longer matches', async () => {
    const { db, target } = await freshDatabase();
    const built = { ...first, checksum: await sha256Hex(first.sql) };
    await runMigrations(target, [built]);
    expect(db.selectValue('SELECT checksum FROM _migrations WHERE id = 1')).toBe(built.checksum);
    expect(await runMigrations(target, [built])).toMatchObject({ outcome: 'ok' });
    const rebuilt = { ...built, checksum: await sha256Hex(`${first.sql}\n-- edited`) };
    expect(await runMigrations(target, [rebuilt])).toMatchObject({ outcome: 'refused', reason: 'checksum_mismatch' });
  });

  it('refuses a database with migrations this app does not know (a newer app wrote it)', async () => {
    const { target, bytes } = await freshDatabase();
    await runMigrations(target, [first, second]);
    const before = bytes();
    const report = await runMigrations(target, [first]);
    expect(report).toMatchObject({ outcome: 'refused', reason: 'newer_database' });
    if (report.outcome === 'refused') expect(report.message).toMatch(/newer version of Daybook/);
    expect(bytes()).toEqual(before);
  });

  it('refuses when the applied list is not a prefix of the files', async () => {
    const { target, bytes } = await freshDatabase();
    await runMigrations(target, [first, second]);
    const before = bytes();
    const renamed: MigrationFile = { ...second, name: 'labels' };
    const report = await runMigrations(target, [first, renamed, { ...second, id: 3 }]);
    expect(report).toMatchObject({ outcome: 'refused', reason: 'not_a_prefix' });
    expect(bytes()).toEqual(before);
  });
});
