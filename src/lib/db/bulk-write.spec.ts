import { describe, expect, it } from 'vitest';
import { BULK_WRITE_CACHE_KIB, enterBulkWrite } from './bulk-write';
import { openTestDatabase } from './testing';

/** A connection that records the statements it is given; its page cache is SQLite's default. */
function recordingConnection(): { raw: Parameters<typeof enterBulkWrite>[0]; statements: string[] } {
  const statements: string[] = [];
  const raw = {
    exec: (sql: string) => statements.push(sql),
    selectValue: (sql: string) => (sql === 'PRAGMA cache_size' ? -2000 : undefined)
  } as unknown as Parameters<typeof enterBulkWrite>[0];
  return { raw, statements };
}

describe('enterBulkWrite', () => {
  it('turns the journal off with a larger cache, and puts back WAL, synchronous=NORMAL and the cache it had', () => {
    const { raw, statements } = recordingConnection();
    const leave = enterBulkWrite(raw);
    expect(statements).toEqual(['PRAGMA journal_mode = OFF', 'PRAGMA synchronous = FULL', `PRAGMA cache_size = -${BULK_WRITE_CACHE_KIB}`]);
    statements.length = 0;
    leave();
    expect(statements).toEqual(['PRAGMA cache_size = -2000', 'PRAGMA journal_mode = WAL', 'PRAGMA synchronous = NORMAL']);
  });

  it('gives a real connection the larger cache only until it leaves', async () => {
    const { host } = await openTestDatabase();
    const raw = host.session.raw;
    const before = Number(raw.selectValue('PRAGMA cache_size'));
    const leave = enterBulkWrite(raw);
    expect(Number(raw.selectValue('PRAGMA cache_size'))).toBe(-BULK_WRITE_CACHE_KIB);
    expect(raw.selectValue('PRAGMA journal_mode')).toBe('off');
    leave();
    expect(Number(raw.selectValue('PRAGMA cache_size'))).toBe(before);
    host.close();
  });
});
