import type { ColumnType, Generated } from 'kysely';

/*
 * Rows of the tables created by migration 0002 (migrations/0002_data_model.sql), mirroring the
 * SQL exactly: snake_case columns, TEXT ids, ISO-8601 UTC timestamps ('YYYY-MM-DDTHH:MM:SS.sssZ'),
 * calendar days 'YYYY-MM-DD', clock times 'HH:MM', booleans 0 | 1, JSON as its text, numbers as
 * number (their allowed ranges are noted on each column and enforced by CHECKs).
 * `Generated<T>` marks a column with a database default (an insert may leave it out);
 * `ColumnType<T, never, never>` marks what only the database writes (views, the search index).
 * See docs/SCHEMA.md for what each table holds.
 */

// ---------------------------------------------------------------------------
// Value types
// ---------------------------------------------------------------------------

/** 'YYYY-MM-DD', a local calendar day. */
export type CalendarDay = string;
/** 'HH:MM', a local clock time. */
export type ClockTime = string;
/** 'YYYY-MM-DDTHH:MM:SS.sssZ' (what `Date.prototype.toISOString()` gives), UTC. */
export type Timestamp = string;
/** JSON text (the column holds `JSON.stringify(...)` output, checked with json_valid). */
export type JsonText = string;
declare const jsonArrayItem: unique symbol;
/**
 * JSON text of an array of `T` (a CHECK keeps it an array). The item type is for TypeScript only:
 * entities that list the column in `jsonColumns` read it as `T[]`.
 */
export type JsonArrayText<T> = JsonText & { readonly [jsonArrayItem]?: T };
/** The item type of a `JsonArrayText` column; never for any other column. */
export type JsonArrayItem<C> = typeof jsonArrayItem extends keyof C ? (C extends { readonly [jsonArrayItem]?: infer T } ? T : never) : never;
/** SQLite has no boolean: 0 = false, 1 = true. */
export type SqlBoolean = 0 | 1;

export type TaskStatus = 'todo' | 'in_progress' | 'done' | 'cancelled';
export type Priority = 'high' | 'medium' | 'low';
export type DateFormat = 'YYYY-MM-DD' | 'DD/MM/YYYY' | 'MM/DD/YYYY' | 'DD.MM.YYYY';
export type Theme = 'system' | 'light' | 'dark';
/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export type OrganizationType = 'employer' | 'host' | 'client' | 'school' | 'community' | 'other';
export type PersonRole = 'manager' | 'mentor' | 'coach' | 'colleague' | 'report' | 'recruiter' | 'client' | 'friend' | 'other';
export type ProjectClassification = 'work' | 'personal' | 'learning' | 'inactive';
export type ProjectStatus = 'planned' | 'active' | 'on_hold' | 'completed' | 'abandoned';
export type SkillCategory = 'technical' | 'soft_skill' | 'domain' | 'other';
export type Relevance = 'high' | 'medium' | 'low';
/** Top to bottom; a goal's parent is exactly one level above it. */
export type GoalLevel = 'ultimate' | 'long_term' | 'mid_term' | 'short_term' | 'immediate' | 'micro' | 'nano';
export type GoalCategory = 'career' | 'technical' | 'soft_skill' | 'hiring_readiness' | 'learning' | 'health' | 'personal' | 'other';
export type GoalStatus = 'active' | 'on_hold' | 'completed' | 'abandoned';
export type LearningType = 'aha_moment' | 'concept' | 'insight';
export type LearningSource = 'meeting' | 'self_study' | 'project' | 'course' | 'reading' | 'conversation' | 'other';
export type FeedbackCategory = 'technical' | 'behavioral' | 'general';
export type FeedbackSentiment = 'positive' | 'constructive' | 'neutral';
export type JournalCategory = 'personal' | 'work' | 'health' | 'reflection' | 'learning' | 'other';
export type EventType = 'meeting' | 'achievement' | 'social' | 'health' | 'work' | 'personal' | 'other';
export type EventOutcome = 'positive' | 'negative' | 'neutral' | 'mixed';
export type DecisionCategory = 'career' | 'work' | 'health' | 'finance' | 'relationship' | 'personal' | 'other';
export type HabitCategory = 'health' | 'productivity' | 'learning' | 'social' | 'other';
export type HabitFrequency = 'daily' | 'specific_days' | 'times_per_week';
export type HabitStatus = 'active' | 'paused' | 'completed';
export type InsightType = 'pattern' | 'anomaly' | 'suggestion' | 'warning';
export type InsightCategory = 'mood' | 'energy' | 'productivity' | 'health' | 'habits' | 'goals' | 'other';
/** What a row of search_index points at (entity_id is the id in the matching table). */
export type SearchEntityType =
  | 'task'
  | 'journal_entry'
  | 'learning'
  | 'meeting'
  | 'feedback'
  | 'decision'
  | 'event'
  | 'goal'
  | 'person'
  | 'project';

/** Written only by the database (triggers, views): readable, never inserted or updated by the app. */
type ReadOnly<T> = ColumnType<T, never, never>;

// ---------------------------------------------------------------------------
// tasks (0001), extended by 0002
// ---------------------------------------------------------------------------

/** The columns 0002 adds to `tasks`; merge into TasksTable. All optional references (NULL = none). */
export interface TaskModelColumns {
  /** Parent task of a subtask; deleting the parent deletes its subtasks. */
  parent_id: string | null;
  goal_id: string | null;
  project_id: string | null;
  organization_id: string | null;
  /** The person the task is assigned to (NULL = the person using Daybook). */
  assignee_id: string | null;
}

// ---------------------------------------------------------------------------
// Profile, organizations, people, projects
// ---------------------------------------------------------------------------

/** The one local profile; its id is always 'local' and the row exists from migration 0002 on. */
export interface ProfileTable {
  id: Generated<'local'>;
  display_name: Generated<string>;
  /** IANA time zone name, e.g. 'Europe/Berlin'. */
  timezone: Generated<string>;
  date_format: Generated<DateFormat>;
  /** IsoWeekday the week starts on (1 = Monday). */
  week_start: Generated<number>;
  theme: Generated<Theme>;
  /** JSON object. */
  preferences: Generated<JsonText>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface OrganizationsTable {
  id: string;
  /** Unique (case-insensitively) among organizations not in the trash. */
  name: string;
  type: Generated<OrganizationType>;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface PeopleTable {
  id: string;
  name: string;
  role: PersonRole | null;
  organization_id: string | null;
  email: string | null;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface ProjectsTable {
  id: string;
  name: string;
  description: Generated<string>;
  classification: ProjectClassification;
  status: Generated<ProjectStatus>;
  /** JSON array of technology names, e.g. '["Python","Flask"]'. */
  tech_stack: Generated<JsonArrayText<string>>;
  start_date: CalendarDay | null;
  end_date: CalendarDay | null;
  organization_id: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

// ---------------------------------------------------------------------------
// Skills
// ---------------------------------------------------------------------------

export interface SkillsTable {
  id: string;
  /** Unique (case-insensitively) among skills not in the trash. */
  name: string;
  category: Generated<SkillCategory>;
  /** 1 learning, 2 beginner, 3 intermediate, 4 proficient, 5 expert; a change is recorded in skill_progress by trigger. */
  confidence: Generated<number>;
  last_used_date: CalendarDay | null;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

/** Written by trigger when a skill is created or its confidence changes; created_at is that moment. */
export interface SkillProgressTable {
  id: Generated<string>;
  skill_id: string;
  /** 1-5. */
  confidence: number;
  /** 1-5; NULL for the first record of a skill. */
  previous_confidence: number | null;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface SkillProjectsTable {
  skill_id: string;
  project_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface TeamSkillsTable {
  id: string;
  skill_id: string;
  /** Unique per skill (case-insensitively). */
  team: string;
  relevance: Generated<Relevance>;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Goals and practice sessions
// ---------------------------------------------------------------------------

export interface GoalsTable {
  id: string;
  level: GoalLevel;
  /** The goal exactly one level above (enforced by trigger); always NULL for 'ultimate'. */
  parent_id: string | null;
  /** Only for level 'immediate'. */
  practice_session_id: string | null;
  title: string;
  description: Generated<string>;
  category: GoalCategory | null;
  status: Generated<GoalStatus>;
  start_date: CalendarDay | null;
  target_date: CalendarDay | null;
  /** Set exactly when status is 'completed'. */
  completed_date: CalendarDay | null;
  /** 0-100. */
  progress: Generated<number>;
  /** 1 (lowest) - 5 (highest). */
  priority: Generated<number>;
  why_it_matters: Generated<string>;
  lessons_learned: Generated<string>;
  /** 1-10. */
  satisfaction: number | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface GoalMilestonesTable {
  id: string;
  goal_id: string;
  title: string;
  description: Generated<string>;
  /** Order within the goal, ascending (>= 0). */
  position: Generated<number>;
  target_date: CalendarDay | null;
  completed: Generated<SqlBoolean>;
  /** Only when completed = 1. */
  completed_date: CalendarDay | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface PracticeSessionsTable {
  id: string;
  title: string;
  description: Generated<string>;
  session_date: CalendarDay;
  planned_start_at: Timestamp | null;
  planned_end_at: Timestamp | null;
  actual_start_at: Timestamp | null;
  actual_end_at: Timestamp | null;
  /** Actual minutes, 0-1440. */
  duration_minutes: number | null;
  /** 1-10. */
  focus_score: number | null;
  /** 1-10. */
  energy_level: number | null;
  /** 1-10. */
  productivity_rating: number | null;
  interruptions: number | null;
  location: string | null;
  notes: Generated<string>;
  completed: Generated<SqlBoolean>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

/** Only short-term goals may be linked (enforced by trigger). */
export interface PracticeSessionGoalsTable {
  practice_session_id: string;
  goal_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Task time and history
// ---------------------------------------------------------------------------

export interface TimeEntriesTable {
  id: string;
  task_id: string;
  started_at: Timestamp;
  /** NULL while the timer runs (at most one running entry per task). */
  ended_at: Timestamp | null;
  note: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

/** View: minutes of finished time entries per task; a task without entries has no row. */
export interface TaskActualMinutesView {
  task_id: ReadOnly<string>;
  actual_minutes: ReadOnly<number>;
}

/** Written by trigger on task insert and status change; created_at is the moment of the change. */
export interface TaskStatusHistoryTable {
  id: Generated<string>;
  task_id: string;
  /** NULL for the first status of a task. */
  from_status: TaskStatus | null;
  to_status: TaskStatus;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Meetings, learnings, feedback, action items
// ---------------------------------------------------------------------------

export interface MeetingsTable {
  id: string;
  title: string;
  meeting_date: CalendarDay;
  meeting_time: ClockTime | null;
  /** 0-1440. */
  duration_minutes: number | null;
  organization_id: string | null;
  preparation_notes: Generated<string>;
  outcome_notes: Generated<string>;
  questions_asked: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface MeetingAttendeesTable {
  meeting_id: string;
  person_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface LearningsTable {
  id: string;
  title: string;
  content: Generated<string>;
  type: LearningType;
  /** Must be 'meeting' when meeting_id is set. */
  source: LearningSource | null;
  meeting_id: string | null;
  learning_date: CalendarDay;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface FeedbackTable {
  id: string;
  from_person_id: string | null;
  feedback_date: CalendarDay;
  content: string;
  category: FeedbackCategory | null;
  sentiment: FeedbackSentiment | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

/** From a meeting, from feedback, or standalone: never both meeting_id and feedback_id. */
export interface ActionItemsTable {
  id: string;
  description: string;
  status: Generated<TaskStatus>;
  priority: Generated<Priority>;
  due_date: CalendarDay | null;
  /** Set exactly when status is 'done'. */
  completed_at: Timestamp | null;
  meeting_id: string | null;
  feedback_id: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

// ---------------------------------------------------------------------------
// Energy, mood, journal, events, decisions
// ---------------------------------------------------------------------------

export interface EnergyCheckinsTable {
  id: string;
  checkin_date: CalendarDay;
  checkin_time: ClockTime;
  /** 1 very low - 5 very high. */
  energy_level: number;
  /** 1 disengaged - 5 highly engaged. */
  engagement_level: number;
  mood: string | null;
  notes: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface MoodLogsTable {
  id: string;
  log_date: CalendarDay;
  log_time: ClockTime;
  /** 1-10. */
  mood: number;
  /** 1-10. */
  energy_level: number | null;
  /** 1-10. */
  stress_level: number | null;
  /** 1-10. */
  anxiety_level: number | null;
  /** JSON array of mood words. */
  mood_tags: Generated<JsonArrayText<string>>;
  /** What caused the mood. */
  mood_trigger: Generated<string>;
  /** What the person was doing. */
  activity: Generated<string>;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface JournalEntriesTable {
  id: string;
  entry_date: CalendarDay;
  entry_time: ClockTime | null;
  title: Generated<string>;
  content: Generated<string>;
  /** 1-10. */
  mood: number | null;
  /** 1-10. */
  energy_level: number | null;
  /** 1-10. */
  stress_level: number | null;
  /** 0-24, e.g. 7.5. */
  sleep_hours: number | null;
  category: JournalCategory | null;
  location: string | null;
  weather: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

export interface EventsTable {
  id: string;
  title: string;
  description: Generated<string>;
  type: EventType | null;
  event_date: CalendarDay;
  event_time: ClockTime | null;
  /** 0-10080. */
  duration_minutes: number | null;
  /** 1-5. */
  importance: number | null;
  /** -5 (very negative) .. 5 (very positive). */
  emotional_impact: number | null;
  outcome: EventOutcome | null;
  journal_entry_id: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

/** People involved in an event. */
export interface EventPeopleTable {
  event_id: string;
  person_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface DecisionsTable {
  id: string;
  title: string;
  /** What was decided. */
  description: Generated<string>;
  /** The situation that called for a decision. */
  context: Generated<string>;
  category: DecisionCategory | null;
  decision_date: CalendarDay;
  decision_time: ClockTime | null;
  /** 1-10. */
  mood_when_decided: number | null;
  /** 1-10. */
  confidence_level: number | null;
  /** 1-10. */
  stress_level: number | null;
  /** 1-5. */
  importance: number | null;
  time_to_decide_hours: number | null;
  /** The options that were weighed. */
  alternatives: Generated<string>;
  expected_outcome: Generated<string>;
  success_criteria: Generated<string>;
  /** When to look back at the outcome; not before decision_date. */
  review_date: CalendarDay | null;
  actual_outcome: Generated<string>;
  outcome_date: CalendarDay | null;
  /** 1-10. */
  satisfaction: number | null;
  would_decide_same_again: SqlBoolean | null;
  reversed: Generated<SqlBoolean>;
  /** Only when reversed = 1. */
  reversal_date: CalendarDay | null;
  /** Only non-empty when reversed = 1. */
  reversal_reason: Generated<string>;
  journal_entry_id: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

/** People consulted about a decision. */
export interface DecisionPeopleTable {
  decision_id: string;
  person_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Habits
// ---------------------------------------------------------------------------

/** Streaks and success rates are computed from habit_logs, never stored. */
export interface HabitsTable {
  id: string;
  name: string;
  description: Generated<string>;
  category: HabitCategory | null;
  frequency: Generated<HabitFrequency>;
  /** JSON array of IsoWeekday, e.g. '[1,3,5]'; non-empty exactly when frequency = 'specific_days'. */
  target_days: Generated<JsonArrayText<IsoWeekday>>;
  /** 1-7; set exactly when frequency = 'times_per_week'. */
  times_per_week: number | null;
  status: Generated<HabitStatus>;
  start_date: CalendarDay;
  end_date: CalendarDay | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  deleted_at: Timestamp | null;
}

/** One per habit per day. */
export interface HabitLogsTable {
  id: string;
  habit_id: string;
  log_date: CalendarDay;
  completed: SqlBoolean;
  /** 1-5. */
  difficulty: number | null;
  /** 1-5. */
  satisfaction: number | null;
  /** 1-10. */
  energy_before: number | null;
  /** 1-10. */
  energy_after: number | null;
  notes: Generated<string>;
  /** Only when completed = 0. */
  skip_reason: string | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------

export interface TagsTable {
  id: string;
  /** Unique, case-insensitively. */
  name: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface TaskTagsTable {
  task_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface LearningTagsTable {
  learning_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface JournalEntryTagsTable {
  journal_entry_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface FeedbackTagsTable {
  feedback_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface MeetingTagsTable {
  meeting_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface ProjectTagsTable {
  project_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

export interface DecisionTagsTable {
  decision_id: string;
  tag_id: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Insights
// ---------------------------------------------------------------------------

export interface InsightsTable {
  id: string;
  type: InsightType;
  category: InsightCategory | null;
  title: string;
  description: string;
  /** 0 (a guess) - 1 (certain). */
  confidence: number;
  /** JSON evidence behind the insight. */
  supporting_data: Generated<JsonText>;
  viewed_at: Timestamp | null;
  dismissed_at: Timestamp | null;
  acted_on_at: Timestamp | null;
  /** 1-5. */
  helpful_rating: number | null;
  expires_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
}

// ---------------------------------------------------------------------------
// Full-text search (kept entirely by triggers)
// ---------------------------------------------------------------------------

/**
 * FTS5 table over everything a person writes; one row per live (not trashed) entity.
 * Query with `where('search_index', 'match', query)`, order by `rank`, and use
 * `snippet(search_index, 3, ...)` for the body excerpt.
 */
export interface SearchIndexTable {
  rowid: ReadOnly<number>;
  entity_type: ReadOnly<SearchEntityType>;
  entity_id: ReadOnly<string>;
  title: ReadOnly<string>;
  body: ReadOnly<string>;
  /** FTS5's hidden column named after the table: the left side of MATCH. */
  search_index: ReadOnly<string>;
  /** FTS5's hidden relevance column (smaller = better match). */
  rank: ReadOnly<number>;
}

/** Stable search_index rowid of every searchable entity (live or trashed). */
export interface SearchIndexKeysTable {
  search_rowid: ReadOnly<number>;
  entity_type: ReadOnly<SearchEntityType>;
  entity_id: ReadOnly<string>;
  created_at: ReadOnly<Timestamp>;
  updated_at: ReadOnly<Timestamp>;
}

// ---------------------------------------------------------------------------

/** Every table and view created by migration 0002, by name. */
export interface ModelTables {
  profile: ProfileTable;
  organizations: OrganizationsTable;
  people: PeopleTable;
  projects: ProjectsTable;
  skills: SkillsTable;
  skill_progress: SkillProgressTable;
  skill_projects: SkillProjectsTable;
  team_skills: TeamSkillsTable;
  goals: GoalsTable;
  goal_milestones: GoalMilestonesTable;
  practice_sessions: PracticeSessionsTable;
  practice_session_goals: PracticeSessionGoalsTable;
  time_entries: TimeEntriesTable;
  task_actual_minutes: TaskActualMinutesView;
  task_status_history: TaskStatusHistoryTable;
  meetings: MeetingsTable;
  meeting_attendees: MeetingAttendeesTable;
  learnings: LearningsTable;
  feedback: FeedbackTable;
  action_items: ActionItemsTable;
  energy_checkins: EnergyCheckinsTable;
  mood_logs: MoodLogsTable;
  journal_entries: JournalEntriesTable;
  events: EventsTable;
  event_people: EventPeopleTable;
  decisions: DecisionsTable;
  decision_people: DecisionPeopleTable;
  habits: HabitsTable;
  habit_logs: HabitLogsTable;
  tags: TagsTable;
  task_tags: TaskTagsTable;
  learning_tags: LearningTagsTable;
  journal_entry_tags: JournalEntryTagsTable;
  feedback_tags: FeedbackTagsTable;
  meeting_tags: MeetingTagsTable;
  project_tags: ProjectTagsTable;
  decision_tags: DecisionTagsTable;
  insights: InsightsTable;
  search_index: SearchIndexTable;
  search_index_keys: SearchIndexKeysTable;
}
