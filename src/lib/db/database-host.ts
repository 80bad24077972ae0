import { memoryPlace, type CandidatePlace } from './backup/candidate';
import { poolPlace, removeCandidateFile } from './backup/candidate-file';
import { RpcFailure } from '../rpc/result';
import type { MigrationFile } from './migrations/migration-files';
import { runMigrations } from './migrations/runner';
import { createMigrationTarget } from './migrations/target';
import { IdleCheckpoint } from './idle-checkpoint';
import { mergeSearchSegments } from './search-merge';
import { Session } from './session';
import {
  configureConnection,
  giveBackWalSpace,
  DATABASE_FILE,
  hasOpfs,
  installPool,
  isHeldByAnotherContext,
  type Database,
  type SAHPoolUtil,
  type Sqlite3Static
} from './sqlite';
import type { DatabaseStatus, StorageKind } from './status';
import { SnapshotStore, type LiveDatabase } from './backup/snapshot-store';
import { PoolSnapshotCopy, removeUnfinishedSnapshots } from './backup/pool-snapshot-copy';
import type { SnapshotInfo } from './backup/snapshot-schedule';
import { markImportFinished, markImportStarted, recoverUnfinishedImport, type RecoveredImport } from './backup/unfinished-import';
import { enterBulkWrite } from './bulk-write';
import { SNAPSHOTS } from '../rpc/all-tables';

/** Pages copied between two progress reports (and chances to cancel) during a restore: 4 MB. */
const RESTORE_STEP_PAGES = 1024;
/** Housekeeping waits until the first screen has its data. */
const DEFAULT_HOUSEKEEPING_DELAY_MS = 2000;
/** ...and then for a pause this long in the calls, so it does not hold up what a person is doing. */
const DEFAULT_HOUSEKEEPING_PAUSE_MS = 1000;
/** Then it comes back this often: a tab left open for days still takes each day's snapshot. */
const DEFAULT_HOUSEKEEPING_INTERVAL_MS = 30 * 60 * 1000;

export interface DatabaseHostOptions {
  readonly loadSqlite: () => Promise<Sqlite3Static>;
  readonly migrations: readonly MigrationFile[];
  /** Told every time the status changes. */
  readonly onStatus?: (status: DatabaseStatus) => void;
  /** Told of changes no call made (the snapshots taken after opening), as a `changed` event's tables. */
  readonly onChanged?: (tables: readonly string[]) => void;
  /** The clock for scheduled snapshots; injectable for tests. */
  readonly now?: () => Date;
  /** How long after `ready` old request-log entries are pruned; injectable for tests. */
  readonly housekeepingDelayMs?: number;
  /** How long the calls must pause before housekeeping runs; injectable for tests. */
  readonly housekeepingPauseMs?: number;
  /** How long after one housekeeping run the next comes; injectable for tests. */
  readonly housekeepingIntervalMs?: number;
  /** Run once per opening at the first housekeeping, before the snapshot: the worker rehearses the first writes (first-writes.ts). */
  readonly rehearse?: () => Promise<void>;
}

/**
 * Owns the worker's single connection: opens it (OPFS or memory), migrates it,
 * and refuses work until it is ready.
 */
export class DatabaseHost {
  readonly #options: DatabaseHostOptions;
  #status: DatabaseStatus = { state: 'closed' };
  #session: Session | null = null;
  #pool: SAHPoolUtil | null = null;
  #snapshots: SnapshotStore | null = null;
  #housekeeping: ReturnType<typeof setTimeout> | null = null;
  #checkpoint: IdleCheckpoint | null = null;
  /** The snapshots being copied a step at a time. */
  readonly #copies = new Set<PoolSnapshotCopy>();
  /** True while a restore copies into the live database (its transaction is not visible as one). */
  #replacing = false;
  /** When a call last arrived or was answered (Date.now()), and how many are not answered yet. */
  #lastCallAt = 0;
  #callsInFlight = 0;
  /** The session whose first writes were rehearsed. */
  #rehearsed: Session | null = null;
  /** What this opening found of an import that did not finish, told with `ready`. */
  #recoveredImport: RecoveredImport | null = null;

  constructor(options: DatabaseHostOptions) {
    this.#options = options;
  }

  /** Told of every call as it arrives, from any tab... */
  callStarted(): void {
    this.#callsInFlight++;
    this.#lastCallAt = Date.now();
  }

  /** ...and as it is answered. */
  callEnded(): void {
    this.#callsInFlight = Math.max(0, this.#callsInFlight - 1);
    this.#lastCallAt = Date.now();
  }

  /** The schema version this build of the app expects (its number of migrations). */
  get expectedSchemaVersion(): number {
    return this.#options.migrations.length;
  }

  get status(): DatabaseStatus {
    return this.#status;
  }

  /** The ready session; commands that need data call this and fail plainly otherwise. */
  get session(): Session {
    if (this.#status.state !== 'ready' || !this.#session) {
      throw new RpcFailure('unavailable', 'The database is not open yet.');
    }
    return this.#session;
  }

  async open(storage: StorageKind): Promise<DatabaseStatus> {
    if (this.#session) return this.#status;
    try {
      const sqlite3 = await this.#options.loadSqlite();
      const raw = storage === 'persistent' ? await this.#openPersistent(sqlite3) : new sqlite3.oo1.DB(':memory:', 'c');
      if (!raw) return this.#status;
      return await this.adopt(sqlite3, raw, storage);
    } catch (error) {
      return this.#setStatus(describeOpenFailure(error));
    }
  }

  /** Configures and migrates an already opened handle (tests use this with their own handles). */
  async adopt(sqlite3: Sqlite3Static, raw: Database, storage: StorageKind): Promise<DatabaseStatus> {
    configureConnection(raw, storage);
    const session = new Session(sqlite3, raw, storage);
    this.#session = session;
    // In memory too: the search index's merging waits for a pause there as well.
    this.#workWhenIdle(session);
    const snapshots = this.#pool ? new SnapshotStore(this.#pool, this.#liveDatabase(session, this.#pool)) : null;
    this.#snapshots = snapshots;
    const now = this.#options.now?.() ?? new Date();
    const applied = Number(raw.selectValue('PRAGMA user_version'));
    if (applied > 0 && applied < this.#options.migrations.length) {
      // Rebuilding an index can take seconds with years of data: the page says why it waits.
      this.#setStatus({ state: 'updating' });
      // A copy of the data as it was before any migration touches it.
      if (snapshots) await snapshots.take('migration', now);
    }
    const report = await runMigrations(createMigrationTarget(sqlite3, raw), this.#options.migrations);
    if (report.outcome === 'ok') {
      // One write right after opening: in a private window OPFS lives in memory behind IPC, and a
      // WAL connection's reads cost ~10x more there until it has written once (BENCHMARKS.md).
      if (storage === 'persistent') raw.exec(`PRAGMA user_version = ${report.schemaVersion}`);
      const notice = describeRecovery(this.#recoveredImport);
      const status = this.#setStatus({ state: 'ready', storage, schemaVersion: report.schemaVersion, ...(notice && { notice }) });
      this.#scheduleHousekeeping(session);
      return status;
    }
    return this.#setStatus({ state: 'blocked', storage, report, message: report.message });
  }

  /** The migrations this build ships. */
  get migrations(): readonly MigrationFile[] {
    return this.#options.migrations;
  }

  /**
   * Replaces the whole live database with `source` through SQLite's backup API, in steps that
   * report progress and can be cancelled. Until the last step the copy is an open transaction on
   * the live database: a failure or a cancel rolls it back and changes nothing.
   */
  async replaceWith(source: Database, job?: { signal: AbortSignal; progress(done: number, total: number): void }): Promise<void> {
    this.#abandonCopies();
    this.#replacing = true;
    try {
      await this.#copyFrom(source, job);
    } finally {
      this.#replacing = false;
    }
  }

  async #copyFrom(source: Database, job?: { signal: AbortSignal; progress(done: number, total: number): void }): Promise<void> {
    const session = this.session;
    const { capi } = session.sqlite3;
    // Prepared statements belong to the schema being replaced; reads prepare again afterwards.
    session.statements.clear();
    const pageSize = Number(session.raw.selectValue('PRAGMA page_size'));
    if (Number(source.selectValue('PRAGMA page_size')) !== pageSize) {
      // A WAL database cannot change its page size, so the copy adopts the live one first.
      source.exec(`PRAGMA page_size = ${pageSize}`);
      source.exec('VACUUM');
    }
    const backup = capi.sqlite3_backup_init(session.raw, 'main', source, 'main');
    if (!backup) throw new RpcFailure('storage', `The restore could not start: ${capi.sqlite3_errmsg(session.raw)}`);
    let rc: number = capi.SQLITE_OK;
    try {
      while (rc === capi.SQLITE_OK) {
        if (job?.signal.aborted) throw new RpcFailure('cancelled', 'Stopped before the end, as asked; nothing was changed.');
        rc = capi.sqlite3_backup_step(backup, RESTORE_STEP_PAGES);
        const total = capi.sqlite3_backup_pagecount(backup);
        job?.progress(total - capi.sqlite3_backup_remaining(backup), total);
        if (rc === capi.SQLITE_OK) await new Promise((resolve) => setTimeout(resolve, 0));
      }
    } finally {
      capi.sqlite3_backup_finish(backup);
    }
    if (rc !== capi.SQLITE_DONE) throw new RpcFailure('storage', `The restore failed and nothing was changed: ${capi.sqlite3_errstr(rc)}`);
    // Every page went through the WAL: move them into the file now and give the WAL's space back.
    giveBackWalSpace(session.raw);
  }

  /**
   * Runs `work`, one write transaction that replaces all the data, without a rollback journal:
   * `undo`, a snapshot taken just before, is its journal. A note in the pool names it until the
   * transaction is committed and on disk. If `work` fails, the file may already hold some of its
   * pages (a rollback without a journal cannot take them back), so the snapshot is copied back
   * and the database opened again before the error is passed on; if the tab dies, the next
   * opening does the same (recoverUnfinishedImport). Without a snapshot, the work runs as usual.
   */
  async writeWithoutJournal<T>(undo: SnapshotInfo | null, work: () => Promise<T>): Promise<T> {
    const session = this.session;
    const pool = this.#pool;
    if (session.storage !== 'persistent' || !pool || !undo) return work();
    this.#abandonCopies();
    await markImportStarted(session.sqlite3, pool, undo);
    this.#replacing = true;
    try {
      const leaveBulkWrite = enterBulkWrite(session.raw);
      const value = await work();
      leaveBulkWrite();
      markImportFinished(pool, undo);
      return value;
    } catch (error) {
      await this.#reopenAfterUnfinishedImport(pool);
      throw error;
    } finally {
      this.#replacing = false;
    }
  }

  /** Closes the connection, copies the undo snapshot back (as the next opening would) and opens the database again. */
  async #reopenAfterUnfinishedImport(pool: SAHPoolUtil): Promise<void> {
    const sqlite3 = this.session.sqlite3;
    this.#closeSession();
    // What the first opening found was told then; this opening has nothing to tell.
    this.#recoveredImport = null;
    try {
      await recoverUnfinishedImport(pool);
      await this.adopt(sqlite3, new pool.OpfsSAHPoolDb(DATABASE_FILE), 'persistent');
    } catch (error) {
      // The note stays, so the next opening puts the data back.
      const detail = error instanceof Error ? error.message : String(error);
      const message = `Daybook could not reopen its database after the import failed; reload the page to put your data back as it was. (${detail})`;
      this.#setStatus({ state: 'error', message });
    }
  }

  /** Where a file to restore is opened while it is checked: a file in the pool when there is one. */
  get candidatePlace(): CandidatePlace {
    const session = this.session;
    return this.#pool && session.storage === 'persistent' ? poolPlace(this.#pool) : memoryPlace(session.sqlite3);
  }

  /** Snapshots on this device; null in a temporary in-memory session. */
  get snapshots(): SnapshotStore | null {
    return this.#snapshots;
  }

  /**
   * The whole database as a file, consistent (no half-written transaction) and in rollback-journal
   * mode so any `sqlite3` opens it. Works while migrations are blocked, so the person can keep a copy.
   */
  exportDatabase(): Uint8Array {
    const session = this.#session;
    if (!session) throw new RpcFailure('unavailable', 'There is no open database to download.');
    if (session.storage === 'memory' || !this.#pool) {
      return session.sqlite3.capi.sqlite3_js_db_export(session.raw);
    }
    session.raw.exec('PRAGMA wal_checkpoint(TRUNCATE)');
    const bytes = this.#pool.exportFile(DATABASE_FILE);
    // Header bytes 18-19 say WAL (2); a copy without its -wal file must say rollback journal (1).
    bytes[18] = 1;
    bytes[19] = 1;
    return bytes;
  }

  close(): void {
    this.#closeSession();
    this.#pool?.pauseVfs();
    this.#setStatus({ state: 'closed' });
  }

  #closeSession(): void {
    this.#abandonCopies();
    if (this.#housekeeping !== null) clearTimeout(this.#housekeeping);
    this.#housekeeping = null;
    this.#checkpoint?.cancel();
    this.#checkpoint = null;
    this.#session?.close();
    this.#session = null;
    this.#snapshots = null;
  }

  /**
   * A moment after `ready`, so the first screen does not wait for them, and in a pause of the
   * calls: prunes old request-log entries and takes the day's due snapshot (the whole database,
   * 287 MB at ten years, a few pages a step with calls answered between steps); then again every
   * half hour, so a tab open past midnight, or a copy a restore abandoned, gets its snapshot then.
   * Never inside someone else's transaction: it waits while one is open.
   */
  #scheduleHousekeeping(session: Session, delayMs = this.#options.housekeepingDelayMs ?? DEFAULT_HOUSEKEEPING_DELAY_MS): void {
    this.#housekeeping = setTimeout(() => {
      this.#housekeeping = null;
      if (this.#session !== session || this.#status.state !== 'ready') return;
      const pauseMs = this.#options.housekeepingPauseMs ?? DEFAULT_HOUSEKEEPING_PAUSE_MS;
      const pausedFor = Date.now() - this.#lastCallAt;
      if (this.#callsInFlight > 0) return this.#scheduleHousekeeping(session, pauseMs);
      if (pausedFor < pauseMs) return this.#scheduleHousekeeping(session, pauseMs - pausedFor);
      if (!session.isAutocommit() || this.#replacing) return this.#scheduleHousekeeping(session, pauseMs);
      try {
        session.requests.prune();
      } catch {
        // Only housekeeping: the entries are pruned at the next run.
      }
      void this.#rehearseOnce(session)
        .then(() => this.#takeDueSnapshots())
        .finally(() => {
          if (this.#session === session && this.#housekeeping === null) {
            this.#scheduleHousekeeping(session, this.#options.housekeepingIntervalMs ?? DEFAULT_HOUSEKEEPING_INTERVAL_MS);
          }
        });
    }, delayMs);
  }

  async #rehearseOnce(session: Session): Promise<void> {
    if (this.#rehearsed === session || !this.#options.rehearse) return;
    this.#rehearsed = session;
    try {
      await this.#options.rehearse();
    } catch {
      // Only a warm-up: the first real write pays for itself, as it would have.
    }
  }

  async #takeDueSnapshots(): Promise<void> {
    const snapshots = this.#snapshots;
    if (!snapshots) return;
    try {
      if (await snapshots.takeDue(this.#options.now?.() ?? new Date())) this.#options.onChanged?.([SNAPSHOTS]);
    } catch {
      // The disk may be full: the data itself is untouched, and the next run tries again.
    }
  }

  /** What the snapshot store reads the live database through. */
  #liveDatabase(session: Session, pool: SAHPoolUtil): LiveDatabase {
    return {
      bytesNow: () => Number(session.raw.selectValue('PRAGMA page_count')) * Number(session.raw.selectValue('PRAGMA page_size')),
      copyInSteps: async (name, options) => {
        const copy = new PoolSnapshotCopy(session.sqlite3, pool, session.raw, name, options);
        this.#copies.add(copy);
        try {
          await copy.run();
        } finally {
          this.#copies.delete(copy);
        }
      }
    };
  }

  /** Snapshots being copied in steps stop (their half copies removed) before the database is replaced or closed. */
  #abandonCopies(): void {
    for (const copy of this.#copies) copy.abandon();
    this.#copies.clear();
  }

  #workWhenIdle(session: Session): void {
    const checkpoint = new IdleCheckpoint({
      raw: session.raw,
      canRun: () => this.#session === session && session.isAutocommit() && !this.#replacing,
      idleStep: () => mergeSearchSegments(session.sqlite3, session.raw)
    });
    session.afterCommit = () => checkpoint.afterCommit();
    this.#checkpoint = checkpoint;
  }

  async #openPersistent(sqlite3: Sqlite3Static): Promise<Database | null> {
    if (!hasOpfs()) {
      this.#setStatus({
        state: 'unsupported',
        message: 'This browser window cannot keep files (private browsing, or an old browser), so Daybook cannot save your data here.'
      });
      return null;
    }
    this.#pool = await installPool(sqlite3);
    this.#recoveredImport = await recoverUnfinishedImport(this.#pool);
    removeCandidateFile(this.#pool);
    removeUnfinishedSnapshots(this.#pool);
    return new this.#pool.OpfsSAHPoolDb(DATABASE_FILE);
  }

  #setStatus(status: DatabaseStatus): DatabaseStatus {
    this.#status = status;
    this.#options.onStatus?.(status);
    return status;
  }
}

function describeRecovery(recovered: RecoveredImport | null): string | undefined {
  if (!recovered) return undefined;
  if (recovered.restoredFrom) {
    return 'The last JSON import did not finish (Daybook was closed while it ran), so your data is as it was before that import. Import the file again to try once more.';
  }
  return 'The last JSON import did not finish, and the copy kept to undo it is gone, so some data may be missing. Check the database on the Data page, or restore a snapshot there.';
}

function describeOpenFailure(error: unknown): DatabaseStatus {
  if (isHeldByAnotherContext(error)) {
    return { state: 'locked', message: 'Daybook is open in another tab. Close it there to use Daybook here.' };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { state: 'error', message: `Daybook could not open its database: ${detail}` };
}
