/**
 * The JSON import's phases under Node, in memory, on the seeded 10-year file: a quick look at its
 * CPU cost before a browser run (no OPFS here, so no I/O). `PASSES=2` imports twice.
 *   npx vite-node --config tests/bench/vite.node.config.ts tests/bench/node/import-profile.ts [file.sqlite3]
 */
import Sqlite from 'better-sqlite3';
import { openTestDatabase } from '../../../src/lib/db/testing';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION, type BackupRow } from '../../../src/lib/features/backup/backup';
import { readUserTables } from '../../../src/lib/features/backup/catalog';
import { serializeBackup } from '../../../src/lib/features/backup/json-export';
import { importJson } from '../../../src/lib/features/backup/json-import';
import type { BackupProgress } from '../../../src/lib/features/backup/job';
import { withForeignKeysCheckedAtEnd } from '../../../src/lib/features/backup/replace-all';

const file = process.argv[2] ?? 'tests/bench/.data/daybook-10y.sqlite3';
const { host } = await openTestDatabase();
const session = host.session;
const appSchemaVersion = Number(session.raw.selectValue('SELECT count(*) FROM _migrations'));

const source = new Sqlite(file, { readonly: true });
const tables: Record<string, BackupRow[]> = {};
for (const table of readUserTables(session.raw)) {
  const order = table.primaryKey.length > 0 ? table.primaryKey.map((column) => `"${column}"`).join(', ') : 'rowid';
  tables[table.name] = source.prepare(`SELECT ${table.columns.map((column) => `"${column}"`).join(', ')} FROM "${table.name}" ORDER BY ${order}`).all() as BackupRow[];
}
const schemaVersion = (source.prepare('SELECT count(*) AS applied FROM _migrations').get() as { applied: number }).applied;
source.close();
const text = serializeBackup({ format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, schemaVersion, exportedAt: new Date().toISOString(), tables });
console.log(`Document: ${(text.length / 2 ** 20).toFixed(1)} MiB`);

for (let pass = 1; pass <= Number(process.env.PASSES ?? 1); pass++) {
  const begun = performance.now();
  let phase = 'start';
  let since = begun;
  const times: string[] = [];
  const enter = (next: string) => {
    if (next === phase) return;
    const now = performance.now();
    times.push(`${phase} ${((now - since) / 1000).toFixed(2)} s`);
    phase = next;
    since = now;
  };
  const onProgress = (progress: BackupProgress) => enter(progress.phase);
  const { value } = await withForeignKeysCheckedAtEnd(session.raw, () =>
    session.write(async () => {
      const result = await importJson(session, text, { appSchemaVersion, job: { onProgress } });
      enter('committing');
      return result;
    })
  );
  enter('done');
  const seconds = (performance.now() - begun) / 1000;
  console.log(`Pass ${pass}: ${value.totalRows} rows in ${seconds.toFixed(2)} s (${Math.round(value.totalRows / seconds)} rows/s); ${times.slice(1).join(', ')}`);
  console.log(`WebAssembly memory: ${(session.sqlite3.wasm.heap8().byteLength / 2 ** 20).toFixed(0)} MiB (the in-memory database included)`);
}
host.close();
