import type { CallOptions } from '../rpc/client';

/** How far a long call has got: `done` of `total` in its current `phase`. */
export interface CallProgress {
  readonly done: number;
  readonly total: number;
  readonly phase?: string;
}

/**
 * One long call at a time (an export, an import, a restore, a snapshot): its progress for the page
 * to show while it runs, and a Stop that asks the worker to end it (it then changes nothing).
 */
export class LongCall {
  running = $state(false);
  /** Null until the worker's first report. */
  progress = $state.raw<CallProgress | null>(null);
  #controller: AbortController | null = null;

  /** The options to pass to `database.call`: its reports land in `progress`, `stop` aborts it. */
  start(): CallOptions {
    const controller = new AbortController();
    this.#controller = controller;
    this.running = true;
    this.progress = null;
    const onProgress = (done: number, total: number, phase?: string) => (this.progress = { done, total, ...(phase !== undefined && { phase }) });
    return { signal: controller.signal, onProgress };
  }

  stop(): void {
    this.#controller?.abort();
  }

  /** Called once the call has answered. */
  finish(): void {
    this.#controller = null;
    this.running = false;
    this.progress = null;
  }
}
