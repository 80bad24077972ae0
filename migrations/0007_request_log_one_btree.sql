-- Daybook 0007: the request log is one b-tree instead of three.
-- Every write records its idempotency key and answer here (0003). As a rowid table with a text
-- primary key and an index on created_at, each record wrote a page of three b-trees: 3 of the ~24
-- pages a one-row task commit writes to the WAL. Keyed by its key WITHOUT ROWID it writes one.
-- The log keeps one day of writes, so the prune after opening reads it whole, without an index.
CREATE TABLE _request_log_keyed (
  key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  result     TEXT NOT NULL CHECK (json_valid(result)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT, WITHOUT ROWID;

INSERT INTO _request_log_keyed (key, result, created_at) SELECT key, result, created_at FROM _request_log;
DROP TABLE _request_log;
ALTER TABLE _request_log_keyed RENAME TO _request_log;
