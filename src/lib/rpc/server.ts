import * as v from 'valibot';
import type { CommandContext } from '../db/command-context';
import { toRpcError } from '../db/sqlite-errors';
import type { AnyCommand, CommandMap } from './command';
import type { CallMessage, FromWorker } from './contract';
import { fail, ok, type Result } from './result';

export interface RpcServerOptions {
  readonly commands: CommandMap;
  readonly context: CommandContext;
  readonly post: (message: FromWorker) => void;
}

/**
 * The worker's edge: checks every call against its command's schema, runs calls strictly one
 * after another (so a transaction never interleaves with another call), and answers with a Result.
 */
export function createRpcServer({ commands, context, post }: RpcServerOptions): { handle(message: unknown): Promise<void> } {
  let queue: Promise<void> = Promise.resolve();

  async function dispatch(call: CallMessage): Promise<void> {
    const definition = Object.hasOwn(commands, call.name) ? commands[call.name] : undefined;
    if (!definition) {
      post({ kind: 'result', id: call.id, result: fail('validation', `Unknown command "${call.name}".`) });
      return;
    }
    const { result, changedTables } = await execute(definition, context, call.input);
    post({ kind: 'result', id: call.id, result });
    if (changedTables.length > 0) post({ kind: 'event', event: { type: 'changed', tables: changedTables } });
  }

  return {
    handle(message: unknown) {
      if (!isCallMessage(message)) return Promise.resolve();
      queue = queue.then(() => dispatch(message));
      return queue;
    }
  };
}

async function execute(
  definition: AnyCommand,
  context: CommandContext,
  rawInput: unknown
): Promise<{ result: Result<unknown>; changedTables: string[] }> {
  const parsed = v.safeParse(definition.input, rawInput);
  if (!parsed.success) return { result: validationFailure(parsed.issues), changedTables: [] };
  try {
    if (definition.needsDatabase !== false && definition.write) {
      const { value, changedTables } = await context.host.session.write(async () => definition.run(context, parsed.output));
      return { result: ok(value), changedTables };
    }
    return { result: ok(await definition.run(context, parsed.output)), changedTables: [] };
  } catch (error) {
    return { result: { ok: false, error: toRpcError(error) }, changedTables: [] };
  }
}

function validationFailure(issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): Result<never> {
  const [first] = issues;
  const field = v.getDotPath(first) ?? undefined;
  return fail('validation', first.message, field);
}

function isCallMessage(message: unknown): message is CallMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Record<string, unknown>;
  return candidate.kind === 'call' && typeof candidate.id === 'number' && typeof candidate.name === 'string';
}
