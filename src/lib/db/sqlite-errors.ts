import { RpcFailure, type RpcError } from '../rpc/result';
import { snakeToCamel } from './entities/case';

/** SQLite's primary result codes that matter to the person (extended codes carry them in the low byte). */
const SQLITE_CONSTRAINT = 19;
const SQLITE_FULL = 13;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_NOTADB = 26;

const SQL_FUNCTIONS = new Set(['length', 'trim', 'date', 'time', 'datetime', 'json_valid', 'typeof', 'abs', 'lower', 'upper', 'and', 'or', 'not', 'null', 'is', 'in', 'between', 'like', 'glob']);

/** Turns anything a command threw into a typed error with a message a person can act on. */
export function toRpcError(error: unknown): RpcError {
  if (error instanceof RpcFailure) return error.error;
  const resultCode = readResultCode(error);
  const message = error instanceof Error ? error.message : String(error);
  if (resultCode === null) return { code: 'internal', message: `Something went wrong: ${message}` };
  switch (resultCode & 0xff) {
    case SQLITE_CONSTRAINT:
      return describeConstraint(message);
    case SQLITE_FULL:
      return { code: 'storage', message: 'The device has no room left for Daybook’s data. Free some space and try again.' };
    case SQLITE_IOERR:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return { code: 'storage', message: `The database file could not be read or written: ${stripPrefix(message)}` };
    default:
      return { code: 'internal', message: `The database refused this: ${stripPrefix(message)}` };
  }
}

function readResultCode(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('resultCode' in error)) return null;
  const code = (error as { resultCode: unknown }).resultCode;
  return typeof code === 'number' ? code : null;
}

/** "SQLITE_CONSTRAINT_CHECK: sqlite3 result code 275: CHECK constraint failed: ..." -> the part after the codes. */
function stripPrefix(message: string): string {
  return message.replace(/^SQLITE_[A-Z_]+:\s*(sqlite3 result code \d+:\s*)?/, '');
}

function describeConstraint(rawMessage: string): RpcError {
  const message = stripPrefix(rawMessage);
  const check = /^CHECK constraint failed: (.*)$/s.exec(message);
  if (check?.[1]) return describeCheck(check[1]);
  const notNull = /^NOT NULL constraint failed: \w+\.(\w+)$/.exec(message);
  if (notNull?.[1]) return { code: 'validation', message: `${humanize(notNull[1])} is required.`, field: snakeToCamel(notNull[1]) };
  const unique = /^UNIQUE constraint failed: (.+)$/.exec(message);
  if (unique?.[1]) return describeUnique(unique[1]);
  const datatype = /^cannot store (\w+) value in (\w+) column \w+\.(\w+)$/.exec(message);
  if (datatype?.[1] && datatype[2] && datatype[3]) return describeDatatype(datatype[1], datatype[2], datatype[3]);
  if (/FOREIGN KEY constraint failed/.test(message)) {
    return { code: 'constraint', message: 'This refers to something that does not exist (or is still referred to elsewhere).' };
  }
  // Triggers RAISE(ABORT, 'rule: sentence.'): the sentence is written for people.
  const raised = /^[a-z][a-z ]*: (.+)$/s.exec(message);
  return { code: 'constraint', message: sentence(raised?.[1] ?? message) };
}

/** "team_skills.skill_id, team_skills.team" -> "There is already one with this skill and team." */
function describeUnique(columns: string): RpcError {
  const names = columns.split(',').map((column) => column.trim().replace(/^\w+\./, ''));
  const [first = 'value'] = names;
  const listed = names.map((name) => humanize(name).toLowerCase()).join(' and ');
  const message = names.length === 1 ? `Another item already has this ${listed}.` : `There is already one with this ${listed}.`;
  return { code: 'conflict', message, field: snakeToCamel(first) };
}

/** A STRICT table refused a value of the wrong type ("cannot store REAL value in INTEGER column ..."). */
function describeDatatype(valueType: string, columnType: string, column: string): RpcError {
  // A fraction is a number: what an INTEGER column refuses in it is the fraction.
  const number = columnType === 'INTEGER' && valueType === 'REAL' ? 'a whole number' : 'a number';
  const kind = columnType === 'TEXT' ? 'text' : columnType === 'BLOB' ? 'a file' : number;
  return { code: 'validation', message: `${humanize(column)} must be ${kind}.`, field: snakeToCamel(column) };
}

/**
 * A named CHECK (`CONSTRAINT "field: Message" CHECK (...)`) carries its own words; an unnamed one
 * is described by the first column it mentions.
 */
function describeCheck(expression: string): RpcError {
  const named = /^([a-z_]+): (.+)$/s.exec(expression);
  if (named?.[1] && named[2]) return { code: 'validation', message: sentence(named[2]), field: snakeToCamel(named[1]) };
  const column = expression.match(/[a-z_][a-z0-9_]*/g)?.find((word) => !SQL_FUNCTIONS.has(word));
  if (!column) return { code: 'validation', message: `A value breaks the rule ${expression}.` };
  return { code: 'validation', message: `${humanize(column)} is not allowed (rule: ${expression}).`, field: snakeToCamel(column) };
}

/** Capital first letter and a full stop, as messages shown to people read. */
function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** `estimated_minutes` -> `Estimated minutes`. */
function humanize(column: string): string {
  const words = column.replace(/_id$/, '').replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
