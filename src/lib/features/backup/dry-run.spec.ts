import { describe, expect, it, vi } from 'vitest';
import { withRollback } from './dry-run';

type DryRunSession = Parameters<typeof withRollback>[0];

/**
 * A connection that records its statements. `outerTransaction`: the dry run runs inside a
 * transaction someone else opened, which stays open after its savepoint is released.
 */
function recordingSession(outerTransaction: boolean): { session: DryRunSession; statements: string[] } {
  const statements: string[] = [];
  let savepointOpen = false;
  const raw = {
    exec: (sql: string) => {
      statements.push(sql);
      if (sql.startsWith('SAVEPOINT')) savepointOpen = true;
      if (sql.includes('RELEASE')) savepointOpen = false;
    }
  } as unknown as DryRunSession['raw'];
  return { session: { raw, isAutocommit: () => !outerTransaction && !savepointOpen }, statements };
}

describe('withRollback', () => {
  it('undoes the work, then truncates the WAL the work spilled its pages into', async () => {
    const { session, statements } = recordingSession(false);
    expect(await withRollback(session, async () => 'previewed')).toBe('previewed');
    expect(statements).toEqual(['SAVEPOINT backup_dry_run', 'ROLLBACK TO backup_dry_run; RELEASE backup_dry_run', 'PRAGMA wal_checkpoint(TRUNCATE)']);
  });

  it('gives its answer even when the WAL cannot be truncated (only space is at stake)', async () => {
    const { session, statements } = recordingSession(false);
    const record = session.raw.exec.bind(session.raw);
    session.raw.exec = ((sql: string) => {
      record(sql);
      if (sql.includes('wal_checkpoint')) throw new Error('disk I/O error');
    }) as typeof session.raw.exec;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await withRollback(session, async () => 'previewed')).toBe('previewed');
    expect(statements.at(-1)).toBe('PRAGMA wal_checkpoint(TRUNCATE)');
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });

  it('undoes a failed run too, and inside a transaction it did not open checkpoints nothing', async () => {
    const { session, statements } = recordingSession(true);
    await expect(withRollback(session, () => Promise.reject(new Error('refused row')))).rejects.toThrow('refused row');
    expect(statements).toEqual(['SAVEPOINT backup_dry_run', 'ROLLBACK TO backup_dry_run; RELEASE backup_dry_run']);
  });
});
