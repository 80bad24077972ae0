/** The person's local calendar day as `YYYY-MM-DD` ("today" is local, not UTC). */
export function localDay(date: Date = new Date()): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

const STYLES = {
  long: { weekday: 'long', day: 'numeric', month: 'long' },
  short: { day: 'numeric', month: 'short' }
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

/** Made once per style and locale: a new one per call cost a lookup of the locale's data each time. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(style: keyof typeof STYLES, locale?: string): Intl.DateTimeFormat {
  const key = `${style} ${locale ?? ''}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, STYLES[style]);
    formatters.set(key, made);
  }
  return made;
}

/** "Monday, 23 November" in the person's locale. */
export function formatLongDay(day: string, locale?: string): string {
  return formatter('long', locale).format(dayToDate(day));
}

/** "23 Nov" in the person's locale. */
export function formatShortDay(day: string, locale?: string): string {
  return formatter('short', locale).format(dayToDate(day));
}

/**
 * Loads the calendar data of the person's locale: the first date formatted costs ~30 ms in
 * Chromium. Called while the page waits for the database, so Today's first render does not pay it.
 */
export function prepareDateFormats(): void {
  formatLongDay(localDay());
  formatShortDay(localDay());
}

function dayToDate(day: string): Date {
  const [year = 1970, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date);
}
