-- Daybook 0006: the foreign-key indexes of tasks cover only tasks that have the link.
-- Most tasks have no parent, goal, project, organization or assignee, yet every new task wrote a
-- page of each of these five indexes (the NULL end): 5 of the ~25 pages a one-row task commit
-- writes to the WAL. `x = ?` implies `x IS NOT NULL`, so lookups and SQLite's foreign-key actions
-- (ON DELETE of a goal, project...) use these partial indexes exactly as they used the full ones.
DROP INDEX tasks_parent_id;
CREATE INDEX tasks_parent_id ON tasks (parent_id) WHERE parent_id IS NOT NULL;
DROP INDEX tasks_goal_id;
CREATE INDEX tasks_goal_id ON tasks (goal_id) WHERE goal_id IS NOT NULL;
DROP INDEX tasks_project_id;
CREATE INDEX tasks_project_id ON tasks (project_id) WHERE project_id IS NOT NULL;
DROP INDEX tasks_organization_id;
CREATE INDEX tasks_organization_id ON tasks (organization_id) WHERE organization_id IS NOT NULL;
DROP INDEX tasks_assignee_id;
CREATE INDEX tasks_assignee_id ON tasks (assignee_id) WHERE assignee_id IS NOT NULL;
