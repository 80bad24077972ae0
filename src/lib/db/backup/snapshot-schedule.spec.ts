import { describe, expect, it } from 'vitest';
import { dueSnapshots, expiredSnapshots, parseSnapshotName, snapshotName, type SnapshotInfo } from './snapshot-schedule';

describe('snapshot schedule', () => {
  it('keeps exactly 7 daily and 4 weekly snapshots over 60 days of daily use', () => {
    let kept: SnapshotInfo[] = [];
    const start = new Date(2026, 8, 1, 8, 30);
    for (let day = 0; day < 60; day++) {
      // Several openings a day: only the first takes the scheduled snapshots.
      for (const hour of [8, 13, 21]) {
        const now = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, hour, 5);
        for (const kind of dueSnapshots(kept, now)) kept.push({ name: snapshotName(kind, now, 1000), kind, takenAt: now.toISOString(), bytes: 1000 });
        const expired = new Set(expiredSnapshots(kept).map((snapshot) => snapshot.name));
        kept = kept.filter((snapshot) => !expired.has(snapshot.name));
      }
    }
    const daily = kept.filter((snapshot) => snapshot.kind === 'daily');
    const weekly = kept.filter((snapshot) => snapshot.kind === 'weekly');
    expect(daily).toHaveLength(7);
    expect(weekly).toHaveLength(4);
    // The newest ones: the last 7 days, and the last 4 distinct weeks.
    const lastDay = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 59);
    expect(new Set(daily.map((snapshot) => new Date(snapshot.takenAt).getDate())).size).toBe(7);
    expect(Math.max(...daily.map((snapshot) => new Date(snapshot.takenAt).getTime()))).toBeGreaterThan(lastDay.getTime());
  });

  it('keeps only the newest three snapshots taken before migrations and restores', () => {
    const snapshots: SnapshotInfo[] = Array.from({ length: 5 }, (_, index) => ({
      name: `m${index}`,
      kind: 'restore' as const,
      takenAt: new Date(Date.UTC(2026, 10, index + 1)).toISOString(),
      bytes: 1
    }));
    expect(expiredSnapshots(snapshots).map((snapshot) => snapshot.name)).toEqual(['m1', 'm0']);
  });

  it('keeps the newest five taken by hand apart from the daily ones, which they neither replace nor push out', () => {
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour);
    const daily = { name: snapshotName('daily', at(1, 8), 1), kind: 'daily' as const, takenAt: at(1, 8).toISOString(), bytes: 1 };
    const manual: SnapshotInfo[] = Array.from({ length: 7 }, (_, index) => {
      const takenAt = at(1, 9 + index);
      return { name: snapshotName('manual', takenAt, 1), kind: 'manual', takenAt: takenAt.toISOString(), bytes: 1 };
    });
    expect(expiredSnapshots([daily, ...manual]).map((snapshot) => snapshot.name)).toEqual([manual[1]?.name, manual[0]?.name]);
    // One taken by hand first thing on a new day: the day's scheduled daily is still due.
    const early: SnapshotInfo = { name: snapshotName('manual', at(2, 6), 1), kind: 'manual', takenAt: at(2, 6).toISOString(), bytes: 1 };
    expect(dueSnapshots([daily, early], at(2, 8))).toContain('daily');
  });

  it('reads back what a snapshot name records', () => {
    const takenAt = new Date('2026-11-23T07:12:03.456Z');
    const name = snapshotName('weekly', takenAt, 28_000_000);
    expect(parseSnapshotName(name)).toEqual({ name, kind: 'weekly', takenAt: takenAt.toISOString(), bytes: 28_000_000 });
    const manual = snapshotName('manual', takenAt, 512);
    expect(parseSnapshotName(manual)).toMatchObject({ kind: 'manual', bytes: 512 });
    expect(parseSnapshotName('/daybook.sqlite3')).toBeNull();
  });
});
