import type { Session } from '../../db/session';
import type { Database } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import { isInternalTable, quoteIdentifier } from '../console/console';
import type { DatabaseStats, TableRowCount } from './maintenance';

/** Size and free space of the open database, and its person's tables: a few PRAGMAs, whatever its size. */
export function readStats(raw: Database): DatabaseStats {
  const pageSize = Number(raw.selectValue('PRAGMA page_size'));
  const pageCount = Number(raw.selectValue('PRAGMA page_count'));
  const freelistCount = Number(raw.selectValue('PRAGMA freelist_count'));
  const journalMode = String(raw.selectValue('PRAGMA journal_mode')).toLowerCase();
  const tableNames = personsTables(raw);
  return { databaseBytes: pageCount * pageSize, freelistBytes: freelistCount * pageSize, pageSize, tableNames, walMode: journalMode === 'wal' };
}

/**
 * The rows of each of the person's tables. Asked for only when someone opens the list: a count
 * walks a whole index, 420,000 rows at ten years (10 ms in the worker, BENCHMARKS.md).
 */
export function countTableRows(raw: Database): TableRowCount[] {
  return personsTables(raw).map((name) => ({ name, rows: Number(raw.selectValue(`SELECT count(*) FROM ${quoteIdentifier(name)}`)) }));
}

/** The person's tables (not SQLite's, the app's bookkeeping or the search index's), by name. */
function personsTables(raw: Database): string[] {
  return raw
    .selectValues(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .map(String)
    .filter((name) => !isInternalTable(name))
    .sort((a, b) => a.localeCompare(b));
}

/**
 * Refreshes the statistics the query planner chooses indexes by (`sqlite_stat1`). Runs inside the
 * command's write transaction: ANALYZE is transactional, so it commits or rolls back with it.
 */
export function analyze(raw: Database): DatabaseStats {
  raw.exec('ANALYZE');
  return readStats(raw);
}

/**
 * Rebuilds the file without its free pages, then folds the WAL back into it and truncates the WAL.
 * VACUUM cannot run inside a transaction, so this needs the connection in autocommit.
 */
export function vacuum(session: Pick<Session, 'raw' | 'isAutocommit'>): DatabaseStats {
  if (!session.isAutocommit()) throw new RpcFailure('conflict', 'The database is busy with another change. Try again in a moment.');
  session.raw.exec('VACUUM');
  session.raw.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  return readStats(session.raw);
}
