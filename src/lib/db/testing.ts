/** Test helpers: a real sqlite-wasm database in memory, under Node, with the real migrations. */
import { createCommandContext, type CommandContext } from './command-context';
import { DatabaseHost } from './database-host';
import { bundledMigrations } from './migrations/bundled';
import type { MigrationFile } from './migrations/migration-files';
import { loadSqlite } from './sqlite';

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
