import type { Kysely } from 'kysely';
import type { DatabaseHost } from './database-host';
import type { Tables } from './schema/tables';

/** What a command's `run` receives. `db` throws `unavailable` until the database is ready. */
export interface CommandContext {
  readonly db: Kysely<Tables>;
  readonly host: DatabaseHost;
  /** The current time; injectable so tests can move the clock. */
  now(): Date;
}

export function createCommandContext(host: DatabaseHost, now: () => Date = () => new Date()): CommandContext {
  return {
    get db() {
      return host.session.kysely;
    },
    host,
    now
  };
}
