import { RpcClient } from '../rpc/client';
import type { CommandInput, CommandName, CommandOutput } from '../rpc/contract';
import { workerEndpoint } from '../rpc/endpoint';
import { fail, type Result } from '../rpc/result';
import type { DatabaseStatus, StorageKind } from '../db/status';

/** The Web Lock that marks which tab's worker owns the database files. */
const OWNER_LOCK = 'daybook-database-owner';

export type ConnectionStatus = DatabaseStatus | { readonly state: 'starting' } | { readonly state: 'waiting' };

type TablesListener = (tables: readonly string[]) => void;

/**
 * The page's one connection to the database worker. It elects this tab as the owner through a
 * Web Lock, so a second tab waits (and says so) instead of fighting over the files.
 */
class DatabaseConnection {
  status = $state.raw<ConnectionStatus>({ state: 'starting' });
  #client: RpcClient | null = null;
  #worker: Worker | null = null;
  readonly #tableListeners = new Set<TablesListener>();
  #started = false;

  /** Starts the worker at once (the wasm loads while the page renders), then opens the database. */
  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    this.#spawn();
    if (!('locks' in navigator)) {
      void this.#open('persistent');
      return;
    }
    void navigator.locks.request(OWNER_LOCK, { ifAvailable: true }, async (lock) => {
      if (lock) return this.#holdWhileOpen();
      this.status = { state: 'waiting' };
      // Queue for the lock: when the other tab closes, this one takes over by itself.
      return navigator.locks.request(OWNER_LOCK, () => this.#holdWhileOpen());
    });
  }

  /** Opens a temporary in-memory database, for browsers that cannot keep files. */
  async useTemporary(): Promise<void> {
    this.#respawn();
    await this.#open('memory');
  }

  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>> {
    if (!this.#client) return Promise.resolve(fail('unavailable', 'The database has not started yet.'));
    return this.#client.call(name, input);
  }

  /** Calls `listener` after any write that changed one of `tables`. Returns an unsubscribe function. */
  onTablesChanged(tables: readonly string[], listener: () => void): () => void {
    const wrapped: TablesListener = (changed) => {
      if (changed.some((table) => tables.includes(table))) listener();
    };
    this.#tableListeners.add(wrapped);
    return () => this.#tableListeners.delete(wrapped);
  }

  async #holdWhileOpen(): Promise<void> {
    const status = await this.#openWithRetry();
    if (status.state !== 'ready' && status.state !== 'blocked') return;
    // Keep the lock for as long as this page lives.
    await new Promise<never>(() => undefined);
  }

  /** The previous owner's worker may take a moment to let go of the files after its lock is released. */
  async #openWithRetry(): Promise<ConnectionStatus> {
    for (let attempt = 0; ; attempt++) {
      const status = await this.#open('persistent');
      if (status.state !== 'locked' || attempt >= 20) return status;
      await new Promise((resolve) => setTimeout(resolve, 150));
      this.#respawn();
    }
  }

  async #open(storage: StorageKind): Promise<ConnectionStatus> {
    const answer = await this.call('system.open', { storage });
    this.status = answer.ok ? answer.value : { state: 'error', message: answer.error.message };
    return this.status;
  }

  #spawn(): void {
    const worker = new Worker(new URL('../db/worker.ts', import.meta.url), { type: 'module', name: 'daybook-database' });
    const client = new RpcClient(workerEndpoint(worker));
    client.onEvent((event) => {
      if (event.type === 'status') this.status = event.status;
      else for (const listener of this.#tableListeners) listener(event.tables);
    });
    client.onDeath((reason) => {
      if (this.#client === client) this.status = { state: 'error', message: reason };
    });
    this.#worker = worker;
    this.#client = client;
  }

  #respawn(): void {
    const previous = this.#client;
    this.#client = null;
    previous?.close('The database connection was restarted.');
    this.#worker?.terminate();
    this.#spawn();
  }
}

export const database = new DatabaseConnection();
