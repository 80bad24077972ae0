import { counted } from '../../app/counted';
import { database } from '../../app/database.svelte';
import { LongCall, type CallProgress } from '../../app/long-call.svelte';
import { saveFile } from '../../app/download';
import { toasts } from '../../app/toasts.svelte';
import type { CommandOutput } from '../../rpc/contract';
import type { CsvKind } from './backup';

type JsonPreview = CommandOutput<'backup.previewJson'>;
type CsvPreview = CommandOutput<'backup.previewCsv'>;

const EXPORTS = {
  json: 'backup.exportJson',
  csv: 'backup.exportCsv',
  sql: 'backup.exportSql'
} as const;

/** Export files, and imports that show what they will do before doing it. */
class BackupFlow {
  busy = $state<string | null>(null);
  /** The backup file chosen and previewed; the worker reads it, so the page never holds its text. */
  jsonFile = $state.raw<Blob | null>(null);
  jsonPreview = $state.raw<JsonPreview | null>(null);
  csv = $state.raw<{ kind: CsvKind; text: string; preview: CsvPreview } | null>(null);
  error = $state<string | null>(null);
  /** True when the error is a Stop the person asked for (its message already says nothing changed). */
  stopped = $state(false);
  readonly #call = new LongCall();

  get progress(): CallProgress | null {
    return this.#call.progress;
  }

  /** Stops the running export or import; the worker leaves nothing half-done. */
  cancel(): void {
    this.#call.stop();
  }

  #fail(error: { code: string; message: string }): void {
    this.error = error.message;
    this.stopped = error.code === 'cancelled';
  }

  async export(format: keyof typeof EXPORTS): Promise<void> {
    this.busy = `Preparing the ${format.toUpperCase()} export…`;
    const answer = await database.call(EXPORTS[format], undefined, this.#call.start());
    this.busy = null;
    this.#call.finish();
    if (!answer.ok) return toasts.error(answer.error.message);
    const { data, fileName } = answer.value;
    if (await saveFile(data, fileName)) toasts.show(`Saved ${fileName}.`);
  }

  async chooseJson(file: Blob): Promise<void> {
    this.reset();
    this.busy = 'Previewing the import…';
    const answer = await database.call('backup.previewJson', { document: file }, this.#call.start());
    this.busy = null;
    this.#call.finish();
    if (!answer.ok) {
      this.#fail(answer.error);
      return;
    }
    this.jsonFile = file;
    this.jsonPreview = answer.value;
  }

  async importJson(): Promise<void> {
    if (this.jsonFile === null) return;
    this.busy = 'Importing…';
    const answer = await database.call('backup.importJson', { document: this.jsonFile }, this.#call.start());
    this.busy = null;
    this.#call.finish();
    if (!answer.ok) {
      this.#fail(answer.error);
      return;
    }
    this.reset();
    const undo = answer.value.undoSnapshot;
    toasts.show(`Imported ${counted(answer.value.totalRows, 'row', 'rows')}.`, {
      ...(undo && {
        action: {
          label: 'Undo',
          run: async () => {
            const undoing = toasts.pending('Undoing the import…');
            const restored = await database.call('snapshots.restore', { name: undo.name });
            undoing.settle(restored.ok ? 'The import was undone.' : restored.error.message, restored.ok ? 'info' : 'error');
          }
        }
      })
    });
  }

  async chooseCsv(kind: CsvKind, text: string): Promise<void> {
    this.reset();
    this.busy = 'Previewing the import…';
    const answer = await database.call('backup.previewCsv', { kind, csv: text }, this.#call.start());
    this.busy = null;
    this.#call.finish();
    if (!answer.ok) {
      this.#fail(answer.error);
      return;
    }
    this.csv = { kind, text, preview: answer.value };
  }

  async importCsv(): Promise<void> {
    const csv = this.csv;
    if (!csv) return;
    this.busy = 'Importing…';
    const answer = await database.call('backup.importCsv', { kind: csv.kind, csv: csv.text }, this.#call.start());
    this.busy = null;
    this.#call.finish();
    if (!answer.ok) {
      this.#fail(answer.error);
      return;
    }
    this.reset();
    toasts.show(`Imported ${counted(answer.value.imported, 'row', 'rows')}.`);
  }

  reset(): void {
    this.jsonFile = null;
    this.jsonPreview = null;
    this.csv = null;
    this.error = null;
  }
}

export const backupFlow = new BackupFlow();
