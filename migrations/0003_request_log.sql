-- Daybook 0003: exactly-once writes across tabs.
-- When the tab that holds the database closes mid-call, other tabs send their unanswered calls
-- again to the next holder. Each write records its idempotency key and answer here, in the same
-- transaction, so a repeated call returns the first answer instead of writing twice.
CREATE TABLE _request_log (
  key        TEXT PRIMARY KEY NOT NULL CHECK (length(key) BETWEEN 1 AND 64),
  result     TEXT NOT NULL CHECK (json_valid(result)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX _request_log_created_at ON _request_log (created_at);
