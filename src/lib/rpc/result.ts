/** The fixed set of failure kinds that cross the worker boundary. */
export const ERROR_CODES = [
  'validation',
  'not_found',
  'conflict',
  'constraint',
  'migration_failed',
  'storage',
  'unavailable',
  'cancelled',
  'internal'
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** A failure as plain, cloneable data; `message` is written for the person using the app. */
export interface RpcError {
  readonly code: ErrorCode;
  readonly message: string;
  /** The input field the message is about, when there is one. */
  readonly field?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: RpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, field?: string): { ok: false; error: RpcError } {
  return { ok: false, error: field === undefined ? { code, message } : { code, message, field } };
}

/**
 * Thrown inside the worker by a handler that wants to stop with a typed error;
 * the server turns it into an `{ ok: false }` answer.
 */
export class RpcFailure extends Error {
  readonly error: RpcError;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'RpcFailure';
    this.error = fail(code, message, field).error;
  }
}

export function isRpcError(value: unknown): value is RpcError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.message === 'string' &&
    typeof candidate.code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(candidate.code)
  );
}
