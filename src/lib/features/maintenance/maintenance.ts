/** How many rows one of the person's tables holds. */
export interface TableRowCount {
  readonly name: string;
  readonly rows: number;
}

/** The database file's size and make-up, as SQLite reports it. */
export interface DatabaseStats {
  /** page_count × page_size: the size of the database file (the WAL aside). */
  readonly databaseBytes: number;
  /** Pages no longer in use, which VACUUM gives back. */
  readonly freelistBytes: number;
  readonly pageSize: number;
  /** The person's tables (not the app's own bookkeeping), by name; `maintenance.tableRows` counts their rows. */
  readonly tableNames: readonly string[];
  /** True when the connection writes through a write-ahead log. */
  readonly walMode: boolean;
}
