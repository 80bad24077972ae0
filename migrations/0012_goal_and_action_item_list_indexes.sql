-- Daybook 0012: goals.list and actionItems.list read their page in order instead of sorting every row.
-- Neither order had an index, so each page sorted the whole table: all 5,000 goals of ten years
-- (highest priority first, then the nearest target date, goals without one last, then title;
-- 8.5 ms under Node) and all 3,400 action items (nearest due date first, those without one last,
-- then oldest). The expression (x IS NULL) is the one entity-repository.ts writes for 'nulls_last'.
CREATE INDEX goals_list ON goals (priority DESC, (target_date IS NULL), target_date, title, id) WHERE deleted_at IS NULL;
CREATE INDEX action_items_list ON action_items ((due_date IS NULL), due_date, created_at, id) WHERE deleted_at IS NULL;
