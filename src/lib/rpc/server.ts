import * as v from 'valibot';
import { withJob, type CommandContext } from '../db/command-context';
import { toRpcError } from '../db/sqlite-errors';
import type { AnyCommand, CommandMap } from './command';
import type { CallMessage, CancelMessage, FromWorker, WorkerEvent } from './contract';
import { ALL_TABLES } from './all-tables';
import { fail, ok, type Result } from './result';

export interface RpcServerOptions {
  readonly commands: CommandMap;
  readonly context: CommandContext;
}

/**
 * Sends a message to one tab. Files go as Blobs (a handle; their bytes stay out of both heaps),
 * so nothing needs moving: a 250 MB file as bytes cost ~1 s of cloning and froze the page.
 */
export type Post = (message: FromWorker) => void;

/** One tab's line to the worker: the owning page's, or another tab's MessagePort. */
export interface RpcConnection {
  handle(message: unknown): Promise<void>;
  close(): void;
}

export interface RpcServer {
  /** Adds a connection; answers go back through its `post`, events go to every connection. */
  connect(post: Post): RpcConnection;
  broadcast(event: WorkerEvent): void;
  /**
   * Runs a call in the queue like any other, but a write is rolled back and nobody hears of it:
   * the worker rehearses the first calls a person is likely to make (first-writes.ts).
   */
  rehearse(name: string, input: unknown): Promise<Result<unknown>>;
}

/**
 * The worker's edge: checks every call against its command's schema, runs calls from every tab
 * strictly one after another (so a transaction never interleaves with another call), answers with
 * a Result, and runs a repeated write (same idempotency key) only once.
 */
export function createRpcServer({ commands, context }: RpcServerOptions): RpcServer {
  let queue: Promise<void> = Promise.resolve();
  const connections = new Set<Post>();

  const broadcast = (event: WorkerEvent) => {
    for (const post of connections) post({ kind: 'event', event });
  };

  async function dispatch(call: CallMessage, post: Post, signal: AbortSignal): Promise<void> {
    const definition = Object.hasOwn(commands, call.name) ? commands[call.name] : undefined;
    if (!definition) {
      post({ kind: 'result', id: call.id, result: fail('validation', `Unknown command "${call.name}".`) });
      return;
    }
    if (signal.aborted) {
      post({ kind: 'result', id: call.id, result: fail('cancelled', 'Stopped before it started; nothing was changed.') });
      return;
    }
    const job = { signal, progress: (done: number, total: number, phase?: string) => post({ kind: 'progress', id: call.id, done, total, ...(phase !== undefined && { phase }) }) };
    const { result, changedTables } = await execute(definition, withJob(context, job), call);
    post({ kind: 'result', id: call.id, result });
    if (result.ok && definition.replacesData) broadcast({ type: 'changed', tables: [ALL_TABLES] });
    else if (changedTables.length > 0) broadcast({ type: 'changed', tables: changedTables });
  }

  const rehearse = (name: string, input: unknown): Promise<Result<unknown>> => {
    const definition = Object.hasOwn(commands, name) ? commands[name] : undefined;
    if (!definition) return Promise.resolve(fail('validation', `Unknown command "${name}".`));
    const rehearsal = queue.then(async () => (await execute(definition, context, { kind: 'call', id: 0, name, input, key: 'rehearsal' }, 'rehearsal')).result);
    queue = rehearsal.then(
      () => undefined,
      () => undefined
    );
    return rehearsal;
  };

  return {
    broadcast,
    rehearse,
    connect(post) {
      connections.add(post);
      // Calls of this connection not answered yet, so a cancel (which skips the queue) can reach them.
      const running = new Map<number, AbortController>();
      return {
        handle(message: unknown) {
          if (isCancelMessage(message)) {
            running.get(message.id)?.abort();
            return Promise.resolve();
          }
          if (!isCallMessage(message)) return Promise.resolve();
          const controller = new AbortController();
          running.set(message.id, controller);
          queue = queue.then(() => dispatch(message, post, controller.signal)).finally(() => running.delete(message.id));
          return queue;
        },
        close: () => connections.delete(post)
      };
    }
  };
}

async function execute(
  definition: AnyCommand,
  context: CommandContext,
  call: CallMessage,
  mode: 'real' | 'rehearsal' = 'real'
): Promise<{ result: Result<unknown>; changedTables: string[] }> {
  const parsed = v.safeParse(definition.input, call.input);
  if (!parsed.success) return { result: validationFailure(parsed.issues), changedTables: [] };
  try {
    if (definition.needsDatabase !== false && definition.write) {
      const session = context.host.session;
      const work = async () => {
        const earlier = call.key ? session.requests.find(call.key) : null;
        if (earlier) return earlier.value;
        const value = await definition.run(context, parsed.output);
        if (call.key) session.requests.record(call.key, value);
        return value;
      };
      if (mode === 'rehearsal') {
        await session.rehearse(work);
        return { result: ok(undefined), changedTables: [] };
      }
      const { value, changedTables } = await session.write(work);
      return { result: ok(value), changedTables };
    }
    return { result: ok(await definition.run(context, parsed.output)), changedTables: [...(definition.announces ?? [])] };
  } catch (error) {
    return { result: { ok: false, error: toRpcError(error) }, changedTables: [] };
  }
}

function validationFailure(issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): Result<never> {
  const [first] = issues;
  const field = v.getDotPath(first) ?? undefined;
  return fail('validation', isMissingKey(first) && field ? `${fieldLabel(field)} is required.` : first.message, field);
}

/** Valibot reports a key left out as the object's issue, with a message meant for developers. */
function isMissingKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'object' && issue.received === 'undefined';
}

/** `learningDate` -> "Learning date", `tags.0` -> "Tags". */
function fieldLabel(path: string): string {
  const words = (path.split('.')[0] ?? path).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isCancelMessage(message: unknown): message is CancelMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Record<string, unknown>;
  return candidate.kind === 'cancel' && typeof candidate.id === 'number';
}

function isCallMessage(message: unknown): message is CallMessage {
  if (typeof message !== 'object' || message === null) return false;
  const candidate = message as Record<string, unknown>;
  return (
    candidate.kind === 'call' &&
    typeof candidate.id === 'number' &&
    typeof candidate.name === 'string' &&
    (candidate.key === undefined || typeof candidate.key === 'string')
  );
}
