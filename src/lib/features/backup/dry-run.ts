import { giveBackWalSpace } from '../../db/sqlite';
import type { Session } from '../../db/session';

/**
 * Runs `work` on the live database and then undoes everything it did, whether it succeeded or not:
 * a preview sees exactly what the database would say to an import (constraints, triggers, foreign
 * keys) without changing anything. The RPC server runs one call at a time, so nothing else sees
 * the rows in between.
 */
export async function withRollback<T>(session: Pick<Session, 'raw' | 'isAutocommit'>, work: () => Promise<T>): Promise<T> {
  session.raw.exec('SAVEPOINT backup_dry_run');
  try {
    return await work();
  } finally {
    // An error that ends the whole transaction (out of space, say) has already undone it all.
    if (!session.isAutocommit()) session.raw.exec('ROLLBACK TO backup_dry_run; RELEASE backup_dry_run');
    // The pages a large dry run spilled stay in the WAL file, rolled back but taking the space:
    // 255 MB after the preview of a 10-year backup, kept until a checkpoint truncates it.
    if (session.isAutocommit()) giveBackWalSpace(session.raw);
  }
}
