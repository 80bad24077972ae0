import type { Database } from './sqlite';
import type { StatementCache } from './statement-cache';

const FIND = 'SELECT result FROM _request_log WHERE key = ?';
const RECORD = 'INSERT INTO _request_log (key, result) VALUES (?, ?)';

/** How long a write's answer is kept for a repeated call; far longer than any failover takes. */
const KEEP = '-1 day';

/**
 * The answers of recent writes by idempotency key. Reads and writes happen inside the write's
 * own transaction, so a write and its record commit together or not at all.
 */
export class RequestLog {
  constructor(
    private readonly raw: Database,
    private readonly statements: StatementCache
  ) {}

  /** The answer of an earlier call with this key, if it committed. */
  find(key: string): { value: unknown } | null {
    const stored = this.#run(FIND, [key]);
    return typeof stored === 'string' ? { value: (JSON.parse(stored) as { value: unknown }).value } : null;
  }

  record(key: string, value: unknown): void {
    // Wrapped so that `undefined` survives the round trip as a missing property.
    this.#run(RECORD, [key, JSON.stringify({ value })]);
  }

  /** Runs one of the two statements every write runs, prepared once (see statement-cache.ts). */
  #run(sql: string, parameters: readonly string[]): unknown {
    const statement = this.statements.checkOut(sql);
    try {
      statement.bind(parameters);
      return statement.step() ? statement.get(0) : undefined;
    } finally {
      this.statements.checkIn(sql, statement);
    }
  }

  prune(): void {
    this.raw.exec(`DELETE FROM _request_log WHERE created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '${KEEP}')`);
  }
}
