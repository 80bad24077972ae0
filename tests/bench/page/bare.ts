/** Cold start's baseline page: spawns the bare worker and shows how many rows Today's queries gave. */
interface BareResult {
  readonly ok: boolean;
  readonly rows?: readonly number[];
  readonly attempts?: number;
  readonly error?: string;
}

declare global {
  interface Window {
    /** Set by the benchmark before the page's scripts run: the SQL of Today's queries. */
    __benchQueries?: readonly string[];
    /** performance.now() when the rows arrived (ms since navigation start). */
    __benchDone?: number;
    __benchResult?: BareResult;
  }
}

const worker = new Worker(new URL('./bare-worker.ts', import.meta.url), { type: 'module' });
worker.addEventListener('message', (event: MessageEvent<BareResult>) => {
  window.__benchDone = performance.now();
  window.__benchResult = event.data;
  const out = document.getElementById('out');
  if (out) out.textContent = event.data.ok ? `${(event.data.rows ?? []).join(' + ')} rows` : `Failed: ${event.data.error ?? ''}`;
});
worker.postMessage({ sql: window.__benchQueries ?? [] });

export {};
