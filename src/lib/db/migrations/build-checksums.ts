import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * SHA-256 of every migration file, keyed by file name, computed once at build time (vite.config.ts)
 * so the worker does not hash every file on every start. Line endings are normalised exactly as
 * `parseMigrationFiles` does, so the value equals what the runner would compute.
 */
export function readMigrationChecksums(folder: string): Record<string, string> {
  const checksums: Record<string, string> = {};
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.sql'))) {
    const sql = readFileSync(join(folder, name), 'utf8').replace(/\r\n/g, '\n');
    checksums[name] = createHash('sha256').update(sql, 'utf8').digest('hex');
  }
  return checksums;
}
