/** Why a snapshot was taken: on schedule, before an update or a restore, or asked for ('manual'). */
export type SnapshotKind = 'daily' | 'weekly' | 'migration' | 'restore' | 'manual';

export interface SnapshotInfo {
  readonly name: string;
  readonly kind: SnapshotKind;
  /** ISO-8601 UTC. */
  readonly takenAt: string;
  readonly bytes: number;
}

/** How many of each kind are kept (`daily`: days, each through its daily or weekly snapshot); older ones are deleted. */
export const KEEP: Readonly<Record<SnapshotKind, number>> = { daily: 7, weekly: 4, migration: 3, restore: 3, manual: 5 };

/** The person's local day of a moment, `YYYY-MM-DD`. */
export function localDayOf(moment: Date): string {
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${moment.getFullYear()}-${month}-${day}`;
}

/** The local Monday starting the week of a moment, `YYYY-MM-DD`. */
export function localWeekOf(moment: Date): string {
  const monday = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate());
  monday.setDate(monday.getDate() - ((monday.getDay() + 6) % 7));
  return localDayOf(monday);
}

/** The kinds that stand for a day: a weekly snapshot is also its day's copy, so a day needs one file, not two. */
const DAY_COPIES: readonly SnapshotKind[] = ['daily', 'weekly'];

/**
 * The scheduled snapshot due now, if any: one a week, and one a day before first use, which the
 * week's snapshot is on the day it is taken (two copies of the same file, each the whole database,
 * cost twice the disk and twice the copying for nothing).
 */
export function dueSnapshots(existing: readonly SnapshotInfo[], now: Date): SnapshotKind[] {
  const taken = (kinds: readonly SnapshotKind[], period: (moment: Date) => string) =>
    existing.some((snapshot) => kinds.includes(snapshot.kind) && period(new Date(snapshot.takenAt)) === period(now));
  if (!taken(['weekly'], localWeekOf)) return ['weekly'];
  if (!taken(DAY_COPIES, localDayOf)) return ['daily'];
  return [];
}

/** The newest `count` of `snapshots` that are of one of `kinds`. */
function newest(snapshots: readonly SnapshotInfo[], kinds: readonly SnapshotKind[], count: number): SnapshotInfo[] {
  return snapshots
    .filter((snapshot) => kinds.includes(snapshot.kind))
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt))
    .slice(0, count);
}

/**
 * The snapshots to delete: each is kept while some rule still wants it. The last KEEP.daily days
 * are kept through their daily or weekly snapshot, the last KEEP.weekly weeks through their weekly
 * one, and each other kind keeps its newest KEEP[kind].
 */
export function expiredSnapshots(existing: readonly SnapshotInfo[]): SnapshotInfo[] {
  const kept = new Set<string>(newest(existing, DAY_COPIES, KEEP.daily).map((snapshot) => snapshot.name));
  for (const kind of Object.keys(KEEP) as SnapshotKind[]) {
    if (kind !== 'daily') for (const snapshot of newest(existing, [kind], KEEP[kind])) kept.add(snapshot.name);
  }
  return existing.filter((snapshot) => !kept.has(snapshot.name));
}

const NAME = /^\/snapshot-(\d{8}T\d{9}Z)-(daily|weekly|migration|restore|manual)-(\d+)\.sqlite3$/;

/** The file name carries everything the list needs, so listing never reads a snapshot. */
export function snapshotName(kind: SnapshotKind, takenAt: Date, bytes: number): string {
  const stamp = takenAt.toISOString().replace(/[-:.]/g, '');
  return `/snapshot-${stamp}-${kind}-${bytes}.sqlite3`;
}

export function parseSnapshotName(name: string): SnapshotInfo | null {
  const match = NAME.exec(name);
  if (!match?.[1] || !match[2] || !match[3]) return null;
  const stamp = match[1];
  const takenAt = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}.${stamp.slice(15, 18)}Z`;
  return { name, kind: match[2] as SnapshotKind, takenAt, bytes: Number(match[3]) };
}
