import type { RpcError } from '../../rpc/result';

/** Field errors of a task form, keyed by the contract's field names. */
export type TaskFormErrors = Partial<Record<'title' | 'priority' | 'estimatedMinutes' | 'dueDate' | 'description' | 'form', string>>;

const FIELDS = new Set(['title', 'priority', 'estimatedMinutes', 'dueDate', 'description']);

/** Puts the worker's message beside the field it names, or on the form as a whole. */
export function errorsFrom(error: RpcError): TaskFormErrors {
  const field = error.field && FIELDS.has(error.field) ? error.field : 'form';
  return { [field]: error.message };
}

/** An estimate field's text as the contract wants it: empty is "not set"; anything else is left for the worker to judge. */
export function parseEstimate(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : Number(trimmed);
}
