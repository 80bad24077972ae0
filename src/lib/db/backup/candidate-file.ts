import type { SAHPoolUtil } from '../sqlite';
import type { CandidatePlace } from './candidate';
import { importInChunks } from './pool-import';

/** The copy of a file being checked for a restore, in the pool beside the database. */
export const CANDIDATE_FILE = '/restore-candidate.sqlite3';

/**
 * Opens the copy as a file of its own in the OPFS pool, not in SQLite's memory: WebAssembly
 * memory never shrinks, and a 10-year file deserialized there kept the worker 250 MB larger for
 * the rest of the session (only its page cache is in memory now).
 */
export function poolPlace(pool: Pick<SAHPoolUtil, 'importDb' | 'unlink' | 'OpfsSAHPoolDb'>): CandidatePlace {
  return {
    async open(bytes, job) {
      removeCandidateFile(pool);
      const copying = job && { signal: job.signal, progress: (done: number, total: number) => job.progress(done, total, 'copying') };
      await importInChunks(pool, CANDIDATE_FILE, bytes, copying, 'Stopped before the end, as asked; nothing was changed.');
      return new pool.OpfsSAHPoolDb(CANDIDATE_FILE);
    },
    discard: () => removeCandidateFile(pool)
  };
}

/** Also at opening: a copy left by a tab that died during a check is of no use. */
export function removeCandidateFile(pool: Pick<SAHPoolUtil, 'unlink'>): void {
  pool.unlink(CANDIDATE_FILE);
  pool.unlink(`${CANDIDATE_FILE}-journal`);
}
