import { database } from '../../app/database.svelte';
import { formatBytes } from '../system/storage.svelte';
import type { DatabaseStats, TableRowCount } from './maintenance';

export type MaintenanceTask = 'analyze' | 'vacuum' | 'trash' | 'check';

export interface MaintenanceMessage {
  readonly tone: 'success' | 'error';
  readonly text: string;
}

/** The maintenance panel's state: the database's figures, the task running, and what the last one did. */
export class MaintenanceState {
  stats = $state.raw<DatabaseStats | null>(null);
  loadError = $state<string | null>(null);
  /** Each table's rows, counted while the list is open (null until then, and while the first count runs). */
  rows = $state.raw<readonly TableRowCount[] | null>(null);
  rowsError = $state<string | null>(null);
  #rowsShown = false;
  busy = $state<MaintenanceTask | null>(null);
  message = $state.raw<MaintenanceMessage | null>(null);
  /** The tables whose changes make the row counts stale; filled in place after each load. */
  readonly #watched: string[] = [];

  /** Loads the figures and reloads them when any of the person's tables changes (in any tab); returns the cleanup. */
  connect(): () => void {
    void this.load();
    return database.onTablesChanged(this.#watched, () => {
      void this.load();
      if (this.#rowsShown) void this.countRows();
    });
  }

  /** The rows of each table are counted only while their list is open: at ten years a count takes a frame. */
  showRows(open: boolean): void {
    this.#rowsShown = open;
    if (open) void this.countRows();
  }

  async countRows(): Promise<void> {
    const answer = await database.call('maintenance.tableRows', undefined);
    this.rows = answer.ok ? answer.value : this.rows;
    this.rowsError = answer.ok ? null : answer.error.message;
  }

  async load(): Promise<void> {
    const answer = await database.call('maintenance.stats', undefined);
    if (!answer.ok) {
      this.loadError = answer.error.message;
      return;
    }
    this.#show(answer.value);
  }

  async analyze(): Promise<void> {
    await this.#run('analyze', async () => {
      const answer = await database.call('maintenance.analyze', undefined);
      if (!answer.ok) return answer.error.message;
      this.#show(answer.value);
      return null;
    }, 'Optimized: searches and lists use fresh statistics to pick the fastest way.');
  }

  async vacuum(): Promise<void> {
    const before = this.stats?.databaseBytes ?? null;
    let after = 0;
    await this.#run('vacuum', async () => {
      const answer = await database.call('maintenance.vacuum', undefined);
      if (!answer.ok) return answer.error.message;
      this.#show(answer.value);
      after = answer.value.databaseBytes;
      return null;
    }, () => {
      const freed = before === null ? 0 : Math.max(0, before - after);
      return `Compacted: the database is now ${formatBytes(after)}${freed > 0 ? ` (${formatBytes(freed)} freed)` : ''}.`;
    });
  }

  /** Deletes everything in the trash for good (`trash.empty`); the caller has asked the person first. */
  async emptyTrash(): Promise<void> {
    let purged = 0;
    await this.#run('trash', async () => {
      const answer = await database.call('trash.empty', undefined);
      if (!answer.ok) return answer.error.message;
      purged = answer.value.purged;
      await this.load();
      return null;
    }, () => (purged === 0 ? 'The trash was already empty.' : `Emptied the trash: ${purged} ${purged === 1 ? 'item' : 'items'} deleted for good.`));
  }

  async check(): Promise<void> {
    let problems: readonly string[] = [];
    await this.#run('check', async () => {
      const answer = await database.call('system.integrityCheck', undefined);
      if (!answer.ok) return answer.error.message;
      problems = answer.value.problems;
      return problems.length === 0 ? null : `Problems found: ${problems.join(' ')}`;
    }, 'Checked: no problems found.');
  }

  /** Runs one task at a time; `work` answers an error message, or null when it went well. */
  async #run(task: MaintenanceTask, work: () => Promise<string | null>, success: string | (() => string)): Promise<void> {
    if (this.busy) return;
    this.busy = task;
    this.message = null;
    try {
      const failure = await work();
      this.message = failure === null ? { tone: 'success', text: typeof success === 'string' ? success : success() } : { tone: 'error', text: failure };
    } finally {
      this.busy = null;
    }
  }

  #show(stats: DatabaseStats): void {
    this.stats = stats;
    this.loadError = null;
    this.#watched.splice(0, this.#watched.length, ...stats.tableNames);
  }
}
