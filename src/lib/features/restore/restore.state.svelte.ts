import { database } from '../../app/database.svelte';
import { LongCall, type CallProgress } from '../../app/long-call.svelte';
import { toasts } from '../../app/toasts.svelte';
import type { RestorePreview, SnapshotInfo } from './restore';

/** Where a restore stands: choose a source, look at the preview, confirm. */
export type RestoreSource = { readonly kind: 'file'; readonly name: string; readonly file: Blob } | { readonly kind: 'snapshot'; readonly snapshot: SnapshotInfo };

/** The restore flow shared by the file picker and the snapshots list. */
class RestoreFlow {
  source = $state.raw<RestoreSource | null>(null);
  preview = $state.raw<RestorePreview | null>(null);
  error = $state<string | null>(null);
  /** True when the error is a Stop the person asked for (its message already says nothing changed). */
  stopped = $state(false);
  snapshots = $state.raw<readonly SnapshotInfo[]>([]);
  readonly #call = new LongCall();

  /** True while a check or a restore runs. */
  get busy(): boolean {
    return this.#call.running;
  }

  get progress(): CallProgress | null {
    return this.#call.progress;
  }

  #fail(error: { code: string; message: string }): void {
    this.error = error.message;
    this.stopped = error.code === 'cancelled';
  }

  /** Stops a running check or restore; the current data stays as it was. */
  stop(): void {
    this.#call.stop();
  }

  async loadSnapshots(): Promise<void> {
    const answer = await database.call('snapshots.list', undefined);
    this.snapshots = answer.ok ? answer.value : [];
  }

  /** Checks the source and shows what it holds; nothing changes yet. */
  async choose(source: RestoreSource): Promise<void> {
    this.source = source;
    this.preview = null;
    this.error = null;
    const options = this.#call.start();
    const answer =
      source.kind === 'file'
        ? await database.call('restore.preview', { file: source.file }, options)
        : await database.call('snapshots.preview', { name: source.snapshot.name }, options);
    this.#call.finish();
    if (answer.ok) this.preview = answer.value;
    else this.#fail(answer.error);
  }

  cancel(): void {
    this.source = null;
    this.preview = null;
    this.error = null;
  }

  /** Replaces the data; the toast offers to undo it from the snapshot taken just before. */
  async confirm(): Promise<void> {
    const source = this.source;
    if (!source) return;
    const options = this.#call.start();
    const answer =
      source.kind === 'file'
        ? await database.call('restore.apply', { file: source.file }, options)
        : await database.call('snapshots.restore', { name: source.snapshot.name }, options);
    this.#call.finish();
    if (!answer.ok) {
      this.#fail(answer.error);
      return;
    }
    this.cancel();
    await this.loadSnapshots();
    const undo = answer.value.undoSnapshot;
    toasts.show('Restored. Your previous data is kept as a snapshot.', {
      ...(undo && { action: { label: 'Undo', run: () => this.#undo(undo) } })
    });
  }

  async #undo(snapshot: SnapshotInfo): Promise<void> {
    const undoing = toasts.pending('Undoing the restore…');
    const answer = await database.call('snapshots.restore', { name: snapshot.name });
    undoing.settle(answer.ok ? 'The restore was undone.' : answer.error.message, answer.ok ? 'info' : 'error');
    await this.loadSnapshots();
  }
}

export const restoreFlow = new RestoreFlow();
