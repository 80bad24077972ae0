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

/** A clock time `HH:MM` (24 h). */
export function clockTime(label: string) {
  return v.pipe(v.string(`${label} must be a time.`), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} must be a time like 09:30.`));
}

/** A reference to another row, or null to clear it. */
export const optionalRef = v.nullable(entityId);

/** A whole-number rating in a range, e.g. "Confidence is 1 to 5." */
export function rating(label: string, min: number, max: number) {
  const message = `${label} is a whole number from ${min} to ${max}.`;
  return v.pipe(v.number(message), v.integer(message), v.minValue(min, message), v.maxValue(max, message));
}

/** One of a fixed list of values, with the list in the message. */
export function oneOf<const T extends readonly [string, ...string[]]>(label: string, options: T) {
  return v.picklist(options, `${label} is one of: ${options.map((option) => option.replace(/_/g, ' ')).join(', ')}.`);
}

/** A moment in time as an ISO-8601 UTC string, normalised to `toISOString()` (what the schema stores). */
export function timestamp(label: string) {
  return v.pipe(
    v.string(`${label} must be a date and time.`),
    v.check((text) => !Number.isNaN(Date.parse(text)), `${label} must be a date and time.`),
    v.transform((text) => new Date(text).toISOString())
  );
}

/** A list of short strings kept as a JSON array in one column. */
export function stringList(label: string, maxItems = 50) {
  return v.pipe(
    v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100)), `${label} must be a list of words.`),
    v.maxLength(maxItems, `${label} has at most ${maxItems} items.`),
    v.transform((items) => JSON.stringify(items))
  );
}
