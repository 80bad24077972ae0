import * as v from 'valibot';

/** A calendar day as `YYYY-MM-DD` that really exists (no 2026-02-30). */
export function calendarDay(label: string) {
  return v.pipe(
    v.string(`${label} must be a date.`),
    v.regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date like 2026-11-23.`),
    v.check(isRealDay, `${label} must be a real calendar day.`)
  );
}

/** A stable text id as the worker makes them. */
export const entityId = v.pipe(v.string('Id is required.'), v.minLength(1, 'Id is required.'), v.maxLength(64, 'Id is too long.'));

/** Trimmed text that must not be empty. */
export function requiredText(label: string, max: number) {
  return v.pipe(
    v.string(`${label} is required.`),
    v.trim(),
    v.minLength(1, `${label} is required.`),
    v.maxLength(max, `${label} is at most ${max} characters.`)
  );
}

/** Optional free text; empty is fine. */
export function optionalText(label: string, max: number) {
  return v.pipe(v.string(`${label} must be text.`), v.maxLength(max, `${label} is at most ${max} characters.`));
}

/** A whole number in a range, or null for "not set". */
export function wholeNumberOrNull(message: string, min: number, max: number) {
  return v.nullable(v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message)));
}

function isRealDay(text: string): boolean {
  const [year, month, day] = text.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
