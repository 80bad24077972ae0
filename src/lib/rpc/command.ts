import type * as v from 'valibot';
import type { CommandContext } from '../db/command-context';

/**
 * One command of the worker's contract: how its input is checked, whether it writes,
 * and what it does. The same schema gives the input's TypeScript type.
 */
export interface CommandDefinition<TSchema extends v.GenericSchema, TResult> {
  readonly input: TSchema;
  /** A write runs in its own `BEGIN IMMEDIATE` transaction and announces the tables it changed. */
  readonly write: boolean;
  /** True for commands that replace the whole database (restore): every view must reload. */
  readonly replacesData?: boolean;
  /** False for the few commands that work before a database is open (status, open, export). */
  readonly needsDatabase?: boolean;
  /** What it changes outside the tables (the snapshots kept), announced to every tab once it succeeds. */
  readonly announces?: readonly string[];
  // Method syntax keeps the parameter bivariant, so any command fits a `CommandMap`.
  run(context: CommandContext, input: v.InferOutput<TSchema>): TResult | Promise<TResult>;
}

export type AnyCommand = CommandDefinition<v.GenericSchema, unknown>;
export type CommandMap = Readonly<Record<string, AnyCommand>>;

/** Identity helper that infers a command's schema and result types. */
export function command<TSchema extends v.GenericSchema, TResult>(
  definition: CommandDefinition<TSchema, TResult>
): CommandDefinition<TSchema, TResult> {
  return definition;
}
