/**
 * The one protocol between the UI and the database worker.
 * The UI imports this file's types only; the runtime command map lives in the worker.
 */
import type * as v from 'valibot';
import type { Commands } from '../db/commands';
import type { DatabaseStatus } from '../db/status';
import type { Result } from './result';

export type { Commands };
export type CommandName = keyof Commands & string;
export type CommandInput<K extends CommandName> = v.InferInput<Commands[K]['input']>;
export type CommandOutput<K extends CommandName> = Awaited<ReturnType<Commands[K]['run']>>;

/** Pushed by the worker without being asked. */
export type WorkerEvent =
  | { readonly type: 'changed'; readonly tables: readonly string[] }
  | { readonly type: 'status'; readonly status: DatabaseStatus };

export interface CallMessage {
  readonly kind: 'call';
  readonly id: number;
  readonly name: string;
  readonly input: unknown;
  /**
   * Idempotency key: a call sent again after a failover carries the same key, and a write that
   * already committed answers with its first result instead of running twice.
   */
  readonly key?: string;
}

/** Asks the worker to stop a long call (an export or import); it answers that call `cancelled`. */
export interface CancelMessage {
  readonly kind: 'cancel';
  readonly id: number;
}

/** How far a long call has got, sent to the tab that made it. */
export interface ProgressMessage {
  readonly kind: 'progress';
  readonly id: number;
  readonly done: number;
  readonly total: number;
  /** Which step of a call made of several (an import: 'snapshot', 'checking', 'writing', ...). */
  readonly phase?: string;
}

/** Asks the worker to serve another tab through the given MessagePort (transferred with it). */
export interface AttachMessage {
  readonly kind: 'attach';
  /** The schema version the other tab's build expects; a mismatch is refused. */
  readonly schemaVersion: number;
}

export interface ResultMessage {
  readonly kind: 'result';
  readonly id: number;
  readonly result: Result<unknown>;
}

export interface EventMessage {
  readonly kind: 'event';
  readonly event: WorkerEvent;
}

export type ToWorker = CallMessage | CancelMessage;
export type ToWorkerControl = AttachMessage;
export type FromWorker = ResultMessage | EventMessage | ProgressMessage;
