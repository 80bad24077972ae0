import { camelToSnake } from '../../db/entities/case';
import { toRpcError } from '../../db/sqlite-errors';
import { RpcFailure } from '../../rpc/result';

/** Where in an imported file a row came from: `Row 4 of "tasks" (id …)`. */
export interface RowPlace {
  readonly where: string;
  /** The input field the refusal is about (`document`). */
  readonly field: string;
}

/**
 * The database's refusal of one imported row, told as a person reads it: where the row is, which
 * column, the app's sentence for the rule, and the database's own words.
 */
export function rowFailure(place: RowPlace, error: unknown): RpcFailure {
  const described = toRpcError(error);
  const column = described.field === undefined ? '' : `, column "${camelToSnake(described.field)}"`;
  const said = databaseWords(error);
  const suffix = said !== null && said !== described.message ? ` (The database said: ${said})` : '';
  const code = described.code === 'internal' ? 'validation' : described.code;
  return new RpcFailure(code, `${place.where}${column}: ${described.message}${suffix}`, place.field);
}

/** "SQLITE_CONSTRAINT_CHECK: sqlite3 result code 275: CHECK constraint failed: ..." -> the words after the codes. */
function databaseWords(error: unknown): string | null {
  if (!(error instanceof Error) || !('resultCode' in error)) return null;
  return error.message.replace(/^SQLITE_[A-Z_]+:\s*(sqlite3 result code \d+:\s*)?/, '');
}
