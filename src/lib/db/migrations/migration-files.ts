/** A migration as shipped: `migrations/NNNN_name.sql`, frozen once released. */
export interface MigrationFile {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
  /** SHA-256 of `sql`, when it was computed at build time; otherwise the runner computes it. */
  readonly checksum?: string;
}

const FILE_NAME = /(?:^|\/)(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Turns a `{ path: sql }` map (as `import.meta.glob` gives it) into migrations sorted by id.
 * Throws on a badly named file or a repeated id: both are programming errors, caught by tests.
 */
export function parseMigrationFiles(files: Readonly<Record<string, string>>): MigrationFile[] {
  const migrations = Object.entries(files).map(([path, sql]) => {
    const match = FILE_NAME.exec(path);
    if (!match?.[1] || !match[2]) throw new Error(`Migration file "${path}" is not named NNNN_name.sql`);
    // Line endings are normalised so a checkout with CRLF does not change the checksum.
    return { id: Number(match[1]), name: match[2], sql: sql.replace(/\r\n/g, '\n') };
  });
  migrations.sort((a, b) => a.id - b.id);
  migrations.forEach((migration, index) => {
    if (migration.id !== index + 1) {
      throw new Error(`Migrations must be numbered 0001, 0002, ... without gaps; found ${migration.id} at position ${index + 1}`);
    }
  });
  return migrations;
}

/** Attaches build-time checksums (keyed by file name, `0001_core.sql`) to the files that have one. */
export function withChecksums(files: readonly MigrationFile[], checksums: Readonly<Record<string, string>>): MigrationFile[] {
  return files.map((file) => {
    const checksum = checksums[`${String(file.id).padStart(4, '0')}_${file.name}.sql`];
    return checksum === undefined ? file : { ...file, checksum };
  });
}
