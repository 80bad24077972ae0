-- Daybook 0002: the whole data model around the tasks of 0001.
-- Same conventions as 0001 (see docs/SCHEMA.md):
--   * ids are TEXT (UUIDv7 made by the app); rows written by triggers get one generated in SQL.
--     Exceptions: profile's fixed id 'local' and search_index_keys' integer key.
--   * created_at / updated_at on every table, ISO-8601 UTC 'YYYY-MM-DDTHH:MM:SS.sssZ';
--     updated_at is kept by an AFTER UPDATE "<table>_touch" trigger.
--   * other timestamps (…_at) must have that exact shape, so they compare and sort as text.
--   * local calendar days are 'YYYY-MM-DD', local clock times 'HH:MM'.
--   * prose is NOT NULL DEFAULT '' (empty = not written); unknown values are NULL.
--   * what the person writes is soft-deleted through deleted_at (the trash); owned children
--     (milestones, time entries, habit logs...), join tables, tags and generated rows (history,
--     insights) are deleted for real.
--   * a named CHECK ("column: Message") carries the sentence shown to the person; trigger RAISE
--     messages are sentences too, prefixed with the rule ('goal level: ...').
--   * every table is STRICT and has a rowid (no WITHOUT ROWID: the worker's update hook, which
--     tells open views what changed, does not see WITHOUT ROWID tables).
--   * foreign keys get a full index (partial indexes cannot serve FK checks); list indexes are
--     partial (WHERE deleted_at IS NULL).

-- ---------------------------------------------------------------------------
-- Profile
-- ---------------------------------------------------------------------------

-- The one local profile and its settings (a single row with the fixed id 'local').
CREATE TABLE profile (
  id           TEXT PRIMARY KEY NOT NULL DEFAULT 'local' CHECK (id = 'local'),
  display_name TEXT NOT NULL DEFAULT '' CHECK (length(display_name) <= 100),
  timezone     TEXT NOT NULL DEFAULT 'UTC' CHECK (length(timezone) BETWEEN 1 AND 64),
  date_format  TEXT NOT NULL DEFAULT 'YYYY-MM-DD' CHECK (date_format IN ('YYYY-MM-DD', 'DD/MM/YYYY', 'MM/DD/YYYY', 'DD.MM.YYYY')),
  -- ISO weekday: 1 = Monday ... 7 = Sunday.
  week_start   INTEGER NOT NULL DEFAULT 1 CHECK (week_start BETWEEN 1 AND 7),
  theme        TEXT NOT NULL DEFAULT 'system' CHECK (theme IN ('system', 'light', 'dark')),
  preferences  TEXT NOT NULL DEFAULT '{}'
    CONSTRAINT "preferences: Preferences must be a JSON object"
    CHECK (CASE WHEN json_valid(preferences) THEN json_type(preferences) = 'object' ELSE 0 END),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

INSERT INTO profile DEFAULT VALUES;

-- ---------------------------------------------------------------------------
-- Organizations, people, projects
-- ---------------------------------------------------------------------------

-- An organization the person deals with: employer, host company, client, school...
CREATE TABLE organizations (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name       TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 200 AND name = trim(name)),
  type       TEXT NOT NULL DEFAULT 'other' CHECK (type IN ('employer', 'host', 'client', 'school', 'community', 'other')),
  notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

-- Names are unique (case-insensitively) among organizations not in the trash.
CREATE UNIQUE INDEX organizations_name ON organizations (name) WHERE deleted_at IS NULL;

-- A person: manager, mentor, coach, colleague...
CREATE TABLE people (
  id              TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name            TEXT NOT NULL COLLATE NOCASE CHECK (length(trim(name)) BETWEEN 1 AND 200),
  role            TEXT CHECK (role IS NULL OR role IN ('manager', 'mentor', 'coach', 'colleague', 'report', 'recruiter', 'client', 'friend', 'other')),
  organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
  email           TEXT CHECK (email IS NULL OR (length(email) <= 254 AND email LIKE '_%@_%')),
  notes           TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at      TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX people_name ON people (name) WHERE deleted_at IS NULL;
CREATE INDEX people_organization_id ON people (organization_id);

-- A project (the inventory's repositories and side projects), classified Work/Personal/Learning/Inactive.
CREATE TABLE projects (
  id              TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name            TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 200),
  description     TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  classification  TEXT NOT NULL CHECK (classification IN ('work', 'personal', 'learning', 'inactive')),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'on_hold', 'completed', 'abandoned')),
  -- JSON array of technology names, e.g. ["Python","Flask"].
  tech_stack      TEXT NOT NULL DEFAULT '[]'
    CONSTRAINT "tech_stack: The tech stack must be a JSON array"
    CHECK (CASE WHEN json_valid(tech_stack) THEN json_type(tech_stack) = 'array' ELSE 0 END),
  start_date      TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
  end_date        TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
  organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL,
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at      TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  CONSTRAINT "end_date: A project cannot end before it starts" CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
) STRICT;

CREATE INDEX projects_classification_status ON projects (classification, status) WHERE deleted_at IS NULL;
CREATE INDEX projects_organization_id ON projects (organization_id);

-- ---------------------------------------------------------------------------
-- Skills
-- ---------------------------------------------------------------------------

-- A skill in the skills matrix with the current confidence (1 learning ... 5 expert).
CREATE TABLE skills (
  id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name           TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 100 AND name = trim(name)),
  category       TEXT NOT NULL DEFAULT 'technical' CHECK (category IN ('technical', 'soft_skill', 'domain', 'other')),
  confidence     INTEGER NOT NULL DEFAULT 1 CHECK (confidence BETWEEN 1 AND 5),
  last_used_date TEXT CHECK (last_used_date IS NULL OR date(last_used_date) IS last_used_date),
  notes          TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

-- Names are unique (case-insensitively) among skills not in the trash.
CREATE UNIQUE INDEX skills_name ON skills (name) WHERE deleted_at IS NULL;

-- One step in a skill's confidence history, written by trigger when a skill is created or its confidence changes.
CREATE TABLE skill_progress (
  -- Made here because a trigger writes the row: a UUIDv7 (48-bit Unix milliseconds, version 7,
  -- 12 random bits, variant 10, 62 random bits).
  id                  TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64)
    DEFAULT (printf('%08x-%04x-7%03x-%04x-%012x',
      CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
      CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
      random() & 4095,
      (random() & 16383) | 32768,
      random() & 281474976710655)),
  skill_id            TEXT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
  confidence          INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 5),
  previous_confidence INTEGER CHECK (previous_confidence IS NULL OR previous_confidence BETWEEN 1 AND 5),
  notes               TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  -- created_at is the moment the confidence changed.
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX skill_progress_skill_id ON skill_progress (skill_id, created_at);

-- A skill used in a project (many-to-many).
CREATE TABLE skill_projects (
  skill_id   TEXT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (skill_id, project_id)
) STRICT;

CREATE INDEX skill_projects_project_id ON skill_projects (project_id);

-- How relevant a skill is to a team (team fit), one row per skill and team.
CREATE TABLE team_skills (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  skill_id   TEXT NOT NULL REFERENCES skills (id) ON DELETE CASCADE,
  team       TEXT NOT NULL COLLATE NOCASE CHECK (length(team) BETWEEN 1 AND 100 AND team = trim(team)),
  relevance  TEXT NOT NULL DEFAULT 'medium' CHECK (relevance IN ('high', 'medium', 'low')),
  notes      TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 2000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (skill_id, team)
) STRICT;

-- ---------------------------------------------------------------------------
-- Goals and practice sessions
-- ---------------------------------------------------------------------------

-- A goal in the one goal tree: ultimate > long_term > mid_term > short_term > immediate > micro > nano.
CREATE TABLE goals (
  id                  TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  level               TEXT NOT NULL CHECK (level IN ('ultimate', 'long_term', 'mid_term', 'short_term', 'immediate', 'micro', 'nano')),
  -- The goal exactly one level up (rule kept by the goals_tree_* triggers); NULL = not placed yet / root.
  parent_id           TEXT REFERENCES goals (id) ON DELETE SET NULL,
  -- Immediate goals only: the practice session they belong to.
  practice_session_id TEXT REFERENCES practice_sessions (id) ON DELETE SET NULL,
  title               TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description         TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  category            TEXT CHECK (category IS NULL OR category IN ('career', 'technical', 'soft_skill', 'hiring_readiness', 'learning', 'health', 'personal', 'other')),
  status              TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_hold', 'completed', 'abandoned')),
  start_date          TEXT CHECK (start_date IS NULL OR date(start_date) IS start_date),
  target_date         TEXT CHECK (target_date IS NULL OR date(target_date) IS target_date),
  completed_date      TEXT CHECK (completed_date IS NULL OR date(completed_date) IS completed_date),
  progress            INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  -- 1 = lowest ... 5 = highest.
  priority            INTEGER NOT NULL DEFAULT 3 CHECK (priority BETWEEN 1 AND 5),
  why_it_matters      TEXT NOT NULL DEFAULT '' CHECK (length(why_it_matters) <= 20000),
  lessons_learned     TEXT NOT NULL DEFAULT '' CHECK (length(lessons_learned) <= 20000),
  satisfaction        INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at          TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  -- Backstops for the readable trigger messages below.
  CONSTRAINT "parent_id: An ultimate goal cannot have a parent goal" CHECK (parent_id IS NULL OR level <> 'ultimate'),
  CONSTRAINT "parent_id: A goal cannot be its own parent" CHECK (parent_id IS NULL OR parent_id <> id),
  CONSTRAINT "practice_session_id: Only immediate goals can belong to a practice session" CHECK (practice_session_id IS NULL OR level = 'immediate'),
  CONSTRAINT "completed_date: A completed goal carries the day it was completed, and only a completed goal does" CHECK ((status = 'completed') = (completed_date IS NOT NULL)),
  CONSTRAINT "target_date: The target date cannot be before the start date" CHECK (target_date IS NULL OR start_date IS NULL OR target_date >= start_date)
) STRICT;

CREATE INDEX goals_parent_id ON goals (parent_id);
CREATE INDEX goals_practice_session_id ON goals (practice_session_id);
CREATE INDEX goals_status_target_date ON goals (status, target_date) WHERE deleted_at IS NULL;

-- A dated, ordered step towards a goal.
CREATE TABLE goal_milestones (
  id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  goal_id        TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  title          TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  -- Order within the goal, ascending.
  position       INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),
  target_date    TEXT CHECK (target_date IS NULL OR date(target_date) IS target_date),
  completed      INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  completed_date TEXT CHECK (completed_date IS NULL OR date(completed_date) IS completed_date),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CONSTRAINT "completed_date: Only a completed milestone has a completion day" CHECK (completed = 1 OR completed_date IS NULL)
) STRICT;

CREATE INDEX goal_milestones_goal_id ON goal_milestones (goal_id, position);

-- A practice (work) session: planned and actual times plus how it went.
CREATE TABLE practice_sessions (
  id                  TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  title               TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description         TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  -- The local day the session is (or was) held on.
  session_date        TEXT NOT NULL CHECK (date(session_date) IS session_date),
  planned_start_at    TEXT CHECK (planned_start_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', planned_start_at) IS planned_start_at),
  planned_end_at      TEXT CHECK (planned_end_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', planned_end_at) IS planned_end_at),
  actual_start_at     TEXT CHECK (actual_start_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', actual_start_at) IS actual_start_at),
  actual_end_at       TEXT CHECK (actual_end_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', actual_end_at) IS actual_end_at),
  -- Actual minutes spent (may be given without start/end times).
  duration_minutes    INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
  focus_score         INTEGER CHECK (focus_score IS NULL OR focus_score BETWEEN 1 AND 10),
  energy_level        INTEGER CHECK (energy_level IS NULL OR energy_level BETWEEN 1 AND 10),
  productivity_rating INTEGER CHECK (productivity_rating IS NULL OR productivity_rating BETWEEN 1 AND 10),
  interruptions       INTEGER CHECK (interruptions IS NULL OR interruptions BETWEEN 0 AND 1000),
  location            TEXT CHECK (location IS NULL OR length(location) <= 200),
  notes               TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  completed           INTEGER NOT NULL DEFAULT 0 CHECK (completed IN (0, 1)),
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at          TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  CONSTRAINT "planned_end_at: The planned end must be after the planned start" CHECK (planned_end_at IS NULL OR planned_start_at IS NULL OR planned_end_at > planned_start_at),
  CONSTRAINT "actual_end_at: The actual end must be after the actual start" CHECK (actual_end_at IS NULL OR actual_start_at IS NULL OR actual_end_at > actual_start_at)
) STRICT;

CREATE INDEX practice_sessions_session_date ON practice_sessions (session_date) WHERE deleted_at IS NULL;

-- A practice session working towards a short-term goal (many-to-many; short-term goals only, by trigger).
CREATE TABLE practice_session_goals (
  practice_session_id TEXT NOT NULL REFERENCES practice_sessions (id) ON DELETE CASCADE,
  goal_id             TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
  created_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at          TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (practice_session_id, goal_id)
) STRICT;

CREATE INDEX practice_session_goals_goal_id ON practice_session_goals (goal_id);

-- Goal tree rules. One trigger per event so the first broken rule gives its own message.
CREATE TRIGGER goals_tree_insert BEFORE INSERT ON goals
FOR EACH ROW
BEGIN
  SELECT CASE
    WHEN NEW.parent_id = NEW.id
      THEN RAISE(ABORT, 'goal cycle: a goal cannot be its own parent.')
    WHEN NEW.level = 'ultimate' AND NEW.parent_id IS NOT NULL
      THEN RAISE(ABORT, 'goal level: an ultimate goal is the top of the tree and cannot have a parent goal.')
    WHEN NEW.level = 'long_term' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'ultimate')
      THEN RAISE(ABORT, 'goal level: a long-term goal can only be placed under an ultimate goal.')
    WHEN NEW.level = 'mid_term' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'long_term')
      THEN RAISE(ABORT, 'goal level: a mid-term goal can only be placed under a long-term goal.')
    WHEN NEW.level = 'short_term' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'mid_term')
      THEN RAISE(ABORT, 'goal level: a short-term goal can only be placed under a mid-term goal.')
    WHEN NEW.level = 'immediate' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'short_term')
      THEN RAISE(ABORT, 'goal level: an immediate goal can only be placed under a short-term goal.')
    WHEN NEW.level = 'micro' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'immediate')
      THEN RAISE(ABORT, 'goal level: a micro goal can only be placed under an immediate goal.')
    WHEN NEW.level = 'nano' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'micro')
      THEN RAISE(ABORT, 'goal level: a nano goal can only be placed under a micro goal.')
    WHEN NEW.practice_session_id IS NOT NULL AND NEW.level <> 'immediate'
      THEN RAISE(ABORT, 'practice session: only immediate goals can belong to a practice session.')
  END;
END;

CREATE TRIGGER goals_tree_update BEFORE UPDATE OF parent_id, level, practice_session_id ON goals
FOR EACH ROW
BEGIN
  SELECT CASE
    -- Walk up from the new parent: meeting this goal means the move would close a loop.
    WHEN NEW.parent_id IS NOT NULL AND EXISTS (
      WITH RECURSIVE ancestors (id) AS (
        SELECT NEW.parent_id
        UNION
        SELECT goals.parent_id FROM goals JOIN ancestors ON goals.id = ancestors.id WHERE goals.parent_id IS NOT NULL
      )
      SELECT 1 FROM ancestors WHERE id = NEW.id
    )
      THEN RAISE(ABORT, 'goal cycle: a goal cannot be moved under itself or one of its own sub-goals.')
    WHEN NEW.level = 'ultimate' AND NEW.parent_id IS NOT NULL
      THEN RAISE(ABORT, 'goal level: an ultimate goal is the top of the tree and cannot have a parent goal.')
    WHEN NEW.level = 'long_term' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'ultimate')
      THEN RAISE(ABORT, 'goal level: a long-term goal can only be placed under an ultimate goal.')
    WHEN NEW.level = 'mid_term' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'long_term')
      THEN RAISE(ABORT, 'goal level: a mid-term goal can only be placed under a long-term goal.')
    WHEN NEW.level = 'short_term' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'mid_term')
      THEN RAISE(ABORT, 'goal level: a short-term goal can only be placed under a mid-term goal.')
    WHEN NEW.level = 'immediate' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'short_term')
      THEN RAISE(ABORT, 'goal level: an immediate goal can only be placed under a short-term goal.')
    WHEN NEW.level = 'micro' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'immediate')
      THEN RAISE(ABORT, 'goal level: a micro goal can only be placed under an immediate goal.')
    WHEN NEW.level = 'nano' AND EXISTS (SELECT 1 FROM goals WHERE id = NEW.parent_id AND level <> 'micro')
      THEN RAISE(ABORT, 'goal level: a nano goal can only be placed under a micro goal.')
    WHEN NEW.level <> OLD.level AND EXISTS (SELECT 1 FROM goals WHERE parent_id = NEW.id)
      THEN RAISE(ABORT, 'goal level: this goal has sub-goals; move them elsewhere before changing its level.')
    WHEN NEW.practice_session_id IS NOT NULL AND NEW.level <> 'immediate'
      THEN RAISE(ABORT, 'practice session: only immediate goals can belong to a practice session.')
    WHEN NEW.level <> 'short_term' AND EXISTS (SELECT 1 FROM practice_session_goals WHERE goal_id = NEW.id)
      THEN RAISE(ABORT, 'practice session: this goal is linked to practice sessions, which only take short-term goals; unlink them before changing its level.')
  END;
END;

CREATE TRIGGER practice_session_goals_level_insert BEFORE INSERT ON practice_session_goals
FOR EACH ROW WHEN EXISTS (SELECT 1 FROM goals WHERE id = NEW.goal_id AND level <> 'short_term')
BEGIN
  SELECT RAISE(ABORT, 'practice session: only short-term goals can be linked to a practice session.');
END;

CREATE TRIGGER practice_session_goals_level_update BEFORE UPDATE OF goal_id ON practice_session_goals
FOR EACH ROW WHEN EXISTS (SELECT 1 FROM goals WHERE id = NEW.goal_id AND level <> 'short_term')
BEGIN
  SELECT RAISE(ABORT, 'practice session: only short-term goals can be linked to a practice session.');
END;

-- ---------------------------------------------------------------------------
-- Tasks (table from 0001, extended), time entries, status history
-- ---------------------------------------------------------------------------

-- Subtask of another task; deleting the parent deletes its subtasks.
ALTER TABLE tasks ADD COLUMN parent_id TEXT REFERENCES tasks (id) ON DELETE CASCADE
  CONSTRAINT "parent_id: A task cannot be its own subtask" CHECK (parent_id IS NULL OR parent_id <> id);
ALTER TABLE tasks ADD COLUMN goal_id TEXT REFERENCES goals (id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN project_id TEXT REFERENCES projects (id) ON DELETE SET NULL;
ALTER TABLE tasks ADD COLUMN organization_id TEXT REFERENCES organizations (id) ON DELETE SET NULL;
-- The person the task is assigned to (NULL = the person using Daybook).
ALTER TABLE tasks ADD COLUMN assignee_id TEXT REFERENCES people (id) ON DELETE SET NULL;

CREATE INDEX tasks_parent_id ON tasks (parent_id);
CREATE INDEX tasks_goal_id ON tasks (goal_id);
CREATE INDEX tasks_project_id ON tasks (project_id);
CREATE INDEX tasks_organization_id ON tasks (organization_id);
CREATE INDEX tasks_assignee_id ON tasks (assignee_id);

CREATE TRIGGER tasks_subtask_cycle BEFORE UPDATE OF parent_id ON tasks
FOR EACH ROW WHEN NEW.parent_id IS NOT NULL AND EXISTS (
  WITH RECURSIVE ancestors (id) AS (
    SELECT NEW.parent_id
    UNION
    SELECT tasks.parent_id FROM tasks JOIN ancestors ON tasks.id = ancestors.id WHERE tasks.parent_id IS NOT NULL
  )
  SELECT 1 FROM ancestors WHERE id = NEW.id
)
BEGIN
  SELECT RAISE(ABORT, 'subtask cycle: a task cannot be moved under itself or one of its own subtasks.');
END;

-- A stretch of time worked on a task; ended_at NULL while the timer runs.
CREATE TABLE time_entries (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  started_at TEXT NOT NULL CHECK (started_at IS strftime('%Y-%m-%dT%H:%M:%fZ', started_at)),
  ended_at   TEXT CHECK (ended_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', ended_at) IS ended_at),
  note       TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CONSTRAINT "ended_at: A time entry must end after it starts" CHECK (ended_at IS NULL OR ended_at > started_at)
) STRICT;

CREATE INDEX time_entries_task_id ON time_entries (task_id, started_at);
-- At most one running timer per task; also finds running timers.
CREATE UNIQUE INDEX time_entries_running ON time_entries (task_id) WHERE ended_at IS NULL;

-- A task's actual minutes: the sum of its finished time entries (tasks without entries have no row).
CREATE VIEW task_actual_minutes AS
SELECT task_id,
       CAST(round(sum((julianday(ended_at) - julianday(started_at)) * 1440)) AS INTEGER) AS actual_minutes
FROM time_entries
WHERE ended_at IS NOT NULL
GROUP BY task_id;

-- One status change of a task (from_status NULL = created), written by trigger.
CREATE TABLE task_status_history (
  -- Made here because a trigger writes the row: a UUIDv7 (48-bit Unix milliseconds, version 7,
  -- 12 random bits, variant 10, 62 random bits).
  id          TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64)
    DEFAULT (printf('%08x-%04x-7%03x-%04x-%012x',
      CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) >> 16,
      CAST(round((julianday('now') - 2440587.5) * 86400000) AS INTEGER) & 65535,
      random() & 4095,
      (random() & 16383) | 32768,
      random() & 281474976710655)),
  task_id     TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  from_status TEXT CHECK (from_status IS NULL OR from_status IN ('todo', 'in_progress', 'done', 'cancelled')),
  to_status   TEXT NOT NULL CHECK (to_status IN ('todo', 'in_progress', 'done', 'cancelled')),
  -- created_at is the moment the status changed.
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

CREATE INDEX task_status_history_task_id ON task_status_history (task_id, created_at);

CREATE TRIGGER tasks_status_history_insert AFTER INSERT ON tasks
FOR EACH ROW
BEGIN
  INSERT INTO task_status_history (task_id, from_status, to_status) VALUES (NEW.id, NULL, NEW.status);
END;

CREATE TRIGGER tasks_status_history_update AFTER UPDATE OF status ON tasks
FOR EACH ROW WHEN NEW.status IS NOT OLD.status
BEGIN
  INSERT INTO task_status_history (task_id, from_status, to_status) VALUES (NEW.id, OLD.status, NEW.status);
END;

-- Tasks created before this migration start their history with their current status.
INSERT INTO task_status_history (task_id, from_status, to_status, created_at, updated_at)
SELECT id, NULL, status, updated_at, updated_at FROM tasks;

-- ---------------------------------------------------------------------------
-- Meetings, learnings, feedback, action items
-- ---------------------------------------------------------------------------

-- A meeting: when, with which organization, how it was prepared and what came out of it.
CREATE TABLE meetings (
  id                TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  title             TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  meeting_date      TEXT NOT NULL CHECK (date(meeting_date) IS meeting_date),
  meeting_time      TEXT CHECK (meeting_time IS NULL OR (meeting_time GLOB '[0-2][0-9]:[0-5][0-9]' AND meeting_time < '24:00')),
  duration_minutes  INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 1440),
  organization_id   TEXT REFERENCES organizations (id) ON DELETE SET NULL,
  preparation_notes TEXT NOT NULL DEFAULT '' CHECK (length(preparation_notes) <= 20000),
  outcome_notes     TEXT NOT NULL DEFAULT '' CHECK (length(outcome_notes) <= 20000),
  questions_asked   TEXT NOT NULL DEFAULT '' CHECK (length(questions_asked) <= 20000),
  created_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at        TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at        TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX meetings_meeting_date ON meetings (meeting_date) WHERE deleted_at IS NULL;
CREATE INDEX meetings_organization_id ON meetings (organization_id);

-- A person who attended a meeting.
CREATE TABLE meeting_attendees (
  meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (meeting_id, person_id)
) STRICT;

CREATE INDEX meeting_attendees_person_id ON meeting_attendees (person_id);

-- A learning-journal entry: an aha moment, a concept or an insight.
CREATE TABLE learnings (
  id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  title         TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  content       TEXT NOT NULL DEFAULT '' CHECK (length(content) <= 20000),
  type          TEXT NOT NULL CHECK (type IN ('aha_moment', 'concept', 'insight')),
  source        TEXT CHECK (source IS NULL OR source IN ('meeting', 'self_study', 'project', 'course', 'reading', 'conversation', 'other')),
  meeting_id    TEXT REFERENCES meetings (id) ON DELETE SET NULL,
  learning_date TEXT NOT NULL CHECK (date(learning_date) IS learning_date),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  CONSTRAINT "source: A learning linked to a meeting has the source 'meeting'" CHECK (meeting_id IS NULL OR source = 'meeting')
) STRICT;

CREATE INDEX learnings_learning_date ON learnings (learning_date) WHERE deleted_at IS NULL;
CREATE INDEX learnings_meeting_id ON learnings (meeting_id);

-- Feedback received, optionally from a known person.
CREATE TABLE feedback (
  id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  from_person_id TEXT REFERENCES people (id) ON DELETE SET NULL,
  feedback_date  TEXT NOT NULL CHECK (date(feedback_date) IS feedback_date),
  content        TEXT NOT NULL CHECK (length(trim(content)) BETWEEN 1 AND 20000),
  category       TEXT CHECK (category IS NULL OR category IN ('technical', 'behavioral', 'general')),
  sentiment      TEXT CHECK (sentiment IS NULL OR sentiment IN ('positive', 'constructive', 'neutral')),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX feedback_feedback_date ON feedback (feedback_date) WHERE deleted_at IS NULL;
CREATE INDEX feedback_from_person_id ON feedback (from_person_id);

-- A follow-up from a meeting, from feedback, or standalone (never both sources).
CREATE TABLE action_items (
  id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  description  TEXT NOT NULL CHECK (length(trim(description)) BETWEEN 1 AND 2000),
  status       TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'in_progress', 'done', 'cancelled')),
  priority     TEXT NOT NULL DEFAULT 'medium' CHECK (priority IN ('high', 'medium', 'low')),
  due_date     TEXT CHECK (due_date IS NULL OR date(due_date) IS due_date),
  completed_at TEXT CHECK (completed_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', completed_at) IS completed_at),
  meeting_id   TEXT REFERENCES meetings (id) ON DELETE SET NULL,
  feedback_id  TEXT REFERENCES feedback (id) ON DELETE SET NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at   TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  CONSTRAINT "completed_at: A done action item carries the moment it was finished, and only a done one does" CHECK ((status = 'done') = (completed_at IS NOT NULL)),
  CONSTRAINT "feedback_id: An action item comes from a meeting or from feedback, not both" CHECK (meeting_id IS NULL OR feedback_id IS NULL)
) STRICT;

CREATE INDEX action_items_open_due_date ON action_items (due_date) WHERE deleted_at IS NULL AND status IN ('todo', 'in_progress');
CREATE INDEX action_items_meeting_id ON action_items (meeting_id);
CREATE INDEX action_items_feedback_id ON action_items (feedback_id);

-- ---------------------------------------------------------------------------
-- Energy, mood, journal, events, decisions
-- ---------------------------------------------------------------------------

-- A quick energy and engagement check-in (1 very low ... 5 very high).
CREATE TABLE energy_checkins (
  id               TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  checkin_date     TEXT NOT NULL CHECK (date(checkin_date) IS checkin_date),
  checkin_time     TEXT NOT NULL CHECK (checkin_time GLOB '[0-2][0-9]:[0-5][0-9]' AND checkin_time < '24:00'),
  energy_level     INTEGER NOT NULL CHECK (energy_level BETWEEN 1 AND 5),
  engagement_level INTEGER NOT NULL CHECK (engagement_level BETWEEN 1 AND 5),
  mood             TEXT CHECK (mood IS NULL OR length(mood) BETWEEN 1 AND 100),
  notes            TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at       TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX energy_checkins_checkin_date ON energy_checkins (checkin_date, checkin_time) WHERE deleted_at IS NULL;

-- One mood reading (several a day), 1-10 scales.
CREATE TABLE mood_logs (
  id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  log_date      TEXT NOT NULL CHECK (date(log_date) IS log_date),
  log_time      TEXT NOT NULL CHECK (log_time GLOB '[0-2][0-9]:[0-5][0-9]' AND log_time < '24:00'),
  mood          INTEGER NOT NULL CHECK (mood BETWEEN 1 AND 10),
  energy_level  INTEGER CHECK (energy_level IS NULL OR energy_level BETWEEN 1 AND 10),
  stress_level  INTEGER CHECK (stress_level IS NULL OR stress_level BETWEEN 1 AND 10),
  anxiety_level INTEGER CHECK (anxiety_level IS NULL OR anxiety_level BETWEEN 1 AND 10),
  -- JSON array of mood words, e.g. ["motivated","tired"].
  mood_tags     TEXT NOT NULL DEFAULT '[]'
    CONSTRAINT "mood_tags: Mood tags must be a JSON array"
    CHECK (CASE WHEN json_valid(mood_tags) THEN json_type(mood_tags) = 'array' ELSE 0 END),
  -- What caused the mood.
  mood_trigger  TEXT NOT NULL DEFAULT '' CHECK (length(mood_trigger) <= 2000),
  -- What the person was doing.
  activity      TEXT NOT NULL DEFAULT '' CHECK (length(activity) <= 2000),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at    TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX mood_logs_log_date ON mood_logs (log_date, log_time) WHERE deleted_at IS NULL;

-- A journal entry with the day's mood, energy, stress and sleep.
CREATE TABLE journal_entries (
  id           TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  entry_date   TEXT NOT NULL CHECK (date(entry_date) IS entry_date),
  entry_time   TEXT CHECK (entry_time IS NULL OR (entry_time GLOB '[0-2][0-9]:[0-5][0-9]' AND entry_time < '24:00')),
  title        TEXT NOT NULL DEFAULT '' CHECK (length(title) <= 200),
  content      TEXT NOT NULL DEFAULT '' CHECK (length(content) <= 100000),
  mood         INTEGER CHECK (mood IS NULL OR mood BETWEEN 1 AND 10),
  energy_level INTEGER CHECK (energy_level IS NULL OR energy_level BETWEEN 1 AND 10),
  stress_level INTEGER CHECK (stress_level IS NULL OR stress_level BETWEEN 1 AND 10),
  sleep_hours  REAL CHECK (sleep_hours IS NULL OR sleep_hours BETWEEN 0 AND 24),
  category     TEXT CHECK (category IS NULL OR category IN ('personal', 'work', 'health', 'reflection', 'learning', 'other')),
  location     TEXT CHECK (location IS NULL OR length(location) <= 200),
  weather      TEXT CHECK (weather IS NULL OR length(weather) <= 100),
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at   TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX journal_entries_entry_date ON journal_entries (entry_date) WHERE deleted_at IS NULL;

-- Something that happened: its importance, emotional impact and outcome.
CREATE TABLE events (
  id               TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  title            TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description      TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  type             TEXT CHECK (type IS NULL OR type IN ('meeting', 'achievement', 'social', 'health', 'work', 'personal', 'other')),
  event_date       TEXT NOT NULL CHECK (date(event_date) IS event_date),
  event_time       TEXT CHECK (event_time IS NULL OR (event_time GLOB '[0-2][0-9]:[0-5][0-9]' AND event_time < '24:00')),
  duration_minutes INTEGER CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 10080),
  importance       INTEGER CHECK (importance IS NULL OR importance BETWEEN 1 AND 5),
  emotional_impact INTEGER CHECK (emotional_impact IS NULL OR emotional_impact BETWEEN -5 AND 5),
  outcome          TEXT CHECK (outcome IS NULL OR outcome IN ('positive', 'negative', 'neutral', 'mixed')),
  -- The journal entry that tells about it, if any.
  journal_entry_id TEXT REFERENCES journal_entries (id) ON DELETE SET NULL,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at       TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at)
) STRICT;

CREATE INDEX events_event_date ON events (event_date) WHERE deleted_at IS NULL;
CREATE INDEX events_journal_entry_id ON events (journal_entry_id);

-- A person involved in an event.
CREATE TABLE event_people (
  event_id   TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  person_id  TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (event_id, person_id)
) STRICT;

CREATE INDEX event_people_person_id ON event_people (person_id);

-- A decision: the state and reasoning when it was made, what was expected, and later what happened.
CREATE TABLE decisions (
  id                      TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  title                   TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  -- What was decided.
  description             TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  -- The situation that called for a decision.
  context                 TEXT NOT NULL DEFAULT '' CHECK (length(context) <= 20000),
  category                TEXT CHECK (category IS NULL OR category IN ('career', 'work', 'health', 'finance', 'relationship', 'personal', 'other')),
  decision_date           TEXT NOT NULL CHECK (date(decision_date) IS decision_date),
  decision_time           TEXT CHECK (decision_time IS NULL OR (decision_time GLOB '[0-2][0-9]:[0-5][0-9]' AND decision_time < '24:00')),
  mood_when_decided       INTEGER CHECK (mood_when_decided IS NULL OR mood_when_decided BETWEEN 1 AND 10),
  confidence_level        INTEGER CHECK (confidence_level IS NULL OR confidence_level BETWEEN 1 AND 10),
  stress_level            INTEGER CHECK (stress_level IS NULL OR stress_level BETWEEN 1 AND 10),
  importance              INTEGER CHECK (importance IS NULL OR importance BETWEEN 1 AND 5),
  time_to_decide_hours    INTEGER CHECK (time_to_decide_hours IS NULL OR time_to_decide_hours BETWEEN 0 AND 87600),
  -- The options that were weighed.
  alternatives            TEXT NOT NULL DEFAULT '' CHECK (length(alternatives) <= 20000),
  expected_outcome        TEXT NOT NULL DEFAULT '' CHECK (length(expected_outcome) <= 20000),
  success_criteria        TEXT NOT NULL DEFAULT '' CHECK (length(success_criteria) <= 20000),
  -- When to look back at how it turned out.
  review_date             TEXT CHECK (review_date IS NULL OR date(review_date) IS review_date),
  actual_outcome          TEXT NOT NULL DEFAULT '' CHECK (length(actual_outcome) <= 20000),
  outcome_date            TEXT CHECK (outcome_date IS NULL OR date(outcome_date) IS outcome_date),
  satisfaction            INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 10),
  would_decide_same_again INTEGER CHECK (would_decide_same_again IS NULL OR would_decide_same_again IN (0, 1)),
  reversed                INTEGER NOT NULL DEFAULT 0 CHECK (reversed IN (0, 1)),
  reversal_date           TEXT CHECK (reversal_date IS NULL OR date(reversal_date) IS reversal_date),
  reversal_reason         TEXT NOT NULL DEFAULT '' CHECK (length(reversal_reason) <= 20000),
  -- The journal entry written about it, if any.
  journal_entry_id        TEXT REFERENCES journal_entries (id) ON DELETE SET NULL,
  created_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at              TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at              TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  CONSTRAINT "review_date: The review date cannot be before the decision" CHECK (review_date IS NULL OR review_date >= decision_date),
  CONSTRAINT "outcome_date: The outcome cannot come before the decision" CHECK (outcome_date IS NULL OR outcome_date >= decision_date),
  CONSTRAINT "reversal_date: The reversal cannot come before the decision" CHECK (reversal_date IS NULL OR reversal_date >= decision_date),
  CONSTRAINT "reversed: Only a reversed decision has a reversal date or reason" CHECK (reversed = 1 OR (reversal_date IS NULL AND reversal_reason = ''))
) STRICT;

CREATE INDEX decisions_decision_date ON decisions (decision_date) WHERE deleted_at IS NULL;
-- Decisions waiting for their review.
CREATE INDEX decisions_review_date ON decisions (review_date) WHERE deleted_at IS NULL AND review_date IS NOT NULL;
CREATE INDEX decisions_journal_entry_id ON decisions (journal_entry_id);

-- A person consulted about a decision.
CREATE TABLE decision_people (
  decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  person_id   TEXT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (decision_id, person_id)
) STRICT;

CREATE INDEX decision_people_person_id ON decision_people (person_id);

-- ---------------------------------------------------------------------------
-- Habits
-- ---------------------------------------------------------------------------

-- A habit and when it is due; streaks and success rates are computed from habit_logs.
CREATE TABLE habits (
  id             TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name           TEXT NOT NULL CHECK (length(trim(name)) BETWEEN 1 AND 100),
  description    TEXT NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
  category       TEXT CHECK (category IS NULL OR category IN ('health', 'productivity', 'learning', 'social', 'other')),
  -- daily; specific_days (on target_days); times_per_week (any days, times_per_week of them).
  frequency      TEXT NOT NULL DEFAULT 'daily' CHECK (frequency IN ('daily', 'specific_days', 'times_per_week')),
  -- JSON array of ISO weekdays (1 = Monday ... 7 = Sunday), e.g. [1,3,5]; the text may only hold
  -- the digits 1-7 (never two in a row), commas and brackets, which makes every element one weekday.
  target_days    TEXT NOT NULL DEFAULT '[]'
    CONSTRAINT "target_days: Target days must be a JSON array of weekdays 1 (Monday) to 7 (Sunday)"
    CHECK (CASE WHEN json_valid(target_days) THEN json_type(target_days) = 'array' AND trim(target_days, '[],1234567') = '' AND target_days NOT GLOB '*[0-9][0-9]*' ELSE 0 END),
  times_per_week INTEGER CHECK (times_per_week IS NULL OR times_per_week BETWEEN 1 AND 7),
  status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'completed')),
  start_date     TEXT NOT NULL CHECK (date(start_date) IS start_date),
  end_date       TEXT CHECK (end_date IS NULL OR date(end_date) IS end_date),
  created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  deleted_at     TEXT CHECK (deleted_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', deleted_at) IS deleted_at),
  CONSTRAINT "target_days: Pick the weekdays for a habit on specific days (and only then)" CHECK ((frequency = 'specific_days') = (target_days <> '[]')),
  CONSTRAINT "times_per_week: Say how many times a week (only for a habit done a number of times per week)" CHECK ((frequency = 'times_per_week') = (times_per_week IS NOT NULL)),
  CONSTRAINT "end_date: A habit cannot end before it starts" CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;

CREATE INDEX habits_status ON habits (status) WHERE deleted_at IS NULL;

-- Whether a habit was done on a day (one row per habit per day) and how it felt.
CREATE TABLE habit_logs (
  id            TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  habit_id      TEXT NOT NULL REFERENCES habits (id) ON DELETE CASCADE,
  log_date      TEXT NOT NULL CHECK (date(log_date) IS log_date),
  completed     INTEGER NOT NULL CHECK (completed IN (0, 1)),
  difficulty    INTEGER CHECK (difficulty IS NULL OR difficulty BETWEEN 1 AND 5),
  satisfaction  INTEGER CHECK (satisfaction IS NULL OR satisfaction BETWEEN 1 AND 5),
  energy_before INTEGER CHECK (energy_before IS NULL OR energy_before BETWEEN 1 AND 10),
  energy_after  INTEGER CHECK (energy_after IS NULL OR energy_after BETWEEN 1 AND 10),
  notes         TEXT NOT NULL DEFAULT '' CHECK (length(notes) <= 20000),
  skip_reason   TEXT CHECK (skip_reason IS NULL OR length(skip_reason) BETWEEN 1 AND 200),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  CONSTRAINT "skip_reason: Only a skipped (not completed) day has a skip reason" CHECK (completed = 0 OR skip_reason IS NULL),
  UNIQUE (habit_id, log_date)
) STRICT;

-- ---------------------------------------------------------------------------
-- Tags
-- ---------------------------------------------------------------------------

-- A label that can be put on tasks, learnings, journal entries, feedback, meetings, projects and decisions.
CREATE TABLE tags (
  id         TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 50 AND name = trim(name)),
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- A tag on a task.
CREATE TABLE task_tags (
  task_id    TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (task_id, tag_id)
) STRICT;

CREATE INDEX task_tags_tag_id ON task_tags (tag_id);

-- A tag on a learning.
CREATE TABLE learning_tags (
  learning_id TEXT NOT NULL REFERENCES learnings (id) ON DELETE CASCADE,
  tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (learning_id, tag_id)
) STRICT;

CREATE INDEX learning_tags_tag_id ON learning_tags (tag_id);

-- A tag on a journal entry.
CREATE TABLE journal_entry_tags (
  journal_entry_id TEXT NOT NULL REFERENCES journal_entries (id) ON DELETE CASCADE,
  tag_id           TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (journal_entry_id, tag_id)
) STRICT;

CREATE INDEX journal_entry_tags_tag_id ON journal_entry_tags (tag_id);

-- A tag on a piece of feedback.
CREATE TABLE feedback_tags (
  feedback_id TEXT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
  tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (feedback_id, tag_id)
) STRICT;

CREATE INDEX feedback_tags_tag_id ON feedback_tags (tag_id);

-- A tag on a meeting.
CREATE TABLE meeting_tags (
  meeting_id TEXT NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
  tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (meeting_id, tag_id)
) STRICT;

CREATE INDEX meeting_tags_tag_id ON meeting_tags (tag_id);

-- A tag on a project.
CREATE TABLE project_tags (
  project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  tag_id     TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (project_id, tag_id)
) STRICT;

CREATE INDEX project_tags_tag_id ON project_tags (tag_id);

-- A tag on a decision.
CREATE TABLE decision_tags (
  decision_id TEXT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
  tag_id      TEXT NOT NULL REFERENCES tags (id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (decision_id, tag_id)
) STRICT;

CREATE INDEX decision_tags_tag_id ON decision_tags (tag_id);

-- ---------------------------------------------------------------------------
-- Insights
-- ---------------------------------------------------------------------------

-- A pattern, anomaly, suggestion or warning computed from the data, and what the person did with it.
CREATE TABLE insights (
  id              TEXT PRIMARY KEY NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
  type            TEXT NOT NULL CHECK (type IN ('pattern', 'anomaly', 'suggestion', 'warning')),
  category        TEXT CHECK (category IS NULL OR category IN ('mood', 'energy', 'productivity', 'health', 'habits', 'goals', 'other')),
  title           TEXT NOT NULL CHECK (length(trim(title)) BETWEEN 1 AND 200),
  description     TEXT NOT NULL CHECK (length(description) <= 20000),
  -- 0 = a guess ... 1 = certain.
  confidence      REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  -- JSON evidence behind the insight.
  supporting_data TEXT NOT NULL DEFAULT '{}' CONSTRAINT "supporting_data: Supporting data must be valid JSON" CHECK (json_valid(supporting_data)),
  viewed_at       TEXT CHECK (viewed_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', viewed_at) IS viewed_at),
  dismissed_at    TEXT CHECK (dismissed_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', dismissed_at) IS dismissed_at),
  acted_on_at     TEXT CHECK (acted_on_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', acted_on_at) IS acted_on_at),
  helpful_rating  INTEGER CHECK (helpful_rating IS NULL OR helpful_rating BETWEEN 1 AND 5),
  -- After this moment the insight is no longer shown.
  expires_at      TEXT CHECK (expires_at IS NULL OR strftime('%Y-%m-%dT%H:%M:%fZ', expires_at) IS expires_at),
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
) STRICT;

-- The insights still on offer, newest first.
CREATE INDEX insights_open ON insights (created_at) WHERE dismissed_at IS NULL;

-- ---------------------------------------------------------------------------
-- Skill progress trigger
-- ---------------------------------------------------------------------------

CREATE TRIGGER skills_progress_insert AFTER INSERT ON skills
FOR EACH ROW
BEGIN
  INSERT INTO skill_progress (skill_id, confidence, previous_confidence) VALUES (NEW.id, NEW.confidence, NULL);
END;

CREATE TRIGGER skills_progress_update AFTER UPDATE OF confidence ON skills
FOR EACH ROW WHEN NEW.confidence IS NOT OLD.confidence
BEGIN
  INSERT INTO skill_progress (skill_id, confidence, previous_confidence) VALUES (NEW.id, NEW.confidence, OLD.confidence);
END;

-- ---------------------------------------------------------------------------
-- Full-text search
-- ---------------------------------------------------------------------------

-- Everything a person writes, one row per live (not trashed) entity; kept by the *_search_* triggers.
CREATE VIRTUAL TABLE search_index USING fts5 (
  entity_type UNINDEXED,
  entity_id UNINDEXED,
  title,
  body,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The stable search_index rowid of every searchable entity, so triggers find its row without scanning the index.
CREATE TABLE search_index_keys (
  search_rowid INTEGER PRIMARY KEY,
  entity_type  TEXT NOT NULL CHECK (entity_type IN ('task', 'journal_entry', 'learning', 'meeting', 'feedback', 'decision', 'event', 'goal', 'person', 'project')),
  entity_id    TEXT NOT NULL,
  created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (entity_type, entity_id)
) STRICT;

-- tasks: title / description
CREATE TRIGGER tasks_search_insert AFTER INSERT ON tasks
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('task', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'task', NEW.id, NEW.title, NEW.description
  FROM search_index_keys WHERE entity_type = 'task' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER tasks_search_update AFTER UPDATE OF title, description, deleted_at ON tasks
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'task' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'task', NEW.id, NEW.title, NEW.description
  FROM search_index_keys WHERE entity_type = 'task' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER tasks_search_delete AFTER DELETE ON tasks
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'task' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'task' AND entity_id = OLD.id;
END;

-- Tasks created before this migration.
INSERT INTO search_index_keys (entity_type, entity_id) SELECT 'task', id FROM tasks;
INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
SELECT k.search_rowid, 'task', t.id, t.title, t.description
FROM tasks AS t JOIN search_index_keys AS k ON k.entity_type = 'task' AND k.entity_id = t.id
WHERE t.deleted_at IS NULL;

-- journal_entries: title / content
CREATE TRIGGER journal_entries_search_insert AFTER INSERT ON journal_entries
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('journal_entry', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'journal_entry', NEW.id, NEW.title, NEW.content
  FROM search_index_keys WHERE entity_type = 'journal_entry' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER journal_entries_search_update AFTER UPDATE OF title, content, deleted_at ON journal_entries
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.content IS NOT OLD.content OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'journal_entry' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'journal_entry', NEW.id, NEW.title, NEW.content
  FROM search_index_keys WHERE entity_type = 'journal_entry' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER journal_entries_search_delete AFTER DELETE ON journal_entries
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'journal_entry' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'journal_entry' AND entity_id = OLD.id;
END;

-- learnings: title / content
CREATE TRIGGER learnings_search_insert AFTER INSERT ON learnings
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('learning', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'learning', NEW.id, NEW.title, NEW.content
  FROM search_index_keys WHERE entity_type = 'learning' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER learnings_search_update AFTER UPDATE OF title, content, deleted_at ON learnings
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.content IS NOT OLD.content OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'learning' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'learning', NEW.id, NEW.title, NEW.content
  FROM search_index_keys WHERE entity_type = 'learning' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER learnings_search_delete AFTER DELETE ON learnings
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'learning' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'learning' AND entity_id = OLD.id;
END;

-- meetings: title / preparation notes, outcome notes, questions asked
CREATE TRIGGER meetings_search_insert AFTER INSERT ON meetings
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('meeting', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'meeting', NEW.id, NEW.title,
         NEW.preparation_notes || char(10) || NEW.outcome_notes || char(10) || NEW.questions_asked
  FROM search_index_keys WHERE entity_type = 'meeting' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER meetings_search_update AFTER UPDATE OF title, preparation_notes, outcome_notes, questions_asked, deleted_at ON meetings
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.preparation_notes IS NOT OLD.preparation_notes
  OR NEW.outcome_notes IS NOT OLD.outcome_notes OR NEW.questions_asked IS NOT OLD.questions_asked
  OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'meeting' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'meeting', NEW.id, NEW.title,
         NEW.preparation_notes || char(10) || NEW.outcome_notes || char(10) || NEW.questions_asked
  FROM search_index_keys WHERE entity_type = 'meeting' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER meetings_search_delete AFTER DELETE ON meetings
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'meeting' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'meeting' AND entity_id = OLD.id;
END;

-- feedback: (no title) / content
CREATE TRIGGER feedback_search_insert AFTER INSERT ON feedback
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('feedback', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'feedback', NEW.id, '', NEW.content
  FROM search_index_keys WHERE entity_type = 'feedback' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER feedback_search_update AFTER UPDATE OF content, deleted_at ON feedback
FOR EACH ROW WHEN NEW.content IS NOT OLD.content OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'feedback' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'feedback', NEW.id, '', NEW.content
  FROM search_index_keys WHERE entity_type = 'feedback' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER feedback_search_delete AFTER DELETE ON feedback
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'feedback' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'feedback' AND entity_id = OLD.id;
END;

-- decisions: title / description, context, alternatives, expected outcome, success criteria, actual outcome, reversal reason
CREATE TRIGGER decisions_search_insert AFTER INSERT ON decisions
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('decision', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'decision', NEW.id, NEW.title,
         NEW.description || char(10) || NEW.context || char(10) || NEW.alternatives || char(10) || NEW.expected_outcome
         || char(10) || NEW.success_criteria || char(10) || NEW.actual_outcome || char(10) || NEW.reversal_reason
  FROM search_index_keys WHERE entity_type = 'decision' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER decisions_search_update AFTER UPDATE OF title, description, context, alternatives, expected_outcome,
  success_criteria, actual_outcome, reversal_reason, deleted_at ON decisions
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description OR NEW.context IS NOT OLD.context
  OR NEW.alternatives IS NOT OLD.alternatives OR NEW.expected_outcome IS NOT OLD.expected_outcome
  OR NEW.success_criteria IS NOT OLD.success_criteria OR NEW.actual_outcome IS NOT OLD.actual_outcome
  OR NEW.reversal_reason IS NOT OLD.reversal_reason OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'decision' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'decision', NEW.id, NEW.title,
         NEW.description || char(10) || NEW.context || char(10) || NEW.alternatives || char(10) || NEW.expected_outcome
         || char(10) || NEW.success_criteria || char(10) || NEW.actual_outcome || char(10) || NEW.reversal_reason
  FROM search_index_keys WHERE entity_type = 'decision' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER decisions_search_delete AFTER DELETE ON decisions
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'decision' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'decision' AND entity_id = OLD.id;
END;

-- events: title / description
CREATE TRIGGER events_search_insert AFTER INSERT ON events
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('event', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'event', NEW.id, NEW.title, NEW.description
  FROM search_index_keys WHERE entity_type = 'event' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER events_search_update AFTER UPDATE OF title, description, deleted_at ON events
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'event' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'event', NEW.id, NEW.title, NEW.description
  FROM search_index_keys WHERE entity_type = 'event' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER events_search_delete AFTER DELETE ON events
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'event' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'event' AND entity_id = OLD.id;
END;

-- goals: title / description, why it matters, lessons learned
CREATE TRIGGER goals_search_insert AFTER INSERT ON goals
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('goal', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'goal', NEW.id, NEW.title,
         NEW.description || char(10) || NEW.why_it_matters || char(10) || NEW.lessons_learned
  FROM search_index_keys WHERE entity_type = 'goal' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER goals_search_update AFTER UPDATE OF title, description, why_it_matters, lessons_learned, deleted_at ON goals
FOR EACH ROW WHEN NEW.title IS NOT OLD.title OR NEW.description IS NOT OLD.description
  OR NEW.why_it_matters IS NOT OLD.why_it_matters OR NEW.lessons_learned IS NOT OLD.lessons_learned
  OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'goal' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'goal', NEW.id, NEW.title,
         NEW.description || char(10) || NEW.why_it_matters || char(10) || NEW.lessons_learned
  FROM search_index_keys WHERE entity_type = 'goal' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER goals_search_delete AFTER DELETE ON goals
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'goal' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'goal' AND entity_id = OLD.id;
END;

-- people: name / notes, email
CREATE TRIGGER people_search_insert AFTER INSERT ON people
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('person', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'person', NEW.id, NEW.name, NEW.notes || char(10) || coalesce(NEW.email, '')
  FROM search_index_keys WHERE entity_type = 'person' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER people_search_update AFTER UPDATE OF name, notes, email, deleted_at ON people
FOR EACH ROW WHEN NEW.name IS NOT OLD.name OR NEW.notes IS NOT OLD.notes OR NEW.email IS NOT OLD.email
  OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'person' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'person', NEW.id, NEW.name, NEW.notes || char(10) || coalesce(NEW.email, '')
  FROM search_index_keys WHERE entity_type = 'person' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER people_search_delete AFTER DELETE ON people
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'person' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'person' AND entity_id = OLD.id;
END;

-- projects: name / description, tech stack
CREATE TRIGGER projects_search_insert AFTER INSERT ON projects
FOR EACH ROW
BEGIN
  INSERT INTO search_index_keys (entity_type, entity_id) VALUES ('project', NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'project', NEW.id, NEW.name,
         NEW.description || char(10) || coalesce((SELECT group_concat(value, ', ') FROM json_each(NEW.tech_stack)), '')
  FROM search_index_keys WHERE entity_type = 'project' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER projects_search_update AFTER UPDATE OF name, description, tech_stack, deleted_at ON projects
FOR EACH ROW WHEN NEW.name IS NOT OLD.name OR NEW.description IS NOT OLD.description
  OR NEW.tech_stack IS NOT OLD.tech_stack OR NEW.deleted_at IS NOT OLD.deleted_at
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'project' AND entity_id = NEW.id);
  INSERT INTO search_index (rowid, entity_type, entity_id, title, body)
  SELECT search_rowid, 'project', NEW.id, NEW.name,
         NEW.description || char(10) || coalesce((SELECT group_concat(value, ', ') FROM json_each(NEW.tech_stack)), '')
  FROM search_index_keys WHERE entity_type = 'project' AND entity_id = NEW.id AND NEW.deleted_at IS NULL;
END;

CREATE TRIGGER projects_search_delete AFTER DELETE ON projects
FOR EACH ROW
BEGIN
  DELETE FROM search_index WHERE rowid = (SELECT search_rowid FROM search_index_keys WHERE entity_type = 'project' AND entity_id = OLD.id);
  DELETE FROM search_index_keys WHERE entity_type = 'project' AND entity_id = OLD.id;
END;

-- ---------------------------------------------------------------------------
-- updated_at, kept exactly like tasks_touch in 0001
-- ---------------------------------------------------------------------------

CREATE TRIGGER profile_touch AFTER UPDATE ON profile
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE profile SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER organizations_touch AFTER UPDATE ON organizations
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE organizations SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER people_touch AFTER UPDATE ON people
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER projects_touch AFTER UPDATE ON projects
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE projects SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER skills_touch AFTER UPDATE ON skills
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE skills SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER skill_progress_touch AFTER UPDATE ON skill_progress
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE skill_progress SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER skill_projects_touch AFTER UPDATE ON skill_projects
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE skill_projects SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE skill_id = NEW.skill_id AND project_id = NEW.project_id;
END;

CREATE TRIGGER team_skills_touch AFTER UPDATE ON team_skills
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE team_skills SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER goals_touch AFTER UPDATE ON goals
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE goals SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER goal_milestones_touch AFTER UPDATE ON goal_milestones
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE goal_milestones SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER practice_sessions_touch AFTER UPDATE ON practice_sessions
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE practice_sessions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER practice_session_goals_touch AFTER UPDATE ON practice_session_goals
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE practice_session_goals SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE practice_session_id = NEW.practice_session_id AND goal_id = NEW.goal_id;
END;

CREATE TRIGGER time_entries_touch AFTER UPDATE ON time_entries
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE time_entries SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER task_status_history_touch AFTER UPDATE ON task_status_history
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE task_status_history SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER meetings_touch AFTER UPDATE ON meetings
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE meetings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER meeting_attendees_touch AFTER UPDATE ON meeting_attendees
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE meeting_attendees SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE meeting_id = NEW.meeting_id AND person_id = NEW.person_id;
END;

CREATE TRIGGER learnings_touch AFTER UPDATE ON learnings
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE learnings SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER feedback_touch AFTER UPDATE ON feedback
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE feedback SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER action_items_touch AFTER UPDATE ON action_items
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE action_items SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER energy_checkins_touch AFTER UPDATE ON energy_checkins
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE energy_checkins SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER mood_logs_touch AFTER UPDATE ON mood_logs
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE mood_logs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER journal_entries_touch AFTER UPDATE ON journal_entries
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE journal_entries SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER events_touch AFTER UPDATE ON events
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE events SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER event_people_touch AFTER UPDATE ON event_people
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE event_people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE event_id = NEW.event_id AND person_id = NEW.person_id;
END;

CREATE TRIGGER decisions_touch AFTER UPDATE ON decisions
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE decisions SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER decision_people_touch AFTER UPDATE ON decision_people
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE decision_people SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE decision_id = NEW.decision_id AND person_id = NEW.person_id;
END;

CREATE TRIGGER habits_touch AFTER UPDATE ON habits
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE habits SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER habit_logs_touch AFTER UPDATE ON habit_logs
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE habit_logs SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER tags_touch AFTER UPDATE ON tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER task_tags_touch AFTER UPDATE ON task_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE task_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE task_id = NEW.task_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER learning_tags_touch AFTER UPDATE ON learning_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE learning_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE learning_id = NEW.learning_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER journal_entry_tags_touch AFTER UPDATE ON journal_entry_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE journal_entry_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE journal_entry_id = NEW.journal_entry_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER feedback_tags_touch AFTER UPDATE ON feedback_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE feedback_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE feedback_id = NEW.feedback_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER meeting_tags_touch AFTER UPDATE ON meeting_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE meeting_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE meeting_id = NEW.meeting_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER project_tags_touch AFTER UPDATE ON project_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE project_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE project_id = NEW.project_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER decision_tags_touch AFTER UPDATE ON decision_tags
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE decision_tags SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE decision_id = NEW.decision_id AND tag_id = NEW.tag_id;
END;

CREATE TRIGGER insights_touch AFTER UPDATE ON insights
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE insights SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE TRIGGER search_index_keys_touch AFTER UPDATE ON search_index_keys
FOR EACH ROW WHEN NEW.updated_at = OLD.updated_at
BEGIN
  UPDATE search_index_keys SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE search_rowid = NEW.search_rowid;
END;
