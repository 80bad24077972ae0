import type { CallMessage, CommandInput, CommandName, CommandOutput, FromWorker, WorkerEvent } from './contract';
import type { Endpoint } from './endpoint';
import { fail, type Result } from './result';

interface Pending {
  readonly message: CallMessage;
  readonly resolve: (result: Result<unknown>) => void;
  readonly onProgress?: (done: number, total: number, phase?: string) => void;
}

/** For long calls: follow their progress, and stop them. */
export interface CallOptions {
  /** `phase` names the step of a call made of several (an import's 'snapshot', 'writing', ...). */
  readonly onProgress?: (done: number, total: number, phase?: string) => void;
  /** Aborting asks the worker to stop the call; it then answers `cancelled` and nothing is half-done. */
  readonly signal?: AbortSignal;
}
type EventListener = (event: WorkerEvent) => void;

/**
 * The UI's only way to talk to the database. Every call answers with a `Result`;
 * if the worker dies, every call in flight (and every later one) answers `unavailable`.
 */
export class RpcClient {
  #endpoint: Endpoint;
  readonly #pending = new Map<number, Pending>();
  readonly #listeners = new Set<EventListener>();
  readonly #deathListeners = new Set<(reason: string) => void>();
  #stopListening: () => void;
  #nextId = 1;
  #deathReason: string | null = null;
  /**
   * Idempotency keys are this client's random prefix and the call's id: unique across tabs and
   * page loads like a UUID per call, which cost ~9 µs a call here (crypto.randomUUID, profiled in
   * Chromium), and they go into the worker's request log in order.
   */
  readonly #keyPrefix = crypto.randomUUID();

  constructor(endpoint: Endpoint) {
    this.#endpoint = endpoint;
    this.#stopListening = this.#listen(endpoint);
  }

  get isAlive(): boolean {
    return this.#deathReason === null;
  }

  call<K extends CommandName>(name: K, input: CommandInput<K>, options: CallOptions = {}): Promise<Result<CommandOutput<K>>> {
    if (this.#deathReason !== null) return Promise.resolve(fail('unavailable', this.#deathReason));
    const id = this.#nextId++;
    const message: CallMessage = { kind: 'call', id, name, input, key: `${this.#keyPrefix}:${id}` };
    options.signal?.addEventListener('abort', () => this.#endpoint.postMessage({ kind: 'cancel', id: message.id }), { once: true });
    return new Promise((resolve) => {
      // The worker validates the input against the same schema, so its answer has the declared type.
      this.#pending.set(message.id, {
        message,
        resolve: resolve as Pending['resolve'],
        ...(options.onProgress && { onProgress: options.onProgress })
      });
      try {
        this.#endpoint.postMessage(message);
      } catch (error) {
        this.#pending.delete(message.id);
        resolve(fail('validation', `This input cannot be sent to the database: ${describe(error)}`));
      }
    });
  }

  /**
   * Moves to another endpoint (the database moved to another tab) and sends every unanswered call
   * again, with its idempotency key, so none is lost and none runs twice.
   */
  reconnect(endpoint: Endpoint): void {
    if (this.#deathReason !== null) return;
    this.#stopListening();
    this.#endpoint = endpoint;
    this.#stopListening = this.#listen(endpoint);
    for (const { message } of this.#pending.values()) endpoint.postMessage(message);
  }

  get pendingCount(): number {
    return this.#pending.size;
  }

  #listen(endpoint: Endpoint): () => void {
    return endpoint.listen(
      (message) => this.#receive(message),
      (reason) => this.#die(reason)
    );
  }

  /** Listens for events the worker pushes (tables changed, status). Returns an unsubscribe function. */
  onEvent(listener: EventListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Called once if the worker dies. */
  onDeath(listener: (reason: string) => void): () => void {
    this.#deathListeners.add(listener);
    return () => this.#deathListeners.delete(listener);
  }

  /** Stops the client; calls in flight answer `unavailable` with the reason. */
  close(reason = 'The connection to the database was closed.'): void {
    this.#die(reason);
  }

  #receive(message: FromWorker): void {
    if (message.kind === 'event') {
      for (const listener of this.#listeners) listener(message.event);
      return;
    }
    if (message.kind === 'progress') {
      this.#pending.get(message.id)?.onProgress?.(message.done, message.total, message.phase);
      return;
    }
    const pending = this.#pending.get(message.id);
    if (!pending) return;
    this.#pending.delete(message.id);
    pending.resolve(message.result);
  }

  #die(reason: string): void {
    if (this.#deathReason !== null) return;
    this.#deathReason = reason;
    this.#stopListening();
    for (const { resolve } of this.#pending.values()) resolve(fail('unavailable', reason));
    this.#pending.clear();
    for (const listener of this.#deathListeners) listener(reason);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
