/**
 * Guards the shipped schema. `schema.snapshot.json` (committed next to this file) records every
 * migration file (id, name, SHA-256 of its text) and the schema they build, as sqlite_schema and
 * user_version show it after all migrations ran. The test fails when a migration in the snapshot
 * was edited, removed or renamed, when a migration was added without updating the snapshot, or when
 * the migrations build a schema other than the snapshot's.
 *
 * To update the snapshot (together with a NEW migration):
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/lib/db/schema/schema-snapshot.spec.ts
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../migrations/checksum';
import { bundledMigrations } from '../migrations/bundled';
import { runMigrations } from '../migrations/runner';
import { createMigrationTarget } from '../migrations/target';
import { loadSqlite } from '../sqlite';

const SNAPSHOT_FILE = fileURLToPath(new URL('./schema.snapshot.json', import.meta.url));
const UPDATE_COMMAND = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run src/lib/db/schema/schema-snapshot.spec.ts';
const updating = process.env.UPDATE_SCHEMA_SNAPSHOT === '1';

const SnapshotMigration = v.object({ id: v.number(), name: v.string(), checksum: v.string() });
const SchemaObject = v.object({
  type: v.string(),
  name: v.string(),
  tbl_name: v.string(),
  /** The CREATE statement split into lines (null for objects SQLite makes without one), so diffs read well. */
  sql: v.nullable(v.array(v.string()))
});
const Snapshot = v.object({
  migrations: v.array(SnapshotMigration),
  userVersion: v.number(),
  schema: v.array(SchemaObject)
});
type Snapshot = v.InferOutput<typeof Snapshot>;
type SchemaObject = v.InferOutput<typeof SchemaObject>;

function label(migration: { id: number; name: string }): string {
  return `${String(migration.id).padStart(4, '0')}_${migration.name}`;
}

/** The snapshot of what the bundled migrations are and build, taken on a fresh in-memory database. */
async function takeSnapshot(): Promise<Snapshot> {
  const sqlite3 = await loadSqlite();
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  try {
    db.exec('PRAGMA foreign_keys = ON');
    const report = await runMigrations(createMigrationTarget(sqlite3, db), bundledMigrations);
    if (report.outcome !== 'ok') throw new Error(`The migrations did not apply: ${JSON.stringify(report)}`);
    const schema = db
      .selectObjects("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .map((row) => ({
        type: String(row.type),
        name: String(row.name),
        tbl_name: String(row.tbl_name),
        sql: typeof row.sql === 'string' ? row.sql.replace(/\r\n/g, '\n').split('\n') : null
      }));
    const migrations = await Promise.all(
      bundledMigrations.map(async (file) => ({ id: file.id, name: file.name, checksum: await sha256Hex(file.sql) }))
    );
    return { migrations, userVersion: Number(db.selectValue('PRAGMA user_version')), schema };
  } finally {
    db.close();
  }
}

function readCommitted(): Snapshot | null {
  if (!existsSync(SNAPSHOT_FILE)) return null;
  return v.parse(Snapshot, JSON.parse(readFileSync(SNAPSHOT_FILE, 'utf8')));
}

function requireCommitted(committed: Snapshot | null): Snapshot {
  if (committed === null) throw new Error(`There is no schema snapshot at ${SNAPSHOT_FILE}: run ${UPDATE_COMMAND} and commit it.`);
  return committed;
}

/** Names of the schema objects added, removed and changed between two snapshots, for the failure message. */
function describeSchemaChange(before: readonly SchemaObject[], after: readonly SchemaObject[]): string {
  const key = (object: SchemaObject): string => `${object.type} ${object.name}`;
  const old = new Map(before.map((object) => [key(object), object]));
  const now = new Map(after.map((object) => [key(object), object]));
  const added = [...now.keys()].filter((name) => !old.has(name));
  const removed = [...old.keys()].filter((name) => !now.has(name));
  const changed = [...now.entries()]
    .filter(([name, object]) => old.has(name) && JSON.stringify(old.get(name)) !== JSON.stringify(object))
    .map(([name]) => name);
  return [
    added.length > 0 ? `added: ${added.join(', ')}` : '',
    removed.length > 0 ? `removed: ${removed.join(', ')}` : '',
    changed.length > 0 ? `changed: ${changed.join(', ')}` : ''
  ]
    .filter(Boolean)
    .join('; ');
}

let actual: Snapshot;
let committed: Snapshot | null;

beforeAll(async () => {
  actual = await takeSnapshot();
  committed = readCommitted();
});

describe('schema snapshot', () => {
  it.runIf(updating)('writes schema.snapshot.json from the current migrations (UPDATE_SCHEMA_SNAPSHOT=1)', () => {
    // Rewriting hides an edit to a migration from this test; say so, so it is a choice (fine for a
    // migration that has not shipped yet, never for one that has).
    for (const before of committed?.migrations ?? []) {
      const now = actual.migrations.find((migration) => migration.id === before.id);
      if (now && now.checksum !== before.checksum) console.warn(`schema snapshot: the checksum of migration ${label(now)} changed.`);
    }
    writeFileSync(SNAPSHOT_FILE, `${JSON.stringify(actual, null, 2)}\n`);
    expect(readCommitted()).toEqual(actual);
  });

  it.skipIf(updating)('keeps every migration in the snapshot exactly as it shipped', () => {
    const problems: string[] = [];
    for (const shipped of requireCommitted(committed).migrations) {
      const file = actual.migrations.find((migration) => migration.id === shipped.id);
      if (!file) problems.push(`migration ${label(shipped)} was removed after it shipped: put it back (shipped migrations are never removed)`);
      else if (file.name !== shipped.name) problems.push(`migration ${label(shipped)} was renamed to ${label(file)} after it shipped: rename it back`);
      else if (file.checksum !== shipped.checksum) problems.push(`migration ${label(shipped)} was edited after it shipped: add a new migration instead`);
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it.skipIf(updating)('has every migration file in the snapshot (a new migration comes with an updated snapshot)', () => {
    const known = new Set(requireCommitted(committed).migrations.map((migration) => migration.id));
    const missing = actual.migrations
      .filter((migration) => !known.has(migration.id))
      .map((migration) => `migration ${label(migration)} is not in the schema snapshot: run ${UPDATE_COMMAND} and commit the snapshot with it`);
    expect(missing, missing.join('\n')).toEqual([]);
  });

  it.skipIf(updating)('builds exactly the schema in the snapshot', () => {
    const snapshot = requireCommitted(committed);
    const message = `the schema changed (${describeSchemaChange(snapshot.schema, actual.schema)}): run ${UPDATE_COMMAND} and commit the snapshot together with a NEW migration`;
    expect(actual.schema, message).toEqual(snapshot.schema);
    expect(actual.userVersion, `user_version is ${actual.userVersion}, the snapshot says ${snapshot.userVersion}: run ${UPDATE_COMMAND}`).toBe(
      snapshot.userVersion
    );
  });
});
