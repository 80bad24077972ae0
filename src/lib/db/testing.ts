/** Test helpers: a real sqlite-wasm database in memory, under Node, with the real migrations. */
import { CompiledQuery, type Kysely, type KyselyPlugin } from 'kysely';
import { createCommandContext, type CommandContext } from './command-context';
import { DatabaseHost } from './database-host';
import { bundledMigrations } from './migrations/bundled';
import type { MigrationFile } from './migrations/migration-files';
import { loadSqlite } from './sqlite';
import { RpcClient } from '../rpc/client';
import type { WorkerEvent } from '../rpc/contract';
import { portEndpoint } from '../rpc/endpoint';
import type { Result } from '../rpc/result';
import { createRpcServer } from '../rpc/server';
import { commands } from './commands';
import type { Tables } from './schema/tables';

export interface TestDatabase {
  readonly host: DatabaseHost;
  readonly context: CommandContext;
}

export async function openTestDatabase(
  options: { migrations?: readonly MigrationFile[]; now?: () => Date } = {}
): Promise<TestDatabase> {
  const host = new DatabaseHost({ loadSqlite, migrations: options.migrations ?? bundledMigrations });
  const status = await host.open('memory');
  if (status.state !== 'ready') throw new Error(`Test database did not open: ${JSON.stringify(status)}`);
  return { host, context: createCommandContext(host, options.now) };
}

/**
 * A typed client joined to a real worker-side server by a MessageChannel: the same path a page
 * takes, minus the Worker. `close()` releases everything.
 */
export async function openTestClient(options: { now?: () => Date } = {}): Promise<{
  client: RpcClient;
  events: WorkerEvent[];
  database: TestDatabase;
  close: () => void;
}> {
  const database = await openTestDatabase(options);
  const channel = new MessageChannel();
  const server = createRpcServer({ commands, context: database.context });
  const connection = server.connect((message) => channel.port2.postMessage(message));
  channel.port2.onmessage = (event: MessageEvent<unknown>) => void connection.handle(event.data);
  const client = new RpcClient(portEndpoint(channel.port1));
  const events: WorkerEvent[] = [];
  client.onEvent((event) => events.push(event));
  const close = () => {
    client.close();
    channel.port1.close();
    channel.port2.close();
    database.host.close();
  };
  return { client, events, database, close };
}

/** Unwraps an answer a test expects to succeed, failing with the worker's message otherwise. */
export function expectOk<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected success, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/**
 * The query plan (EXPLAIN QUERY PLAN's details) of the first query `run` sends through the Kysely
 * it is given, caught on its way to the database and explained with its own parameters.
 */
export async function planOfFirstQuery(db: Kysely<Tables>, run: (db: Kysely<Tables>) => Promise<unknown>): Promise<string[]> {
  const compiled: CompiledQuery[] = [];
  const capture: KyselyPlugin = {
    transformQuery: ({ node, queryId }) => {
      compiled.push(db.getExecutor().compileQuery(node, queryId));
      return node;
    },
    transformResult: async ({ result }) => result
  };
  await run(db.withPlugin(capture));
  const [query] = compiled;
  if (!query) throw new Error('No query ran.');
  return queryPlan(db, query);
}

/** EXPLAIN QUERY PLAN's details for a compiled query, with its own parameters. */
export async function queryPlan(db: Kysely<Tables>, query: CompiledQuery): Promise<string[]> {
  const plan = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${query.sql}`, [...query.parameters]));
  return plan.rows.map((row) => row.detail);
}
