-- Daybook 0008: the project list index covers only tasks that have a project.
-- Like 0006 for the foreign-key indexes: most tasks have no project, yet every new task wrote a
-- page of tasks_project_list at its NULL end (and split it now and then). A project's list asks
-- for `project_id = ?`, which implies `project_id IS NOT NULL`, so it reads this index as before.
DROP INDEX tasks_project_list;
CREATE INDEX tasks_project_list ON tasks (project_id, focus_date DESC, created_at, id) WHERE deleted_at IS NULL AND project_id IS NOT NULL;
