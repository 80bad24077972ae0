/// <reference lib="webworker" />
import { createRpcServer } from '../rpc/server';
import type { FromWorker } from '../rpc/contract';
import { createCommandContext } from './command-context';
import { commands } from './commands';
import { DatabaseHost } from './database-host';
import { bundledMigrations } from './migrations/bundled';
import { loadSqlite } from './sqlite';

// The database worker: owns SQLite and answers the typed calls of ../rpc/contract.ts.
const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (message: FromWorker) => scope.postMessage(message);

// Start fetching and compiling the WebAssembly at once, in parallel with the page's own start.
void loadSqlite().catch(() => undefined);

const host = new DatabaseHost({
  loadSqlite,
  migrations: bundledMigrations,
  onStatus: (status) => post({ kind: 'event', event: { type: 'status', status } })
});
const server = createRpcServer({ commands, context: createCommandContext(host), post });

scope.addEventListener('message', (event: MessageEvent<unknown>) => void server.handle(event.data));
