import { unzipSync, strFromU8 } from 'fflate';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectOk, openTestClient, type TestDatabase } from '../../db/testing';
import type { RpcClient } from '../../rpc/client';
import type { BackupDocument } from './backup';
import { readUserTables } from './catalog';
import { AWKWARD_TEXT, fillWithSampleData } from './sample-data';

let client: RpcClient;
let database: TestDatabase;
let close: () => void;

beforeEach(async () => {
  ({ client, database, close } = await openTestClient({ now: () => new Date('2026-03-05T12:00:00.000Z') }));
  await fillWithSampleData(client);
});

afterEach(() => close());

async function exportCsvFiles(): Promise<Record<string, string>> {
  const file = expectOk(await client.call('backup.exportCsv', undefined));
  expect(file.fileName).toBe('daybook-2026-03-05-csv.zip');
  expect(file.data.type).toBe('application/zip');
  return Object.fromEntries(Object.entries(unzipSync(new Uint8Array(await file.data.arrayBuffer()))).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe('backup.exportCsv', () => {
  it('zips one CSV file per table of the JSON backup, each with the column names as header and a record per row', async () => {
    const files = await exportCsvFiles();
    const backup = JSON.parse(await expectOk(await client.call('backup.exportJson', undefined)).data.text()) as BackupDocument;
    expect(Object.keys(files).sort()).toEqual(Object.keys(backup.tables).map((table) => `${table}.csv`).sort());
    for (const { name, columns } of readUserTables(database.host.session.raw)) {
      const rows = backup.tables[name] ?? [];
      const parsed = Papa.parse<string[]>(files[`${name}.csv`] ?? '', { skipEmptyLines: true });
      expect(parsed.errors).toEqual([]);
      const [header, ...records] = parsed.data;
      expect(header).toEqual(columns);
      expect(records).toHaveLength(rows.length);
      // Every value reads back as written; NULL is an empty field.
      expect(records).toEqual(rows.map((row) => columns.map((column) => (row[column] === null ? '' : String(row[column])))));
    }
  });

  it('quotes commas, quotes and line ends so awkward text reads back whole, and writes empty tables as a header alone', async () => {
    const files = await exportCsvFiles();
    const tasks = Papa.parse<Record<string, string>>(files['tasks.csv'] ?? '', { header: true, skipEmptyLines: true }).data;
    expect(tasks.find((task) => task.title === 'CSV export')?.description).toBe(AWKWARD_TEXT);
    expect(files['tasks.csv']).toMatch(/^id,title,description,priority,status,/);
    expect(files['tasks.csv']?.endsWith('\r\n')).toBe(true);
    const emptyTable = Object.entries(files).find(([, text]) => text.split('\r\n').filter(Boolean).length === 1);
    expect(emptyTable?.[1]).toMatch(/^[a-z_]+(,[a-z_]+)*\r\n$/);
  });
});
