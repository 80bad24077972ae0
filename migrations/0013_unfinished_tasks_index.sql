-- Daybook 0013: Today's "unfinished from earlier days" reads its 50 rows from an index of its own.
-- The query walked tasks_list back from yesterday through every task, done ones too, and sorted
-- each day's unfinished ones in a temporary b-tree: at ten years 8,400 unfinished tasks among
-- 61,000, native 178 µs and 1.4 ms in the worker. This index holds only unfinished tasks, in the
-- list's order: the expressions are Today's order in tasks.repo.ts (TODAY_ORDER), which must
-- match them exactly for SQLite to use it (no sort: native 61 µs).
CREATE INDEX tasks_unfinished ON tasks (
  focus_date DESC,
  (status IN ('done', 'cancelled')),
  (CASE priority WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END),
  (CASE status WHEN 'in_progress' THEN 0 ELSE 1 END),
  created_at
) WHERE deleted_at IS NULL AND status IN ('todo', 'in_progress');
