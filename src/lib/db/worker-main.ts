/// <reference lib="webworker" />
import { createRpcServer } from '../rpc/server';
import type { AttachMessage, FromWorker } from '../rpc/contract';
import { createCommandContext } from './command-context';
import { commands } from './commands';
import { DatabaseHost } from './database-host';
import { rehearseFirstWrites, type Rehearse } from './first-writes';
import { bundledMigrations } from './migrations/bundled';
import { loadSqlite } from './sqlite';

/**
 * The database worker's body (worker.ts loads it): owns SQLite and answers the typed calls of
 * ../rpc/contract.ts, from the page that started it and from other tabs attached through
 * MessagePorts. `early` are the messages that arrived while this module was loading, in order.
 */
export function serve(scope: DedicatedWorkerGlobalScope, early: readonly MessageEvent<unknown>[]): void {
  const host = new DatabaseHost({
    loadSqlite,
    migrations: bundledMigrations,
    onStatus: (status) => server.broadcast({ type: 'status', status }),
    onChanged: (tables) => server.broadcast({ type: 'changed', tables }),
    rehearse: () => rehearseFirstWrites(rehearse)
  });
  const server = createRpcServer({ commands, context: createCommandContext(host) });
  // The server runs the command the name names, so its answer has that command's output type.
  const rehearse = ((name, input) => server.rehearse(name, input)) as Rehearse;
  const ownPage = server.connect((message) => scope.postMessage(message));

  /** The host hears of a call when it comes and when it is answered: housekeeping waits for a pause between calls. */
  const handleCall = async (handle: () => Promise<void>): Promise<void> => {
    host.callStarted();
    try {
      await handle();
    } finally {
      host.callEnded();
    }
  };

  /** Serves another tab through its own port, if both were built for the same schema. */
  const attach = (port: MessagePort, schemaVersion: number): void => {
    const post = (message: FromWorker) => port.postMessage(message);
    const expected = host.expectedSchemaVersion;
    if (schemaVersion !== expected) {
      const message =
        schemaVersion > expected
          ? 'Daybook was updated, but an older version is still open in another tab. Close or reload the other Daybook tabs.'
          : 'Daybook was updated in another tab. Reload this tab to continue.';
      post({ kind: 'event', event: { type: 'status', status: { state: 'error', message } } });
      port.close();
      return;
    }
    const connection = server.connect(post);
    port.addEventListener('message', (event: MessageEvent<unknown>) => void handleCall(() => connection.handle(event.data)));
    port.addEventListener('close', () => connection.close());
    port.start();
    post({ kind: 'event', event: { type: 'status', status: host.status } });
  };

  const onMessage = (event: MessageEvent<unknown>): void => {
    const [port] = event.ports;
    if (isAttach(event.data) && port) attach(port, event.data.schemaVersion);
    else void handleCall(() => ownPage.handle(event.data));
  };
  for (const event of early) onMessage(event);
  scope.addEventListener('message', onMessage);
}

function isAttach(message: unknown): message is AttachMessage {
  return typeof message === 'object' && message !== null && (message as { kind?: unknown }).kind === 'attach';
}
