-- Daybook 0004: indexes in the order the lists read their rows.
-- A list sorts by its entity's order and then by id. With an index over live rows in exactly that
-- order, a page reads its rows in order and stops after LIMIT, instead of sorting the whole table
-- (or a whole project) in a temporary b-tree. The single-column indexes that are prefixes of the
-- new ones (same WHERE) are dropped: they serve nothing the new ones do not.

-- tasks.list: newest focus day first, then oldest created; also serves `focus_date = ?` and `< ?`.
DROP INDEX tasks_focus_date;
CREATE INDEX tasks_list ON tasks (focus_date DESC, created_at, id) WHERE deleted_at IS NULL;
-- tasks.list by project (tasks_project_id stays: the foreign key needs a full index).
CREATE INDEX tasks_project_list ON tasks (project_id, focus_date DESC, created_at, id) WHERE deleted_at IS NULL;

DROP INDEX meetings_meeting_date;
CREATE INDEX meetings_list ON meetings (meeting_date DESC, meeting_time DESC, id) WHERE deleted_at IS NULL;

DROP INDEX people_name;
CREATE INDEX people_list ON people (name, id) WHERE deleted_at IS NULL;

DROP INDEX learnings_learning_date;
CREATE INDEX learnings_list ON learnings (learning_date DESC, created_at DESC, id) WHERE deleted_at IS NULL;

DROP INDEX journal_entries_entry_date;
CREATE INDEX journal_entries_list ON journal_entries (entry_date DESC, entry_time DESC, id) WHERE deleted_at IS NULL;

-- decisions.dueForReview: only decisions whose outcome is not written yet, in review order; the
-- WHERE repeats the query's own condition, so the page never reads the prose of the others.
CREATE INDEX decisions_due_for_review ON decisions (review_date, decision_date, id)
  WHERE deleted_at IS NULL AND review_date IS NOT NULL AND trim(actual_outcome) = '';

-- goals.tree: the live children of a goal (and, with parent_id IS NULL, the roots) in sibling
-- order. The level rank must stay the very expression of SIBLING_ORDER in goals.repo.ts, or the
-- index no longer serves it (goals.spec.ts checks the plan).
CREATE INDEX goals_tree_order ON goals (
  parent_id,
  (CASE level WHEN 'ultimate' THEN 0 WHEN 'long_term' THEN 1 WHEN 'mid_term' THEN 2 WHEN 'short_term' THEN 3 WHEN 'immediate' THEN 4 WHEN 'micro' THEN 5 WHEN 'nano' THEN 6 END),
  priority DESC,
  (target_date IS NULL),
  target_date,
  title COLLATE NOCASE,
  id
) WHERE deleted_at IS NULL;
-- goals.tree: goals in the trash, whose live children are drawn at the top of the tree.
CREATE INDEX goals_trashed ON goals (deleted_at) WHERE deleted_at IS NOT NULL;
