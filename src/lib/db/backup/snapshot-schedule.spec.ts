import { describe, expect, it } from 'vitest';
import { dueSnapshots, expiredSnapshots, localDayOf, localWeekOf, parseSnapshotName, snapshotName, type SnapshotInfo } from './snapshot-schedule';

describe('snapshot schedule', () => {
  it('keeps the last 7 days and the last 4 weeks over 60 days of daily use, in 10 files: a week’s snapshot is also its day’s', () => {
    let kept: SnapshotInfo[] = [];
    let copies = 0;
    const start = new Date(2026, 8, 1, 8, 30);
    for (let day = 0; day < 60; day++) {
      // Several openings a day: only the first takes a scheduled snapshot.
      for (const hour of [8, 13, 21]) {
        const now = new Date(start.getFullYear(), start.getMonth(), start.getDate() + day, hour, 5);
        const due = dueSnapshots(kept, now);
        copies += due.length;
        for (const kind of due) kept.push({ name: snapshotName(kind, now, 1000), kind, takenAt: now.toISOString(), bytes: 1000 });
        const expired = new Set(expiredSnapshots(kept).map((snapshot) => snapshot.name));
        kept = kept.filter((snapshot) => !expired.has(snapshot.name));
      }
    }
    // One copy a day, never two.
    expect(copies).toBe(60);
    const days = new Set(kept.map((snapshot) => localDayOf(new Date(snapshot.takenAt))));
    const lastSeven = Array.from({ length: 7 }, (_, back) => localDayOf(new Date(start.getFullYear(), start.getMonth(), start.getDate() + 59 - back)));
    expect(lastSeven.every((day) => days.has(day))).toBe(true);
    const weekly = kept.filter((snapshot) => snapshot.kind === 'weekly');
    expect(new Set(weekly.map((snapshot) => localWeekOf(new Date(snapshot.takenAt)))).size).toBe(4);
    expect(weekly.map((snapshot) => localWeekOf(new Date(snapshot.takenAt))).sort().at(-1)).toBe(localWeekOf(new Date(start.getFullYear(), start.getMonth(), start.getDate() + 59)));
    // The last 7 days hold one Monday: its weekly snapshot stands for it, so 6 daily ones.
    expect(kept.filter((snapshot) => snapshot.kind === 'daily')).toHaveLength(6);
    expect(kept).toHaveLength(10);
  });

  it('takes only the week’s snapshot on a day both are due, and the day’s once the week has one', () => {
    const monday = new Date(2026, 10, 30, 8, 15);
    expect(dueSnapshots([], monday)).toEqual(['weekly']);
    const weekly: SnapshotInfo = { name: snapshotName('weekly', monday, 1), kind: 'weekly', takenAt: monday.toISOString(), bytes: 1 };
    expect(dueSnapshots([weekly], new Date(2026, 10, 30, 18, 0))).toEqual([]);
    expect(dueSnapshots([weekly], new Date(2026, 11, 1, 8, 0))).toEqual(['daily']);
  });

  it('keeps only the newest three snapshots taken before migrations and restores', () => {
    const snapshots: SnapshotInfo[] = Array.from({ length: 5 }, (_, index) => ({
      name: `m${index}`,
      kind: 'restore' as const,
      takenAt: new Date(Date.UTC(2026, 10, index + 1)).toISOString(),
      bytes: 1
    }));
    expect(expiredSnapshots(snapshots).map((snapshot) => snapshot.name)).toEqual(['m0', 'm1']);
  });

  it('keeps the newest five taken by hand apart from the daily ones, which they neither replace nor push out', () => {
    const at = (day: number, hour: number) => new Date(2026, 10, day, hour);
    const daily = { name: snapshotName('daily', at(1, 8), 1), kind: 'daily' as const, takenAt: at(1, 8).toISOString(), bytes: 1 };
    const manual: SnapshotInfo[] = Array.from({ length: 7 }, (_, index) => {
      const takenAt = at(1, 9 + index);
      return { name: snapshotName('manual', takenAt, 1), kind: 'manual', takenAt: takenAt.toISOString(), bytes: 1 };
    });
    expect(expiredSnapshots([daily, ...manual]).map((snapshot) => snapshot.name)).toEqual([manual[0]?.name, manual[1]?.name]);
    // One taken by hand first thing on a new day: the day's scheduled daily is still due.
    // (2026-11-02 is a Monday: the week has its snapshot.)
    const weekly: SnapshotInfo = { name: snapshotName('weekly', at(2, 8), 1), kind: 'weekly', takenAt: at(2, 8).toISOString(), bytes: 1 };
    const early: SnapshotInfo = { name: snapshotName('manual', at(3, 6), 1), kind: 'manual', takenAt: at(3, 6).toISOString(), bytes: 1 };
    expect(dueSnapshots([daily, weekly, early], at(3, 8))).toEqual(['daily']);
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
