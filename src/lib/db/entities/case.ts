/** `focus_date` -> `focusDate`, at the type level. */
export type SnakeToCamel<S extends string> = S extends `${infer Head}_${infer Tail}` ? `${Head}${Capitalize<SnakeToCamel<Tail>>}` : S;

/** A row with camelCase keys, as the UI sees it. */
export type Camelize<T> = { [K in keyof T as SnakeToCamel<K & string>]: T[K] };

/** Column names are few and repeat on every row: each is converted once (bounded, in case of odd keys). */
const camelNames = new Map<string, string>();
const MAX_CACHED_NAMES = 2000;

export function snakeToCamel(name: string): string {
  let camel = camelNames.get(name);
  if (camel === undefined) {
    camel = name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
    if (camelNames.size < MAX_CACHED_NAMES) camelNames.set(name, camel);
  }
  return camel;
}

export function camelToSnake(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** A database row -> the contract's camelCase object. */
export function camelizeRow<T extends object>(row: T): Camelize<T> {
  const out: Record<string, unknown> = {};
  for (const key in row) out[snakeToCamel(key)] = row[key];
  return out as Camelize<T>;
}

/** A validated camelCase input -> column values, leaving out what was not given. */
export function toColumns(input: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) if (value !== undefined) out[camelToSnake(key)] = value;
  return out;
}
