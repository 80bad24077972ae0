import { database } from '../../app/database.svelte';
import { previewQuery, type QueryResult, type SchemaTable } from './console';

/** The SQL console's page state: the schema to browse, the text being written, and the last answer. */
export class SqlConsoleState {
  schema = $state.raw<readonly SchemaTable[]>([]);
  schemaLoaded = $state(false);
  schemaError = $state<string | null>(null);
  sql = $state('');
  /** The text of the last query that was run, to tell whether the editor holds something new. */
  lastRun = $state('');
  running = $state(false);
  result = $state.raw<QueryResult | null>(null);
  /** Why the last query was refused or failed, as the worker put it. */
  error = $state<string | null>(null);

  /** True while the editor holds text that has not been run. */
  get dirty(): boolean {
    return this.sql.trim() !== '' && this.sql !== this.lastRun;
  }

  async loadSchema(): Promise<void> {
    const answer = await database.call('console.schema', undefined);
    if (!answer.ok) {
      this.schemaError = answer.error.message;
      return;
    }
    this.schema = answer.value;
    this.schemaError = null;
    this.schemaLoaded = true;
  }

  /** Puts `SELECT * FROM <table> LIMIT 100` in the editor. */
  preview(table: string): void {
    this.sql = previewQuery(table);
  }

  async run(): Promise<void> {
    if (this.running) return;
    if (this.sql.trim() === '') {
      this.error = 'Write a query first.';
      return;
    }
    this.running = true;
    const sql = this.sql;
    const answer = await database.call('console.query', { sql });
    this.running = false;
    this.lastRun = sql;
    if (!answer.ok) {
      this.error = answer.error.message;
      this.result = null;
      return;
    }
    this.error = null;
    this.result = answer.value;
  }
}
