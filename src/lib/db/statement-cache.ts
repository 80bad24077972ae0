import type { Compilable } from 'kysely';
import type { SqlValue } from '@sqlite.org/sqlite-wasm';
import { RowReader } from './row-reader';
import type { Database, Sqlite3Static } from './sqlite';

/** The part of sqlite-wasm's prepared statement the cache uses. */
type Statement = ReturnType<Database['prepare']>;

/** Distinct SQL texts kept prepared; the hot reads and writes need a few dozen, the cap bounds the rest. */
const DEFAULT_CAPACITY = 128;

/**
 * Prepared statements for reads, one per SQL text, run synchronously on the worker's connection.
 * Kysely's own path (through kysely-wasm) takes a mutex, runs an async generator and prepares and
 * finalizes a statement on every call; for a point read that is about half of the time.
 * Callers still build their queries with Kysely and pass the compiled query here.
 *
 * Statements must be finalized before the connection is closed or its content replaced:
 * `clear()` does that, and later reads prepare again.
 */
export class StatementCache {
  readonly #sqlite3: Sqlite3Static;
  readonly #raw: Database;
  readonly #capacity: number;
  /** Insertion order is recency order: the first entry is the least recently used. */
  readonly #statements = new Map<string, Statement>();
  /** Column names are read once per prepared statement. */
  readonly #readers = new WeakMap<Statement, RowReader>();

  constructor(sqlite3: Sqlite3Static, raw: Database, capacity = DEFAULT_CAPACITY) {
    this.#sqlite3 = sqlite3;
    this.#raw = raw;
    this.#capacity = capacity;
  }

  /** How many statements are prepared now. */
  get size(): number {
    return this.#statements.size;
  }

  /** Every row the query answers, as column-name objects (exactly as Kysely's path gives them). */
  all<R>(query: Compilable<R>): R[] {
    const { sql, parameters } = query.compile();
    const statement = this.#take(sql);
    try {
      if (parameters.length > 0) statement.bind(parameters as readonly SqlValue[]);
      const rows: R[] = [];
      const reader = this.#readerOf(statement);
      while (statement.step()) rows.push(reader.read() as R);
      statement.reset(true);
      this.#putBack(sql, statement);
      return rows;
    } catch (error) {
      // A statement that failed is not reused: it is finalized and the error goes to the caller.
      statement.finalize();
      throw error;
    }
  }

  /**
   * A prepared statement for `sql`, taken out of the cache until `checkIn`: Kysely's own queries
   * (writes included) run on these. Preparing an INSERT compiles every trigger of its table, which
   * cost more than the insert itself.
   */
  checkOut(sql: string): Statement {
    return this.#take(sql);
  }

  /** Puts a statement back for the next call with the same SQL; one left in an error state is finalized. */
  checkIn(sql: string, statement: Statement): void {
    try {
      statement.reset(true);
    } catch {
      statement.finalize();
      return;
    }
    this.#putBack(sql, statement);
  }

  /** Column names read once per prepared statement, for statements checked out. */
  readerOf(statement: Statement): RowReader {
    return this.#readerOf(statement);
  }

  /** The first row, or undefined. */
  first<R>(query: Compilable<R>): R | undefined {
    return this.all(query)[0];
  }

  /** Finalizes every statement; call before closing or replacing the database. */
  clear(): void {
    for (const statement of this.#statements.values()) statement.finalize();
    this.#statements.clear();
  }

  /** Removes the statement from the cache while it runs, so an error never leaves a broken one behind. */
  #take(sql: string): Statement {
    const cached = this.#statements.get(sql);
    if (cached) {
      this.#statements.delete(sql);
      return cached;
    }
    const statement = this.#raw.prepare(sql);
    if (this.#statements.size >= this.#capacity) this.#evictOldest();
    return statement;
  }

  /** Keeps one statement per SQL text: a second one, prepared while the first was out, is finalized. */
  #putBack(sql: string, statement: Statement): void {
    if (this.#statements.has(sql)) statement.finalize();
    else this.#statements.set(sql, statement);
  }

  #readerOf(statement: Statement): RowReader {
    let reader = this.#readers.get(statement);
    if (!reader) {
      reader = new RowReader(this.#sqlite3, statement);
      this.#readers.set(statement, reader);
    }
    return reader;
  }

  #evictOldest(): void {
    const [sql, statement] = this.#statements.entries().next().value ?? [];
    if (sql === undefined || !statement) return;
    this.#statements.delete(sql);
    statement.finalize();
  }
}

/** Which cache serves reads for which Kysely instance (a session registers its own). */
const caches = new WeakMap<object, StatementCache>();

/** Lets `cachedRead(db)` find the session's cache from the Kysely instance repositories receive. */
export function registerStatementCache(db: object, cache: StatementCache): void {
  caches.set(db, cache);
}

/**
 * The statement cache behind `db`, or null for a Kysely instance that has none (another
 * connection, a test's own): then the caller runs the query through Kysely as usual.
 */
export function statementCacheFor(db: object): StatementCache | null {
  return caches.get(db) ?? null;
}

/** Runs a read through the statement cache when `db` has one, otherwise through Kysely. */
export async function readAll<R>(db: object, query: Compilable<R> & { execute(): Promise<R[]> }): Promise<R[]> {
  const cache = statementCacheFor(db);
  return cache ? cache.all(query) : query.execute();
}

/** The first row of a read, through the statement cache when `db` has one. */
export async function readFirst<R>(db: object, query: Compilable<R> & { executeTakeFirst(): Promise<R | undefined> }): Promise<R | undefined> {
  const cache = statementCacheFor(db);
  return cache ? cache.first(query) : query.executeTakeFirst();
}
