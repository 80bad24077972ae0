import { strToU8, zipSync, type Zippable } from 'fflate';
import Papa from 'papaparse';
import type { Database } from '../../db/sqlite';
import { backupFileName, type BackupRow, type ExportFile } from './backup';
import { readUserTables } from './catalog';
import type { BackupJob } from './job';
import { readAllRows } from './table-rows';
import { bytesBlob } from '../../db/blobs';

/**
 * `daybook-YYYY-MM-DD-csv.zip`: one `<table>.csv` per user table (the tables of the JSON backup),
 * each with a header row of the column names. NULL is written as an empty field; values are
 * written as they are (no spreadsheet-formula escaping), so the files are a faithful copy.
 */
export async function exportCsv(raw: Database, options: { now: Date; job?: BackupJob }): Promise<ExportFile> {
  const tables = readUserTables(raw);
  const rows = await readAllRows(raw, tables, options.job);
  const files: Zippable = {};
  for (const table of tables) files[`${table.name}.csv`] = strToU8(toCsv(table.columns, rows[table.name] ?? []));
  const zip = zipSync(files, { level: 6, mtime: options.now });
  return { fileName: backupFileName(options.now, '-csv.zip'), data: bytesBlob(zip, 'application/zip') };
}

/** RFC 4180 CSV (CRLF line ends, fields quoted when they need it), header row first. */
export function toCsv(columns: readonly string[], rows: readonly BackupRow[]): string {
  const data = rows.map((row) => columns.map((column) => row[column] ?? ''));
  const text = Papa.unparse({ fields: [...columns], data }, { newline: '\r\n' });
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
