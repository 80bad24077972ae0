import { sha256Hex } from './checksum';
import type { MigrationFile } from './migration-files';
import type { MigrationReport, MigrationStep, RefusalReason } from './report';

/** The minimal shape of a SQLite connection the runner needs (sqlite-wasm's oo1 `Database` fits). */
export interface MigrationTarget {
  exec(sql: string): unknown;
  selectObjects(sql: string): Record<string, unknown>[];
  /** True when no transaction is open. */
  isAutocommit(): boolean;
  /** Runs a migration file's SQL; transaction control inside it must be refused. */
  execMigration(sql: string): void;
}

interface AppliedMigration {
  readonly id: number;
  readonly name: string;
  readonly checksum: string;
}

const LEDGER = `CREATE TABLE IF NOT EXISTS _migrations (
  id         INTEGER PRIMARY KEY NOT NULL,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT`;

/**
 * Brings the database up to the shipped migrations, each in its own transaction.
 * Refuses, changing nothing, when the recorded history does not match the files.
 */
export async function runMigrations(db: MigrationTarget, files: readonly MigrationFile[]): Promise<MigrationReport> {
  const checksums = await Promise.all(files.map(checksumOf));
  if (isCurrent(db, files, checksums)) {
    return { outcome: 'ok', schemaVersion: files.length, steps: files.map(({ id, name }) => ({ id, name, status: 'skipped' })) };
  }
  const applied = readApplied(db);
  const refusal = findRefusal(applied, files, checksums);
  if (refusal) return { outcome: 'refused', schemaVersion: applied.length, ...refusal };

  const steps: MigrationStep[] = files.slice(0, applied.length).map(({ id, name }) => ({ id, name, status: 'skipped' }));
  for (const [index, file] of files.entries()) {
    if (index < applied.length) continue;
    const error = applyOne(db, file, checksums[index] ?? '');
    if (error === null) {
      steps.push({ id: file.id, name: file.name, status: 'applied' });
      continue;
    }
    steps.push({ id: file.id, name: file.name, status: 'failed', error });
    for (const rest of files.slice(index + 1)) steps.push({ id: rest.id, name: rest.name, status: 'not_executed' });
    const message = `Migration ${label(file)} failed and was rolled back: ${error}`;
    return { outcome: 'failed', schemaVersion: index, steps, message };
  }
  return { outcome: 'ok', schemaVersion: files.length, steps };
}

/** Checksums hashed here (files without a build-time one), once per file for the module's life. */
const hashed = new WeakMap<MigrationFile, Promise<string>>();

function checksumOf(file: MigrationFile): Promise<string> {
  if (file.checksum !== undefined) return Promise.resolve(file.checksum);
  let checksum = hashed.get(file);
  if (!checksum) {
    checksum = sha256Hex(file.sql);
    hashed.set(file, checksum);
  }
  return checksum;
}

/**
 * The usual start: `user_version` says every file is applied, and the ledger, read as one string,
 * is exactly these files with these checksums. Anything else takes the full comparison below,
 * which explains what differs.
 */
function isCurrent(db: MigrationTarget, files: readonly MigrationFile[], checksums: readonly string[]): boolean {
  if (files.length === 0 || Number(db.selectObjects('PRAGMA user_version')[0]?.user_version) !== files.length) return false;
  const expected = files.map((file, index) => `${file.id} ${file.name} ${checksums[index] ?? ''}`).join('\n');
  try {
    const [row] = db.selectObjects(
      "SELECT group_concat(id || ' ' || name || ' ' || checksum, char(10) ORDER BY id) AS ledger FROM _migrations"
    );
    return row?.ledger === expected;
  } catch {
    // No ledger although user_version is set: let the full path say so.
    return false;
  }
}

function readApplied(db: MigrationTarget): AppliedMigration[] {
  const ledger = db.selectObjects("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '_migrations'");
  if (ledger.length === 0) return [];
  return db
    .selectObjects('SELECT id, name, checksum FROM _migrations ORDER BY id')
    .map((row) => ({ id: Number(row.id), name: String(row.name), checksum: String(row.checksum) }));
}

function findRefusal(
  applied: readonly AppliedMigration[],
  files: readonly MigrationFile[],
  checksums: readonly string[]
): { reason: RefusalReason; message: string } | null {
  const latestKnown = files.at(-1)?.id ?? 0;
  const unknown = applied.find((migration) => migration.id > latestKnown);
  if (unknown) {
    return {
      reason: 'newer_database',
      message: `This database was updated by a newer version of Daybook (it has migration ${label(unknown)}, this app knows up to ${latestKnown}). Update the app to open it.`
    };
  }
  for (const [index, migration] of applied.entries()) {
    const file = files[index];
    if (!file || file.id !== migration.id || file.name !== migration.name) {
      return {
        reason: 'not_a_prefix',
        message: `The database's migration history (${label(migration)} at position ${index + 1}) does not match this app's migrations${file ? ` (${label(file)})` : ''}.`
      };
    }
    if (checksums[index] !== migration.checksum) {
      return {
        reason: 'checksum_mismatch',
        message: `Migration ${label(migration)} was changed after it was applied to this database; the app refuses to guess which version is right.`
      };
    }
  }
  return null;
}

/** Applies one migration atomically; returns the error text, or null on success. */
function applyOne(db: MigrationTarget, file: MigrationFile, checksum: string): string | null {
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(LEDGER);
    db.execMigration(file.sql);
    db.exec(`INSERT INTO _migrations (id, name, checksum) VALUES (${file.id}, '${file.name}', '${checksum}')`);
    db.exec(`PRAGMA user_version = ${file.id}`);
    db.exec('COMMIT');
    return null;
  } catch (error) {
    if (!db.isAutocommit()) db.exec('ROLLBACK');
    return error instanceof Error ? error.message : String(error);
  }
}

function label(migration: { id: number; name: string }): string {
  return `${String(migration.id).padStart(4, '0')}_${migration.name}`;
}
