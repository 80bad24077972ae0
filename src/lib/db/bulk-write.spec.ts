import { describe, expect, it } from 'vitest';
import { BULK_WRITE_CACHE_KIB, withRollbackJournal } from './bulk-write';
import type { Session } from './session';
import { openTestDatabase } from './testing';

/** A connection that records the statements it is given; its page cache is SQLite's default. */
function recordingSession(storage: Session['storage']): { session: Pick<Session, 'raw' | 'storage'>; statements: string[] } {
  const statements: string[] = [];
  const raw = { exec: (sql: string) => statements.push(sql), selectValue: (sql: string) => (sql === 'PRAGMA cache_size' ? -2000 : undefined) } as unknown as Session['raw'];
  return { session: { raw, storage }, statements };
}

describe('withRollbackJournal', () => {
  it('runs the work in rollback-journal mode with a larger cache and goes back to WAL and the cache it had, also when the work fails', async () => {
    const { session, statements } = recordingSession('persistent');
    await expect(
      withRollbackJournal(session, async () => {
        statements.push('work');
        throw new Error('refused');
      })
    ).rejects.toThrow('refused');
    expect(statements).toEqual([
      'PRAGMA journal_mode = DELETE',
      'PRAGMA synchronous = FULL',
      `PRAGMA cache_size = -${BULK_WRITE_CACHE_KIB}`,
      'work',
      'PRAGMA cache_size = -2000',
      'PRAGMA journal_mode = WAL',
      'PRAGMA synchronous = NORMAL'
    ]);
  });

  it('gives a real connection the larger cache only while the work runs, also when it fails', async () => {
    const { host } = await openTestDatabase();
    const raw = host.session.raw;
    const before = Number(raw.selectValue('PRAGMA cache_size'));
    let during = 0;
    const failing = withRollbackJournal({ raw, storage: 'persistent' }, async () => {
      during = Number(raw.selectValue('PRAGMA cache_size'));
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    expect(during).toBe(-BULK_WRITE_CACHE_KIB);
    expect(Number(raw.selectValue('PRAGMA cache_size'))).toBe(before);
    host.close();
  });

  it('leaves an in-memory database as it is', async () => {
    const { session, statements } = recordingSession('memory');
    expect(await withRollbackJournal(session, async () => 'done')).toBe('done');
    expect(statements).toEqual([]);
  });
});
