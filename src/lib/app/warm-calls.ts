import type { RpcClient } from '../rpc/client';
import type { CommandInput, CommandName, CommandOutput } from '../rpc/contract';
import type { Result } from '../rpc/result';

interface PlannedCall {
  readonly name: CommandName;
  readonly input: unknown;
}

type Phase = 'planning' | 'sending' | 'done';

/**
 * Reads a screen will need, sent right behind `system.open` so their answers arrive with `ready`
 * instead of one round trip after it (the worker runs calls in order, so they wait for the open).
 * They travel on a line of their own into the new worker, so their ids never mix with the page's
 * client. An answer is used once, only if it succeeded, and is dropped on any change to the data.
 */
export class WarmCalls {
  #phase: Phase = 'planning';
  #client: RpcClient | null = null;
  readonly #planned = new Map<string, PlannedCall>();
  readonly #answers = new Map<string, Promise<Result<unknown>>>();
  /** The names among #answers: any other call is passed on without serializing its input into a key (a 250 MB file would take seconds, then throw). */
  readonly #answeredNames = new Set<string>();

  /** Asks for `name(input)` with the opening; ignored once the database is open. */
  plan<K extends CommandName>(name: K, input: CommandInput<K>): void {
    if (this.#phase === 'done') return;
    const key = keyOf(name, input);
    this.#planned.set(key, { name, input });
    if (this.#client) this.#send(this.#client, key);
  }

  /**
   * The opening was posted: sends what is planned (and anything planned until `finish`) on a client
   * made by `connect`, which is called only while calls are still wanted.
   */
  begin(connect: () => RpcClient): void {
    if (this.#phase === 'done') return;
    this.#phase = 'sending';
    const client = connect();
    this.#client = client;
    for (const key of this.#planned.keys()) this.#send(client, key);
  }

  /** The opening answered: no more calls are added; the line closes once its answers are in. */
  finish(): void {
    this.#phase = 'done';
    this.#planned.clear();
    const client = this.#client;
    if (!client) return;
    void Promise.allSettled([...this.#answers.values()]).then(() => {
      client.close();
      if (this.#client === client) this.#client = null;
    });
  }

  /**
   * The opening failed (or the worker died): unanswered calls answer `unavailable`, answers are
   * dropped, and before the database is open the plans are kept for the next try.
   */
  abort(): void {
    this.#client?.close();
    this.#client = null;
    this.clear();
    if (this.#phase === 'sending') this.#phase = 'planning';
  }

  /** Drops every answer not used yet: the data changed, or this tab will not open the database. */
  clear(): void {
    this.#answers.clear();
    this.#answeredNames.clear();
  }

  /** The early answer to exactly this call, once; null when there is none. */
  take<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> | null {
    if (!this.#answeredNames.has(name)) return null;
    const key = keyOf(name, input);
    const answer = this.#answers.get(key);
    if (!answer) return null;
    this.#answers.delete(key);
    // The call was sent with this very name and input, so the worker answered with this output type.
    return answer as Promise<Result<CommandOutput<K>>>;
  }

  #send(client: RpcClient, key: string): void {
    const call = this.#planned.get(key);
    if (!call || this.#answers.has(key)) return;
    this.#answers.set(key, client.call(call.name, call.input as CommandInput<typeof call.name>));
    this.#answeredNames.add(call.name);
  }
}

function keyOf(name: string, input: unknown): string {
  return `${name} ${JSON.stringify(input) ?? ''}`;
}
