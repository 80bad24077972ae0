import { describe, expect, it } from 'vitest';
import { bundledMigrations } from './bundled';
import { readMigrationChecksums } from './build-checksums';
import { sha256Hex } from './checksum';
import { parseMigrationFiles, withChecksums } from './migration-files';

describe('parseMigrationFiles', () => {
  it('sorts by number and normalises CRLF so checksums do not depend on the checkout', () => {
    const files = parseMigrationFiles({ '/migrations/0002_b.sql': 'B\r\n', '/migrations/0001_a.sql': 'A' });
    expect(files).toEqual([
      { id: 1, name: 'a', sql: 'A' },
      { id: 2, name: 'b', sql: 'B\n' }
    ]);
  });

  it('rejects a badly named file and a gap in the numbering', () => {
    expect(() => parseMigrationFiles({ '/migrations/1_a.sql': '' })).toThrow(/NNNN_name/);
    expect(() => parseMigrationFiles({ '/migrations/0001_a.sql': '', '/migrations/0003_c.sql': '' })).toThrow(/without gaps/);
  });

  it('bundles the shipped migrations starting at 0001', () => {
    expect(bundledMigrations[0]).toMatchObject({ id: 1, name: 'tasks' });
  });

  it('computes at build time the same checksums the runner computes', async () => {
    const built = withChecksums(bundledMigrations, readMigrationChecksums('migrations'));
    for (const file of built) expect(file.checksum).toBe(await sha256Hex(file.sql));
    expect(built.every((file) => file.checksum !== undefined)).toBe(true);
  });
});
