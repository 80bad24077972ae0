-- Daybook 0011: the trash reads its newest page from small indexes instead of scanning every table.
-- trash.list takes the newest deletions across every kind that has a trash, a UNION ALL ordered by
-- deleted_at DESC, id. Without an index in that order each kind's table was read whole and sorted:
-- 18 ms at ten years (109,000 rows, 61,000 of them tasks), over a frame. Each index holds only the rows
-- in the trash, so it costs nothing to keep for the rest; SQLite merges them in order and stops at
-- the page's end. goals_trashed (deleted_at) is a prefix of the goals one, so it goes.
DROP INDEX goals_trashed;
CREATE INDEX tasks_trash ON tasks (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX organizations_trash ON organizations (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX people_trash ON people (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX projects_trash ON projects (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX skills_trash ON skills (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX goals_trash ON goals (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX practice_sessions_trash ON practice_sessions (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX meetings_trash ON meetings (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX learnings_trash ON learnings (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX feedback_trash ON feedback (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX action_items_trash ON action_items (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX energy_checkins_trash ON energy_checkins (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX mood_logs_trash ON mood_logs (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX journal_entries_trash ON journal_entries (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX events_trash ON events (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX decisions_trash ON decisions (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
CREATE INDEX habits_trash ON habits (deleted_at DESC, id) WHERE deleted_at IS NOT NULL;
