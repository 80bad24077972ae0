import { database } from '../../app/database.svelte';
import { LongCall, type CallProgress } from '../../app/long-call.svelte';
import { toasts } from '../../app/toasts.svelte';
import { KEEP } from '../../db/backup/snapshot-schedule';

/** "Take a snapshot now": a copy of the whole file, seconds at ten years, so it shows progress and can be stopped. */
export class SnapshotTaking {
  readonly #call = new LongCall();

  get busy(): boolean {
    return this.#call.running;
  }

  /** Bytes copied of the file's size, once the worker has reported. */
  get progress(): CallProgress | null {
    return this.#call.progress;
  }

  /** Takes one; resolves true once it is on the list, false when it failed or was stopped (and said why). */
  async take(): Promise<boolean> {
    if (this.busy) return false;
    const answer = await database.call('snapshots.take', undefined, this.#call.start());
    this.#call.finish();
    if (answer.ok) toasts.show(`Snapshot taken. The last ${KEEP.manual} you take are kept.`);
    else if (answer.error.code === 'cancelled') toasts.show('Stopped: no snapshot was kept.');
    else toasts.error(answer.error.message);
    return answer.ok;
  }

  stop(): void {
    this.#call.stop();
  }
}
