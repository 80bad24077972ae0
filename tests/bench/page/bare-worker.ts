/// <reference lib="webworker" />
/**
 * Cold start's baseline: a bare sqlite-wasm worker that loads the WebAssembly at once, opens the
 * app's file in the app's pool with the app's connection settings, and runs Today's queries (the SQL
 * the app's handlers run, recorded by the benchmark). Nothing else: no migrations check, no Kysely,
 * no validation, no typed messages, no UI framework.
 */
import { configureConnection, DATABASE_FILE, loadSqlite } from '../../../src/lib/db/sqlite';
import { install } from './pool';
import { APP_POOL } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const loading = loadSqlite();

scope.addEventListener('message', (event: MessageEvent<{ sql: readonly string[] }>) => {
  void (async () => {
    try {
      const sqlite3 = await loading;
      const { pool, attempts } = await install(sqlite3, APP_POOL, 5000);
      const db = new pool.OpfsSAHPoolDb(DATABASE_FILE);
      configureConnection(db, 'persistent');
      const rows = event.data.sql.map((sql) => db.selectObjects(sql));
      scope.postMessage({ ok: true, rows: rows.map((list) => list.length), attempts });
    } catch (error) {
      scope.postMessage({ ok: false, error: String(error) });
    }
  })();
});
