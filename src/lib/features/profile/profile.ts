import * as v from 'valibot';
import type { Selectable } from 'kysely';
import type { Camelize } from '../../db/entities/case';
import type { ProfileTable } from '../../db/schema/model-tables';
import { oneOf } from '../../validation/fields';

export type Profile = Camelize<Selectable<ProfileTable>>;

export const DATE_FORMATS = ['YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

/** True for a time zone this browser knows (IANA names such as Europe/Berlin). */
function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const ProfileUpdateInput = v.object({
  displayName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'Name is at most 100 characters.'))),
  timezone: v.optional(v.pipe(v.string('Time zone is required.'), v.check(isKnownTimeZone, 'Time zone must be a name like Europe/Berlin.'))),
  dateFormat: v.optional(oneOf('Date format', DATE_FORMATS)),
  weekStart: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1, 'Week start is 1 (Monday) to 7 (Sunday).'), v.maxValue(7, 'Week start is 1 (Monday) to 7 (Sunday).'))),
  theme: v.optional(oneOf('Theme', THEMES)),
  /** Free-form settings, kept as a JSON object. */
  preferences: v.optional(v.pipe(v.record(v.string(), v.unknown(), 'Preferences must be an object.'), v.transform((value) => JSON.stringify(value))))
});
