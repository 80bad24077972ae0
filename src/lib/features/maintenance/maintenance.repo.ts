import type { Session } from '../../db/session';
import type { Database } from '../../db/sqlite';
import { RpcFailure } from '../../rpc/result';
import { isInternalTable, quoteIdentifier } from '../console/console';
import type { DatabaseStats } from './maintenance';

/** Size, free space and row counts of the open database. Counts every table: fine at Daybook's sizes. */
export function readStats(raw: Database): DatabaseStats {
  const pageSize = Number(raw.selectValue('PRAGMA page_size'));
  const pageCount = Number(raw.selectValue('PRAGMA page_count'));
  const freelistCount = Number(raw.selectValue('PRAGMA freelist_count'));
  const journalMode = String(raw.selectValue('PRAGMA journal_mode')).toLowerCase();
  const names = raw
    .selectValues(`SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`)
    .map(String)
    .filter((name) => !isInternalTable(name))
    .sort((a, b) => a.localeCompare(b));
  const tables = names.map((name) => ({ name, rows: Number(raw.selectValue(`SELECT count(*) FROM ${quoteIdentifier(name)}`)) }));
  return { databaseBytes: pageCount * pageSize, freelistBytes: freelistCount * pageSize, pageSize, tables, walMode: journalMode === 'wal' };
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
