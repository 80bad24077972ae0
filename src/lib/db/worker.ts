/// <reference lib="webworker" />
import type { FromWorker } from '../rpc/contract';

// The database worker's entry. It starts fetching and compiling SQLite's WebAssembly at once, and
// only then loads the rest of the worker (Kysely, the schemas, every feature's handlers), so the
// two overlap instead of the WebAssembly waiting for all of the worker's code. Messages that
// arrive meanwhile are kept, in order, for the body.
// SQLite's JavaScript is imported, not bundled into this entry: Chromium keeps compiled code for
// a worker's imported modules but not for its top-level script (28 ms of compiling at each start).
const scope = self as unknown as DedicatedWorkerGlobalScope;
void import('./sqlite').then(({ loadSqlite }) => loadSqlite()).catch(() => undefined);

const early: MessageEvent<unknown>[] = [];
const keep = (event: MessageEvent<unknown>) => early.push(event);
scope.addEventListener('message', keep);

import('./worker-main').then(
  ({ serve }) => {
    scope.removeEventListener('message', keep);
    serve(scope, early);
  },
  () => {
    const failed: FromWorker = {
      kind: 'event',
      event: { type: 'status', status: { state: 'error', message: 'Part of Daybook could not be loaded. Reload the page to try again.' } }
    };
    scope.postMessage(failed);
  }
);
