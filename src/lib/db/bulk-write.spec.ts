import { describe, expect, it } from 'vitest';
import { withRollbackJournal } from './bulk-write';
import type { Session } from './session';

/** A connection that records the statements it is given. */
function recordingSession(storage: Session['storage']): { session: Pick<Session, 'raw' | 'storage'>; statements: string[] } {
  const statements: string[] = [];
  const raw = { exec: (sql: string) => statements.push(sql) } as unknown as Session['raw'];
  return { session: { raw, storage }, statements };
}

describe('withRollbackJournal', () => {
  it('runs the work in rollback-journal mode and goes back to WAL, also when the work fails', async () => {
    const { session, statements } = recordingSession('persistent');
    await expect(
      withRollbackJournal(session, async () => {
        statements.push('work');
        throw new Error('refused');
      })
    ).rejects.toThrow('refused');
    expect(statements).toEqual(['PRAGMA journal_mode = DELETE', 'PRAGMA synchronous = FULL', 'work', 'PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL']);
  });

  it('leaves an in-memory database as it is', async () => {
    const { session, statements } = recordingSession('memory');
    expect(await withRollbackJournal(session, async () => 'done')).toBe('done');
    expect(statements).toEqual([]);
  });
});
