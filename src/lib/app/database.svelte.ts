import { RpcClient, type CallOptions } from '../rpc/client';
import type { AttachMessage, CommandInput, CommandName, CommandOutput, WorkerEvent } from '../rpc/contract';
import { portEndpoint, workerEndpoint, type Endpoint } from '../rpc/endpoint';
import { fail, type Result } from '../rpc/result';
import type { DatabaseStatus, StorageKind } from '../db/status';
import type { FromBroker, ToBroker } from './tabs/broker-protocol';
import { ALL_TABLES } from '../rpc/all-tables';
import { WarmCalls } from './warm-calls';

/** The Web Lock held by the tab whose worker owns the database files (app.html asks for it by name too). */
const OWNER_LOCK = 'daybook-database-owner';
/** Where tabs without a SharedWorker ask the holder to let go. */
const HANDOVER_CHANNEL = 'daybook-handover';
/** This build's schema version (its number of migrations), set by vite.config.ts. */
const SCHEMA_VERSION = __DAYBOOK_SCHEMA_VERSION__;

/** A performance mark at the moment `system.open` answers `ready` in this tab (its early answers follow). */
const DATABASE_READY_MARK = 'daybook:database-ready';

export type ConnectionStatus =
  | DatabaseStatus
  | { readonly state: 'starting' }
  /** Another tab holds the database and this browser cannot share it: offer to move it here. */
  | { readonly state: 'waiting' }
  /** This tab gave the database to another tab. */
  | { readonly state: 'released' };

export type TabRole = 'owner' | 'guest' | 'none';

type TablesListener = (tables: readonly string[]) => void;
/** How app.html hands over its early lock request: a release function when granted, else null. */
type EarlyLock = (() => void) | null;

/**
 * The page's one connection to the database. The tab holding the Web Lock runs the database
 * worker; every other tab gets a direct MessagePort to that worker through a SharedWorker broker,
 * so all tabs work at once. When the holder goes away the next tab in the lock's queue takes over,
 * and unanswered calls are sent again with their idempotency keys (nothing lost, nothing twice).
 */
class DatabaseConnection {
  status = $state.raw<ConnectionStatus>({ state: 'starting' });
  role = $state<TabRole>('none');
  #client: RpcClient | null = null;
  #worker: Worker | null = null;
  /** Started with the page so its WebAssembly loads while the lock is settled; opens nothing by itself. */
  #prestarted: Worker | null = null;
  readonly #warm = new WarmCalls();
  #broker: MessagePort | null = null;
  #releaseLock: (() => void) | null = null;
  #queued = false;
  readonly #tableListeners = new Set<TablesListener>();
  #started = false;

  /** The broker is connected later, once this tab knows its role: it stays off the start-up path. */
  start(): void {
    if (this.#started || typeof window === 'undefined') return;
    this.#started = true;
    this.#prestarted = adoptPrestartedWorker() ?? createDatabaseWorker();
    this.#listenForHandover();
    const early = adoptEarlyLock();
    void (early ? this.#holdEarlyLock(early) : this.#requestOwnership({ ifAvailable: true }));
  }

  /** Opens a temporary in-memory database, for browsers that cannot keep files. */
  async useTemporary(): Promise<void> {
    await this.#openInNewWorker('memory');
  }

  /** Without a SharedWorker, moves the database from the other tab to this one. */
  takeOver(): void {
    this.status = { state: 'starting' };
    new BroadcastChannel(HANDOVER_CHANNEL).postMessage('release');
    if (!this.#queued) void this.#requestOwnership({ ifAvailable: false });
  }

  async call<K extends CommandName>(name: K, input: CommandInput<K>, options?: CallOptions): Promise<Result<CommandOutput<K>>> {
    const early = options ? null : this.#warm.take(name, input);
    const answer = early ? await early : null;
    if (answer?.ok) return answer;
    if (!this.#client) return fail('unavailable', 'The database has not started yet.');
    return this.#client.call(name, input, options);
  }

  /**
   * Sends a read together with the database's opening, so its answer arrives with `ready`; the next
   * `call` with the same name and input gets it. Does nothing once the database is open.
   */
  preload<K extends CommandName>(name: K, input: CommandInput<K>): void {
    this.#warm.plan(name, input);
  }

  /** Calls `listener` after any write (in any tab) that changed one of `tables`. Returns an unsubscribe function. */
  onTablesChanged(tables: readonly string[], listener: () => void): () => void {
    const wrapped: TablesListener = (changed) => {
      if (changed.some((table) => table === ALL_TABLES || tables.includes(table))) listener();
    };
    this.#tableListeners.add(wrapped);
    return () => this.#tableListeners.delete(wrapped);
  }

  /** Queues for the lock; runs as the holder once it is granted, until the page ends or hands over. */
  async #requestOwnership(options: { ifAvailable: boolean }): Promise<void> {
    this.#queued = !options.ifAvailable;
    await navigator.locks.request(OWNER_LOCK, { ifAvailable: options.ifAvailable }, async (lock) => {
      this.#queued = false;
      if (!(await this.#onLockAnswer(lock !== null))) return;
      await new Promise<void>((release) => (this.#releaseLock = release));
    });
  }

  /** The lock app.html asked for while the page loaded: the same steps as `#requestOwnership`'s. */
  async #holdEarlyLock(early: Promise<EarlyLock>): Promise<void> {
    const release = await early.catch(() => undefined);
    if (release === undefined) return this.#requestOwnership({ ifAvailable: true });
    if (await this.#onLockAnswer(release !== null)) this.#releaseLock = release;
    else release?.();
  }

  /** Opens the database (true: keep the lock) or, without the lock, becomes a guest and queues. */
  async #onLockAnswer(granted: boolean): Promise<boolean> {
    if (granted) return this.#becomeOwner();
    this.#becomeGuest();
    void this.#requestOwnership({ ifAvailable: false });
    return false;
  }

  async #becomeOwner(): Promise<boolean> {
    const status = await this.#openWithRetry();
    if (status.state !== 'ready' && status.state !== 'blocked') return false;
    this.role = 'owner';
    this.#connectBroker();
    this.#toBroker({ type: 'owner' });
    return true;
  }

  /** Another tab holds the database: get a port to its worker, or (no SharedWorker) say so. */
  #becomeGuest(): void {
    this.role = 'guest';
    this.#prestarted?.terminate();
    this.#prestarted = null;
    this.#warm.finish();
    this.#warm.clear();
    this.#connectBroker();
    if (this.#broker) this.#toBroker({ type: 'need-port', schemaVersion: SCHEMA_VERSION });
    else this.status = { state: 'waiting' };
  }

  /** The previous holder's worker may take a moment to let go of the files after its lock is released. */
  async #openWithRetry(): Promise<ConnectionStatus> {
    for (let attempt = 0; ; attempt++) {
      const status = await this.#openInNewWorker('persistent');
      if (status.state !== 'locked' || attempt >= 40) return status;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Starts a worker and opens the database in it through a client of its own; only once it is
   * open do this tab's calls (including any still unanswered from a previous holder) move to it.
   */
  async #openInNewWorker(storage: StorageKind): Promise<ConnectionStatus> {
    const prestarted = this.#prestarted;
    const worker = prestarted ?? createDatabaseWorker();
    this.#prestarted = null;
    const opener = new RpcClient(workerEndpoint(worker));
    opener.onEvent((event) => this.#whileOpening(event));
    const early = storage === 'persistent' && prestarted ? adoptEarlyOpen(opener) : null;
    if (early && window.daybookOpeningStatus?.state === 'updating') this.status = window.daybookOpeningStatus;
    const opening = early ?? opener.call('system.open', { storage });
    this.#warm.begin(() => attachedClient(worker));
    const answer = await opening;
    opener.close('The database is open.');
    const status: ConnectionStatus = answer.ok ? answer.value : { state: 'error', message: answer.error.message };
    // Early answers from an opening that did not reach `ready` are of no use.
    if (status.state !== 'ready') this.#warm.abort();
    if (status.state === 'locked') {
      worker.terminate();
      return status;
    }
    this.#warm.finish();
    this.#worker?.terminate();
    this.#worker = worker;
    this.#useEndpoint(workerEndpoint(worker));
    // The benchmark times the page's part of the start from here (tests/bench/run.ts).
    if (status.state === 'ready') performance.mark(DATABASE_READY_MARK);
    this.status = status;
    return status;
  }

  /** Points the client at a new endpoint; unanswered calls follow it. */
  #useEndpoint(endpoint: Endpoint): void {
    if (this.#client?.isAlive) {
      this.#client.reconnect(endpoint);
      return;
    }
    const client = new RpcClient(endpoint);
    client.onEvent((event) => this.#receive(event));
    client.onDeath((reason) => {
      this.#warm.abort();
      if (this.#client === client) this.status = { state: 'error', message: reason };
    });
    this.#client = client;
  }

  /** Only `updating` matters before the opening answers: the page says why it waits. */
  #whileOpening(event: WorkerEvent): void {
    if (event.type === 'status' && event.status.state === 'updating' && this.status.state === 'starting') this.status = event.status;
  }

  #receive(event: WorkerEvent): void {
    if (event.type === 'status') {
      this.status = event.status;
      return;
    }
    // The data changed: an early answer may no longer be true.
    this.#warm.clear();
    for (const listener of this.#tableListeners) listener(event.tables);
  }

  /** Connects to the tab broker once (where SharedWorker exists). */
  #connectBroker(): void {
    if (this.#broker || typeof SharedWorker === 'undefined') return;
    const broker = new SharedWorker(new URL('./tabs/broker.ts', import.meta.url), { type: 'module', name: 'daybook-tabs' });
    broker.port.addEventListener('message', (event: MessageEvent<FromBroker>) => this.#fromBroker(event.data, event.ports));
    broker.port.start();
    this.#broker = broker.port;
    window.addEventListener('pagehide', () => this.#toBroker({ type: 'bye' }));
  }

  #fromBroker(message: FromBroker, ports: readonly MessagePort[]): void {
    const [port] = ports;
    if (message.type === 'open-port' && this.role === 'owner' && this.#worker) {
      const channel = new MessageChannel();
      const attach: AttachMessage = { kind: 'attach', schemaVersion: message.schemaVersion };
      this.#worker.postMessage(attach, [channel.port1]);
      this.#toBroker({ type: 'port', requestId: message.requestId }, [channel.port2]);
    } else if (message.type === 'port' && this.role === 'guest' && port) {
      this.#useEndpoint(portEndpoint(port));
    } else if (message.type === 'owner-changed' && this.role === 'guest') {
      this.#toBroker({ type: 'need-port', schemaVersion: SCHEMA_VERSION });
    }
  }

  #toBroker(message: ToBroker, transfer: Transferable[] = []): void {
    this.#broker?.postMessage(message, transfer);
  }

  /** Without a SharedWorker only one tab can work: the holder lets go cleanly when another asks. */
  #listenForHandover(): void {
    if (typeof SharedWorker !== 'undefined' || typeof BroadcastChannel === 'undefined') return;
    new BroadcastChannel(HANDOVER_CHANNEL).addEventListener('message', () => void this.#release());
  }

  async #release(): Promise<void> {
    if (this.role !== 'owner' || !this.#releaseLock) return;
    await this.call('system.close', undefined);
    this.#worker?.terminate();
    this.#worker = null;
    this.role = 'none';
    this.status = { state: 'released' };
    const release = this.#releaseLock;
    this.#releaseLock = null;
    // Not queued again: the database stays where the person moved it until they move it back.
    release();
  }
}

/**
 * The worker app.html's inline script started before SvelteKit's start-up (none in `vite dev`).
 * Leaves null behind, so a script that runs late starts no second worker.
 */
function adoptPrestartedWorker(): Worker | null {
  const worker = window.daybookDatabaseWorker ?? null;
  window.daybookDatabaseWorker = null;
  return worker;
}

/** The Web Lock app.html's inline script asked for (`ifAvailable`), if it did; null once taken. */
function adoptEarlyLock(): Promise<EarlyLock> | null {
  const lock = window.daybookDatabaseLock ?? null;
  window.daybookDatabaseLock = null;
  return lock;
}

/**
 * The `system.open` app.html sent to the prestarted worker, if it did; null once taken. It answers
 * `unavailable` if the worker dies first, like a call of `opener`'s own.
 */
function adoptEarlyOpen(opener: RpcClient): Promise<Result<DatabaseStatus>> | null {
  const opening = window.daybookDatabaseOpen ?? null;
  window.daybookDatabaseOpen = null;
  if (!opening) return null;
  const death = new Promise<Result<DatabaseStatus>>((answer) => opener.onDeath((reason) => answer(fail('unavailable', reason))));
  return Promise.race([opening, death]);
}

/** The database worker; it loads SQLite at once and waits for `system.open`. */
function createDatabaseWorker(): Worker {
  return new Worker(new URL('../db/worker.ts', import.meta.url), { type: 'module', name: 'daybook-database' });
}

/** A client on a line of its own into `worker` (the worker serves it like another tab's port). */
function attachedClient(worker: Worker): RpcClient {
  const channel = new MessageChannel();
  const attach: AttachMessage = { kind: 'attach', schemaVersion: SCHEMA_VERSION };
  worker.postMessage(attach, [channel.port1]);
  const client = new RpcClient(portEndpoint(channel.port2));
  client.onDeath(() => channel.port2.close());
  return client;
}

export const database = new DatabaseConnection();
