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

/** Optional short text: trimmed, and empty means "not set" (NULL), for columns that are NULL or non-empty. */
export function optionalNullableText(label: string, max: number) {
  return v.nullable(
    v.pipe(
      v.string(`${label} must be text.`),
      v.trim(),
      v.maxLength(max, `${label} is at most ${max} characters.`),
      v.transform((text) => (text === '' ? null : text))
    )
  );
}

/** A yes/no answer, given as a boolean (or the 0/1 a row carries), stored as SQLite's 0/1. */
export function flag(label: string) {
  const message = `${label} is yes or no.`;
  return v.pipe(
    v.union([v.boolean(message), v.picklist([0, 1], message)], message),
    v.transform((value): 0 | 1 => (value === true || value === 1 ? 1 : 0))
  );
}

export interface StringListOptions {
  /** One item, for messages: 'technology' -> "A technology cannot be empty." */
  readonly item: string;
  /** Several items, for messages; `${item}s` unless given: "At most 50 technologies." */
  readonly items?: string;
  readonly maxItems?: number;
  /** Characters per item. */
  readonly maxLength?: number;
}

/**
 * A list of short texts for a JSON-array column (the entity lists it in `jsonColumns`): each one
 * trimmed and non-empty, repeats dropped (the first one stays where it was).
 */
export function stringList(label: string, { item, items = `${item}s`, maxItems = 50, maxLength = 100 }: StringListOptions) {
  const one = `${/^[aeiou]/i.test(item) ? 'An' : 'A'} ${item}`;
  return v.pipe(
    v.array(
      v.pipe(
        v.string(`Each ${item} must be text.`),
        v.trim(),
        v.minLength(1, `${one} cannot be empty.`),
        v.maxLength(maxLength, `${one} is at most ${maxLength} characters.`)
      ),
      `${label} must be a list of words.`
    ),
    v.maxLength(maxItems, `At most ${maxItems} ${items}.`),
    v.transform((list) => [...new Set(list)])
  );
}
