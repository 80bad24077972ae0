-- Daybook 0001: today's tasks, the first vertical slice.
-- Conventions for every table: text ids (UUIDv7 made in the worker), ISO-8601 UTC timestamps,
-- local calendar days as 'YYYY-MM-DD' (checked with IS: a NULL from an unparseable value must fail), soft delete through deleted_at, updated_at kept by a trigger.

CREATE TABLE tasks (
  id                TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  title             TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description       TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  priority          TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
  status            TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'cancelled')),
  focus_date        TEXT CHECK (focus_date IS NULL OR date(focus_date) IS focus_date),
  due_date          TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  estimated_minutes INTEGER CHECK (estimated_minutes IS NULL OR estimated_minutes BETWEEN 0 AND 10080),
  completed_at      TEXT CHECK (completed_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', completed_at) IS completed_at),
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at        TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  -- A done task carries the moment it was finished; any other status carries none.
  CHECK ((status = 'done') = (completed_at IS NOT NULL))
) STRICT;

-- Today's list: live tasks of one focus day.
CREATE INDEX tasks_focus_date ON tasks (focus_date) WHERE deleted_at IS NULL;

CREATE TRIGGER tasks_touch AFTER UPDATE ON tasks
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE tasks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;
