import { RpcFailure } from '../../rpc/result';
import { yieldToEventLoop } from '../event-loop';
import type { MigrationFile } from '../migrations/migration-files';
import { runMigrations } from '../migrations/runner';
import { createMigrationTarget } from '../migrations/target';
import type { CallJob } from '../command-context';
import type { Database, Sqlite3Static } from '../sqlite';
import { summarize, type DataSummary } from './summary';

const HEADER = 'SQLite format 3\u0000';

/** A database file someone wants to restore, checked and brought up to this app's schema on a copy. */
export interface Candidate {
  readonly db: Database;
  readonly summary: DataSummary;
  /** The schema version the file had before it was migrated forward here. */
  readonly fileSchemaVersion: number;
  /** Closes the copy and lets go of whatever held it. */
  close(): void;
}

/** Where the copy of a file being checked is opened. */
export interface CandidatePlace {
  /** Reports `copying` progress where making the copy takes a while. */
  open(bytes: Uint8Array, job?: CallJob): Promise<Database>;
  /** Called once the copy is closed. */
  discard(): void;
}

/** A copy in SQLite's own memory: for temporary sessions and tests, where there is no file pool. */
export function memoryPlace(sqlite3: Sqlite3Static): CandidatePlace {
  return { open: async (bytes) => openInMemory(sqlite3, bytes), discard: () => undefined };
}

/**
 * Checks a file before anything is replaced: the SQLite header, its length, WAL mode, SQLite's
 * integrity and foreign-key checks, and its migration history (a newer file is refused, an older
 * one is migrated forward on the copy `place` holds). Throws a readable refusal; never touches the live database.
 */
export async function openCandidate(
  sqlite3: Sqlite3Static,
  bytes: Uint8Array,
  migrations: readonly MigrationFile[],
  place: CandidatePlace = memoryPlace(sqlite3),
  job?: CallJob
): Promise<Candidate> {
  checkFileShape(bytes);
  const db = await openCopy(place, bytes, job);
  const close = () => {
    db.close();
    place.discard();
  };
  try {
    // One step SQLite takes whole: no progress inside it, and a cancel waits for its end.
    job?.progress(0, 1, 'checking');
    checkIntegrity(db);
    await stopIfCancelled(job);
    const fileSchemaVersion = readSchemaVersion(db);
    db.exec('PRAGMA foreign_keys = ON');
    const report = await runMigrations(createMigrationTarget(sqlite3, db), migrations);
    if (report.outcome === 'refused' && report.reason === 'newer_database') {
      throw refuse('This file was made by a newer version of Daybook. Update the app to restore it.');
    }
    if (report.outcome !== 'ok') throw refuse(`This file cannot be brought up to date: ${report.message}`);
    return { db, summary: summarize(db), fileSchemaVersion, close };
  } catch (error) {
    close();
    throw error instanceof RpcFailure ? error : refuse(`The file is damaged: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A Stop pressed during a step SQLite took whole is read here, once the step is over. */
async function stopIfCancelled(job: CallJob | undefined): Promise<void> {
  if (!job) return;
  await yieldToEventLoop();
  if (job.signal.aborted) throw new RpcFailure('cancelled', 'Stopped before the end, as asked; nothing was changed.');
}

function refuse(message: string): RpcFailure {
  return new RpcFailure('validation', message, 'file');
}

function checkFileShape(bytes: Uint8Array): void {
  if (bytes.length === 0) throw refuse('The file is empty.');
  if (bytes.length < 100 || new TextDecoder().decode(bytes.subarray(0, 16)) !== HEADER) {
    throw refuse('This is not a SQLite database file.');
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const rawPageSize = view.getUint16(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) throw refuse('The file is damaged: its page size is not valid.');
  const pages = view.getUint32(28);
  if (bytes.length % pageSize !== 0 || (pages > 0 && pages * pageSize > bytes.length)) {
    throw refuse('The file is truncated: it ends before the database does.');
  }
  if (bytes[18] === 2 || bytes[19] === 2) {
    throw refuse(
      'This file was saved in WAL mode, so its latest changes may be in a separate “-wal” file. Open it with sqlite3, run PRAGMA journal_mode=DELETE, and try again.'
    );
  }
}

async function openCopy(place: CandidatePlace, bytes: Uint8Array, job: CallJob | undefined): Promise<Database> {
  try {
    return await place.open(bytes, job);
  } catch (error) {
    throw error instanceof RpcFailure ? error : refuse('The file could not be read as a database.');
  }
}

/** A database on a copy of `bytes` in SQLite's memory. */
export function openInMemory(sqlite3: Sqlite3Static, bytes: Uint8Array): Database {
  const { capi, wasm } = sqlite3;
  const db = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = wasm.allocFromTypedArray(bytes);
  const flags = capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_RESIZEABLE;
  const rc = capi.sqlite3_deserialize(db, 'main', pointer, bytes.length, bytes.length, flags);
  if (rc !== 0) {
    db.close();
    throw refuse('The file could not be read as a database.');
  }
  return db;
}

function checkIntegrity(db: Database): void {
  const problems = db.selectValues('PRAGMA integrity_check').map(String).filter((line) => line !== 'ok');
  if (problems.length > 0) throw refuse(`The file is damaged: ${problems.slice(0, 3).join('; ')}`);
  const broken = db.selectObjects('PRAGMA foreign_key_check').length;
  if (broken > 0) throw refuse(`The file is damaged: ${broken} rows refer to rows that do not exist.`);
}

function readSchemaVersion(db: Database): number {
  const ledger = db.selectValue("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '_migrations'");
  if (Number(ledger) === 0) throw refuse('This SQLite file is not a Daybook database.');
  return Number(db.selectValue('SELECT count(*) FROM _migrations'));
}
