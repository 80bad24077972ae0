/** Calendar days as `YYYY-MM-DD`, computed in UTC so no time zone moves them. */
const DAY_MS = 86_400_000;

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 1 = Monday ... 7 = Sunday. */
export function isoWeekday(day: string): number {
  const weekday = new Date(`${day}T00:00:00.000Z`).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** An ISO timestamp `minutes` after the start of `day` (the generator treats local time as UTC). */
export function timestampOn(day: string, minutes: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + Math.round(minutes * 60_000)).toISOString();
}

/** The local calendar day, as the app computes "today" (src/lib/app/dates.ts). */
export function localDay(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}
