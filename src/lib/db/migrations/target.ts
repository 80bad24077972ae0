import { removeAuthorizer, type Database, type Sqlite3Static } from '../sqlite';
import type { MigrationTarget } from './runner';

/** Adapts a sqlite-wasm connection to what the migration runner needs. */
export function createMigrationTarget(sqlite3: Sqlite3Static, db: Database): MigrationTarget {
  const { capi } = sqlite3;
  return {
    exec: (sql) => db.exec(sql),
    selectObjects: (sql) => db.selectObjects(sql),
    isAutocommit: () => capi.sqlite3_get_autocommit(db) !== 0,
    execMigration(sql) {
      // The database itself refuses BEGIN/COMMIT/ROLLBACK/SAVEPOINT inside a migration file, so a
      // file can never commit half of itself.
      capi.sqlite3_set_authorizer(
        db,
        (_argument, action) => (action === capi.SQLITE_TRANSACTION || action === capi.SQLITE_SAVEPOINT ? capi.SQLITE_DENY : capi.SQLITE_OK),
        0
      );
      try {
        db.exec(sql);
      } finally {
        removeAuthorizer(sqlite3, db);
      }
    }
  };
}
