import { describe, expect, it } from 'vitest';
import { bundledMigrations } from './bundled';
import { parseMigrationFiles } from './migration-files';

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
});
