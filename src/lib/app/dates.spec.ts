import { describe, expect, it } from 'vitest';
import { formatLongDay, formatShortDay, localDay, prepareDateFormats } from './dates';

describe('dates', () => {
  it('formats a calendar day in the locale asked for, the same on every call', () => {
    expect(formatLongDay('2026-11-23', 'en-US')).toBe('Monday, November 23');
    expect(formatLongDay('2026-11-23', 'en-GB')).toBe('Monday 23 November');
    expect(formatShortDay('2026-11-23', 'en-GB')).toBe('23 Nov');
    // A second call reuses the locale's formatter and answers the same.
    expect(formatLongDay('2026-11-24', 'en-US')).toBe('Tuesday, November 24');
    expect(formatShortDay('2026-01-05', 'de-DE')).toBe('5. Jan.');
  });

  it('takes the calendar day of a local date, and answers the same once the formats are prepared', () => {
    expect(localDay(new Date(2026, 0, 31, 23, 59))).toBe('2026-01-31');
    prepareDateFormats();
    expect(formatShortDay(localDay(new Date(2026, 0, 31, 23, 59)), 'en-US')).toBe('Jan 31');
  });
});
