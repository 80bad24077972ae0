import type { Database, Sqlite3Static } from './sqlite';

type SyncMethod = (file: number, flags: number) => number;

/** The layout StructBinder gives each C struct it binds (not in sqlite-wasm's typings). */
interface BoundStruct {
  readonly structInfo: { readonly members: Readonly<Record<string, { readonly offset: number } | undefined>> };
}

/**
 * Flushes `db`'s main file to disk now, through its VFS's xSync as a commit would. A transaction
 * that writes a whole file (the backup API's copy) syncs only when it commits: at ten years that
 * one flush held the worker ~350 ms, and flushing as it goes spreads that wait over the steps.
 * Answers false when the file cannot be reached (nothing is flushed then; the commit still is).
 */
export function syncMainFile(sqlite3: Sqlite3Static, db: Database): boolean {
  const { capi, wasm } = sqlite3;
  const stack = wasm.pstack.pointer;
  try {
    const out = wasm.pstack.allocPtr();
    if (capi.sqlite3_file_control(db, 'main', capi.SQLITE_FCNTL_FILE_POINTER, out) !== capi.SQLITE_OK) return false;
    const file = Number(wasm.peekPtr(out));
    const methods = file ? Number(wasm.peekPtr(file)) : 0;
    if (!methods) return false;
    const xSyncOffset = (capi.sqlite3_io_methods as unknown as BoundStruct).structInfo.members.xSync?.offset;
    if (xSyncOffset === undefined) return false;
    const sync = wasm.functionEntry(Number(wasm.peekPtr(methods + xSyncOffset))) as SyncMethod | undefined;
    return sync !== undefined && sync(file, capi.SQLITE_SYNC_NORMAL) === capi.SQLITE_OK;
  } finally {
    wasm.pstack.restore(stack);
  }
}
