-- Daybook 0012: goals.list reads its page in order instead of sorting every live goal.
-- Its order (highest priority first, then the nearest target date, goals without one last, then
-- title and id) had no index: each page sorted all 5,000 goals of ten years, 8.5 ms under Node.
-- The expression (target_date IS NULL) is the one entity-repository.ts writes for 'nulls_last'.
CREATE INDEX goals_list ON goals (priority DESC, (target_date IS NULL), target_date, title, id) WHERE deleted_at IS NULL;
