import type { Session } from './session';

/**
 * Runs `work`, one very large write transaction (an import that rewrites every page), in
 * rollback-journal mode, then goes back to WAL. On OPFS a big transaction through the WAL is
 * 1.6-3.5x slower (perf-notes), and at its commit the WAL is copied back into the file. A crash in
 * between leaves a hot journal, which the next open plays back (the old data, whole) before it
 * switches to WAL again. synchronous=FULL is the safe level for a rollback journal.
 */
export async function withRollbackJournal<T>(session: Pick<Session, 'raw' | 'storage'>, work: () => Promise<T>): Promise<T> {
  if (session.storage !== 'persistent') return work();
  // Leaving WAL checkpoints it and removes it, so every committed write is in the file first.
  session.raw.exec('PRAGMA journal_mode = DELETE');
  session.raw.exec('PRAGMA synchronous = FULL');
  try {
    return await work();
  } finally {
    // Back to configureConnection's settings.
    session.raw.exec('PRAGMA journal_mode = WAL');
    session.raw.exec('PRAGMA synchronous = NORMAL');
  }
}
