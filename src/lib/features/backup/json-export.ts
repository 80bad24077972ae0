import type { Database } from '../../db/sqlite';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, backupFileName, type BackupDocument, type BackupRow, type ExportFile } from './backup';
import { readUserTables } from './catalog';
import type { BackupJob } from './job';
import { forEachRow, readAllRows } from './table-rows';
import { TextBlobWriter } from '../../db/blobs';

type BackupHeader = Omit<BackupDocument, 'tables'>;

/** The whole of the person's data as one backup document (tables in dependency order). */
export async function readBackupDocument(raw: Database, options: { now: Date; job?: BackupJob }): Promise<BackupDocument> {
  return { ...backupHeader(raw, options.now), tables: await readAllRows(raw, readUserTables(raw), options.job) };
}

/**
 * `daybook-YYYY-MM-DD.json`: the backup document as JSON text, written row by row into a Blob
 * (the same text as `serializeBackup`), so no part of the export is ever held whole.
 */
export async function exportJson(raw: Database, options: { now: Date; job?: BackupJob }): Promise<ExportFile> {
  const blob = new TextBlobWriter();
  const json = new BackupJsonWriter((text) => blob.write(text), backupHeader(raw, options.now));
  await forEachRow(raw, readUserTables(raw), options.job, { table: (table) => json.table(table.name), row: (_, row) => json.row(row) });
  json.end();
  return { fileName: backupFileName(options.now, '.json'), data: blob.toBlob('application/json') };
}

function backupHeader(raw: Database, now: Date): BackupHeader {
  return { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion: appliedMigrations(raw), exportedAt: now.toISOString() };
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
  const parts: string[] = [];
  const json = new BackupJsonWriter((text) => parts.push(text), header);
  for (const [table, rows] of Object.entries(tables)) {
    json.table(table);
    for (const row of rows) json.row(row);
  }
  json.end();
  return parts.join('');
}

/** Writes the backup document's text a piece at a time: the header, then each table and its rows in turn. */
class BackupJsonWriter {
  #tables = 0;
  #rowsInTable = 0;
  #tableOpen = false;

  constructor(
    private readonly out: (text: string) => void,
    header: BackupHeader
  ) {
    out('{\n');
    for (const [key, value] of Object.entries(header)) out(`  ${JSON.stringify(key)}: ${JSON.stringify(value)},\n`);
    out('  "tables": {\n');
  }

  table(name: string): void {
    this.#closeTable();
    this.out(`${this.#tables > 0 ? ',\n' : ''}    ${JSON.stringify(name)}: [`);
    this.#tables += 1;
    this.#rowsInTable = 0;
    this.#tableOpen = true;
  }

  row(row: BackupRow): void {
    this.out(`${this.#rowsInTable > 0 ? ',' : ''}\n      ${JSON.stringify(row)}`);
    this.#rowsInTable += 1;
  }

  end(): void {
    this.#closeTable();
    this.out(this.#tables > 0 ? '\n  }\n}\n' : '  }\n}\n');
  }

  #closeTable(): void {
    if (!this.#tableOpen) return;
    this.out(this.#rowsInTable > 0 ? '\n    ]' : ']');
    this.#tableOpen = false;
  }
}
