import type { Database } from '../../db/sqlite';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileName, type BackupDocument, type BackupRow, type ExportFile } from './backup';
import { readUserTables } from './catalog';
import type { BackupJob } from './job';
import { readAllRows } from './table-rows';

/** The whole of the person's data as one backup document (tables in dependency order). */
export async function readBackupDocument(raw: Database, options: { now: Date; job?: BackupJob }): Promise<BackupDocument> {
  const tables = await readAllRows(raw, readUserTables(raw), options.job);
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    schemaVersion: appliedMigrations(raw),
    exportedAt: options.now.toISOString(),
    tables
  };
}

/** `daybook-YYYY-MM-DD.json`: the backup document as JSON text. */
export async function exportJson(raw: Database, options: { now: Date; job?: BackupJob }): Promise<ExportFile<string>> {
  const document = await readBackupDocument(raw, options);
  return { fileName: backupFileName(options.now, '.json'), mimeType: 'application/json', data: serializeBackup(document) };
}

/** The schema version: how many migrations this database has had. */
export function appliedMigrations(raw: Database): number {
  return Number(raw.selectValue('SELECT count(*) FROM _migrations'));
}

/**
 * JSON with one row per line: compact enough for tens of thousands of rows, and still readable
 * and diffable in a text editor.
 */
export function serializeBackup(document: BackupDocument): string {
  const { tables, ...header } = document;
  const lines = ['{'];
  for (const [key, value] of Object.entries(header)) lines.push(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  lines.push('  "tables": {');
  const entries = Object.entries(tables);
  entries.forEach(([table, rows], index) => {
    const comma = index < entries.length - 1 ? ',' : '';
    lines.push(rows.length === 0 ? `    ${JSON.stringify(table)}: []${comma}` : `    ${JSON.stringify(table)}: [\n${serializeRows(rows)}\n    ]${comma}`);
  });
  lines.push('  }', '}', '');
  return lines.join('\n');
}

function serializeRows(rows: readonly BackupRow[]): string {
  return rows.map((row) => `      ${JSON.stringify(row)}`).join(',\n');
}
