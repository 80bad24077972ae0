import { database } from '../../app/database.svelte';
import { toasts } from '../../app/toasts.svelte';
import { KEEP } from '../../db/backup/snapshot-schedule';

/** "Take a snapshot now": a copy of the whole file, seconds at ten years, so it shows progress and can be stopped. */
export class SnapshotTaking {
  /** Null when no snapshot is being taken; bytes copied of the file's size while one is. */
  progress = $state.raw<{ done: number; total: number } | null>(null);
  #controller: AbortController | null = null;

  get busy(): boolean {
    return this.progress !== null;
  }

  /** Takes one; resolves true once it is on the list, false when it failed or was stopped (and said why). */
  async take(): Promise<boolean> {
    if (this.busy) return false;
    const controller = new AbortController();
    this.#controller = controller;
    this.progress = { done: 0, total: 0 };
    const onProgress = (done: number, total: number) => (this.progress = { done, total });
    const answer = await database.call('snapshots.take', undefined, { signal: controller.signal, onProgress });
    this.progress = null;
    this.#controller = null;
    if (answer.ok) toasts.show(`Snapshot taken. The last ${KEEP.manual} you take are kept.`);
    else if (answer.error.code === 'cancelled') toasts.show('Stopped: no snapshot was kept.');
    else toasts.error(answer.error.message);
    return answer.ok;
  }

  stop(): void {
    this.#controller?.abort();
  }
}
