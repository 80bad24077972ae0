/**
 * The rules of the data model (migrations 0001 + 0002 and later), checked on a real sqlite-wasm
 * database under Node, migrated by the app's own runner. Every test gets a fresh database.
 *
 * Where the database refuses something, the test also checks what the person would be told:
 * the error goes through `toRpcError`, exactly as a command's error does in the worker.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RpcError } from '../../rpc/result';
import { bundledMigrations } from '../migrations/bundled';
import { runMigrations } from '../migrations/runner';
import { createMigrationTarget } from '../migrations/target';
import type { MigrationReport } from '../migrations/report';
import { loadSqlite, type Database, type Sqlite3Static } from '../sqlite';
import { toRpcError } from '../sqlite-errors';

type Bind = Parameters<Database['selectValues']>[1];
type Row = ReturnType<Database['selectObjects']>[number];

let sqlite3: Sqlite3Static;
let db: Database;
let quietWarn: typeof console.warn;
/** What the runner said when it applied 0001 alone, then everything after it. */
let reports: { first: MigrationReport; rest: MigrationReport };

const NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

beforeAll(async () => {
  sqlite3 = await loadSqlite();
  // sqlite-wasm warns on stderr about every failed statement; the failures here are expected and checked.
  quietWarn = sqlite3.config.warn;
  sqlite3.config.warn = () => {};
});

afterAll(() => {
  sqlite3.config.warn = quietWarn;
});

beforeEach(async () => {
  db = new sqlite3.oo1.DB(':memory:', 'c');
  db.exec('PRAGMA foreign_keys = ON');
  const target = createMigrationTarget(sqlite3, db);
  // 0001 first, then a task written before 0002, to check that 0002 picks up existing rows.
  const first = await runMigrations(target, bundledMigrations.slice(0, 1));
  db.exec(`INSERT INTO tasks (id, title, description, status) VALUES ('t-old', 'Quarterly report', 'numbers for finance', 'in_progress')`);
  const rest = await runMigrations(target, bundledMigrations);
  reports = { first, rest };
  if (rest.outcome !== 'ok') throw new Error(`The migrations did not apply: ${JSON.stringify(rest)}`);
});

afterEach(() => {
  // Whatever a test did, the cascades and SET NULLs must leave no dangling reference behind.
  const dangling = rows('PRAGMA foreign_key_check');
  db.close();
  expect(dangling).toEqual([]);
});

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function value(sql: string, bind?: Bind): unknown {
  return db.selectValue(sql, bind);
}
function text(sql: string, bind?: Bind): string {
  const result = db.selectValue(sql, bind);
  if (typeof result !== 'string') throw new Error(`Expected text from ${sql}, got ${String(result)}`);
  return result;
}
function strings(sql: string, bind?: Bind): string[] {
  return db.selectValues(sql, bind).map((item) => String(item));
}
function rows(sql: string, bind?: Bind): Row[] {
  return db.selectObjects(sql, bind);
}
function count(sql: string, bind?: Bind): number {
  return Number(db.selectValue(sql, bind));
}
/** Full-text hits as 'entity_type:entity_id', best first. */
function search(query: string): string[] {
  return strings("SELECT entity_type || ':' || entity_id FROM search_index WHERE search_index MATCH ? ORDER BY rank", [query]);
}

interface Refusal {
  /** SQLite's own message, for matching the rule that fired. */
  readonly raw: string;
  /** What the person is shown. */
  readonly seen: RpcError;
}

/** Runs SQL that the database must refuse, and returns both what SQLite said and what the person sees. */
function refusal(sql: string, bind?: Bind): Refusal {
  let thrown: unknown = null;
  try {
    db.exec({ sql, bind });
  } catch (error) {
    thrown = error;
  }
  if (thrown === null) throw new Error(`The database accepted what it should refuse: ${sql}`);
  const seen = toRpcError(thrown);
  // Never SQLite's codes in front of a person.
  expect(seen.message).not.toMatch(/SQLITE_[A-Z]|result code \d/);
  return { raw: thrown instanceof Error ? thrown.message : String(thrown), seen };
}

/**
 * What a named CHECK (`CONSTRAINT "column: Message"`) shows: the field as the contract names it
 * (camelCase) and its sentence, ending in a full stop.
 */
function namedCheck(field: string, message: string): RpcError {
  return { code: 'validation', field, message };
}
/** What an unnamed CHECK shows: the field it is about (camelCase), with the column in words and the rule. */
function unnamedCheck(field: string): RpcError {
  const label = field.replace(/Id$/, '').replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
  return {
    code: 'validation',
    field,
    message: expect.stringMatching(new RegExp(`^${label.charAt(0).toUpperCase()}${label.slice(1)} is not allowed \\(rule: `)) as string
  };
}
/** What a trigger's RAISE ('rule: sentence.') shows: the sentence alone, from a capital letter. */
function raised(message: string): RpcError {
  return { code: 'constraint', message };
}
/** What a UNIQUE constraint shows: the (first) column's field, camelCase. */
function duplicate(field: string, message: string): RpcError {
  return { code: 'conflict', field, message };
}

// ---------------------------------------------------------------------------
// Seed data shared by most groups
// ---------------------------------------------------------------------------

const SEED = `
  INSERT INTO organizations (id, name, type) VALUES ('o1', 'DRW', 'employer'), ('o2', 'Apprenti', 'host');
  INSERT INTO people (id, name, role, organization_id, email) VALUES ('p1', 'Ada Lovelace', 'mentor', 'o1', 'ada@example.com');
  INSERT INTO people (id, name, role) VALUES ('p2', 'Grace Hopper', 'manager');
  INSERT INTO projects (id, name, classification, tech_stack, organization_id) VALUES ('pr1', 'daybook', 'personal', '["TypeScript","SQLite"]', NULL);
  INSERT INTO meetings (id, title, meeting_date, meeting_time, organization_id, outcome_notes) VALUES ('m1', 'Weekly 1:1', '2025-12-01', '09:30', 'o1', 'Agreed to pair on the parser');
  INSERT INTO feedback (id, from_person_id, feedback_date, content, sentiment) VALUES ('f1', 'p1', '2025-12-02', 'Great refactoring of the scheduler', 'positive');
  INSERT INTO goals (id, level, title) VALUES ('g-u', 'ultimate', 'Become a staff engineer');
  INSERT INTO goals (id, level, parent_id, title) VALUES ('g-l', 'long_term', 'g-u', 'Lead a platform project');
  INSERT INTO goals (id, level, parent_id, title) VALUES ('g-m', 'mid_term', 'g-l', 'Own the data layer');
  INSERT INTO goals (id, level, parent_id, title) VALUES ('g-s', 'short_term', 'g-m', 'Ship the schema');
  INSERT INTO practice_sessions (id, title, session_date) VALUES ('ps1', 'Schema deep work', '2025-12-03');
`;

function seed(): void {
  db.exec(SEED);
}

const HABIT_H1 = "INSERT INTO habits (id, name, frequency, target_days, start_date) VALUES ('h1', 'Run', 'specific_days', '[1,3,5]', '2025-12-01')";
const HABIT_LOG_HL1 = "INSERT INTO habit_logs (id, habit_id, log_date, completed) VALUES ('hl1', 'h1', '2025-12-01', 1)";
const SKILL_S1 = "INSERT INTO skills (id, name, confidence) VALUES ('s1', 'SQL', 2)";
const ROOT_SHORT_TERM_GOAL = "INSERT INTO goals (id, level, title) VALUES ('g-s2', 'short_term', 'Read the SQLite docs')";
const SESSION_LINKS = "INSERT INTO practice_session_goals (practice_session_id, goal_id) VALUES ('ps1', 'g-s'), ('ps1', 'g-s2')";
const IMMEDIATE_GOAL =
  "INSERT INTO goals (id, level, parent_id, practice_session_id, title) VALUES ('g-i', 'immediate', 'g-s', 'ps1', 'Write the migration')";
const MICRO_AND_NANO_GOALS =
  "INSERT INTO goals (id, level, parent_id, title) VALUES ('g-mi', 'micro', 'g-i', 'Write the goal triggers'), ('g-n', 'nano', 'g-mi', 'Name the trigger')";
const TASK_T1 = `INSERT INTO tasks (id, title, description, goal_id, project_id, organization_id, assignee_id)
                 VALUES ('t1', 'Draft the schema', 'tables for goals and habits', 'g-s', 'pr1', 'o1', 'p2')`;
const TIME_ENTRIES = `INSERT INTO time_entries (id, task_id, started_at, ended_at) VALUES
                        ('te1', 't1', '2025-12-01T09:00:00.000Z', '2025-12-01T09:25:00.000Z'),
                        ('te2', 't1', '2025-12-01T10:00:00.000Z', '2025-12-01T10:50:00.000Z'),
                        ('te3', 't1', '2025-12-01T11:00:00.000Z', NULL)`;
const SUBTASKS = "INSERT INTO tasks (id, title, parent_id) VALUES ('t2', 'Goals tables', 't1'), ('t3', 'Goal triggers', 't2')";
const TAGS = `INSERT INTO tags (id, name) VALUES ('tag1', 'schema'), ('tag2', 'deep-work');
              INSERT INTO task_tags (task_id, tag_id) VALUES ('t1', 'tag1'), ('t3', 'tag1'), ('t1', 'tag2')`;
const JOURNAL_J1 = "INSERT INTO journal_entries (id, entry_date, title, content) VALUES ('j1', '2025-12-01', 'Café morning', 'Sketched the aubergine plan')";

// ---------------------------------------------------------------------------

describe('migrations', () => {
  it('applies 0001, then the later migrations over a database that already holds tasks', () => {
    expect(reports.first).toMatchObject({ outcome: 'ok', schemaVersion: 1 });
    expect(reports.rest).toMatchObject({ outcome: 'ok', schemaVersion: bundledMigrations.length });
    expect(reports.rest.outcome === 'ok' && reports.rest.steps.map((step) => step.status)).toEqual([
      'skipped',
      ...bundledMigrations.slice(1).map(() => 'applied')
    ]);
    expect(value('PRAGMA user_version')).toBe(bundledMigrations.length);
  });
});

describe('structure', () => {
  /** The data model's tables; the app's own bookkeeping (_migrations, _request_log) and FTS5 shadow tables are not part of it. */
  function modelTables(): { name: string; strict: number; wr: number }[] {
    return rows(
      `SELECT name, strict, wr FROM pragma_table_list
       WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_%' ESCAPE '\\'
       ORDER BY name`
    ).map((row) => ({ name: String(row.name), strict: Number(row.strict), wr: Number(row.wr) }));
  }
  const columnsOf = (table: string): string[] => strings('SELECT name FROM pragma_table_info(?)', [table]);

  it('finds the data model tables to check', () => {
    const names = modelTables().map((table) => table.name);
    expect(names).toEqual(expect.arrayContaining(['tasks', 'goals', 'profile', 'search_index_keys', 'task_tags']));
    expect(names).not.toContain('search_index_data');
  });

  it('passes integrity_check', () => {
    expect(value('PRAGMA integrity_check')).toBe('ok');
  });

  it('has no dangling foreign key after migrating', () => {
    expect(rows('PRAGMA foreign_key_check')).toEqual([]);
  });

  it('makes every table STRICT', () => {
    expect(modelTables().filter((table) => table.strict !== 1).map((table) => table.name)).toEqual([]);
  });

  it('has no WITHOUT ROWID table, so the update hook sees every write', () => {
    expect(modelTables().filter((table) => table.wr !== 0).map((table) => table.name)).toEqual([]);
  });

  it('gives every table created_at and updated_at', () => {
    const missing = modelTables()
      .map((table) => table.name)
      .filter((name) => !columnsOf(name).includes('created_at') || !columnsOf(name).includes('updated_at'));
    expect(missing).toEqual([]);
  });

  it('gives every table its <table>_touch trigger', () => {
    const triggers = new Set(strings("SELECT name FROM sqlite_schema WHERE type = 'trigger'"));
    expect(modelTables().filter((table) => !triggers.has(`${table.name}_touch`)).map((table) => table.name)).toEqual([]);
  });

  it('has no user_id column anywhere (one person, one device)', () => {
    expect(modelTables().filter((table) => columnsOf(table.name).includes('user_id')).map((table) => table.name)).toEqual([]);
  });

  it('puts every foreign key column first in an index that covers every row that has the link', () => {
    const unindexed: string[] = [];
    for (const { name } of modelTables()) {
      // A composite PRIMARY KEY or UNIQUE is listed by pragma_index_list too.
      const leading = new Set(
        rows('SELECT name, partial FROM pragma_index_list(?)', [name])
          .map((index) => ({ name: String(index.name), partial: Number(index.partial) === 1 }))
          .map((index) => ({ ...index, column: value('SELECT name FROM pragma_index_info(?) WHERE seqno = 0', [index.name]) }))
          // A partial index serves `column = ?` (the foreign-key actions' lookup) only if its WHERE is `column IS NOT NULL`.
          .filter((index) => !index.partial || indexWhere(index.name) === `${String(index.column)} IS NOT NULL`)
          .map((index) => index.column)
      );
      for (const fk of rows('SELECT "from" AS col FROM pragma_foreign_key_list(?)', [name])) {
        if (!leading.has(fk.col)) unindexed.push(`${name}.${String(fk.col)}`);
      }
    }
    expect(unindexed).toEqual([]);
  });

  it('finds the tasks of a deleted project through the partial tasks_project_id index (ON DELETE SET NULL)', () => {
    const root = count("SELECT rootpage FROM sqlite_schema WHERE name = 'tasks_project_id'");
    const opened = rows("EXPLAIN DELETE FROM projects WHERE id = 'x'")
      .filter((op) => String(op.opcode).startsWith('Open'))
      .map((op) => Number(op.p2));
    expect(opened).toContain(root);
  });

  it('has no index that is a leading prefix of another index with the same WHERE', () => {
    const redundant: string[] = [];
    for (const { name } of modelTables()) {
      const indexes = rows('SELECT name, "unique" AS uniq FROM pragma_index_list(?)', [name]).map((index) => {
        const indexName = String(index.name);
        const sql = value("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", [indexName]);
        return {
          name: indexName,
          unique: Number(index.uniq) === 1,
          cols: strings("SELECT coalesce(name, '<expr>') FROM pragma_index_info(?) ORDER BY seqno", [indexName]).join(','),
          where: typeof sql === 'string' ? sql.replace(/^.*?\)\s*/s, '') : ''
        };
      });
      for (const a of indexes) {
        for (const b of indexes) {
          if (a === b || a.unique) continue;
          if (a.where === b.where && (b.cols === a.cols || b.cols.startsWith(`${a.cols},`))) redundant.push(`${a.name} (covered by ${b.name})`);
        }
      }
    }
    expect(redundant).toEqual([]);
  });

  it('holds exactly one profile row', () => {
    expect(count('SELECT count(*) FROM profile')).toBe(1);
  });

  it('refuses a second profile row', () => {
    const { raw, seen } = refusal("INSERT INTO profile (id) VALUES ('other')");
    expect(raw).toMatch(/CHECK constraint failed/);
    expect(seen).toEqual(unnamedCheck('id'));
  });
});

describe('enums, ranges and formats', () => {
  beforeEach(seed);

  it('refuses text that is not a date or a timestamp, not only impossible dates', () => {
    const attempts = [
      "INSERT INTO tasks (id, title, focus_date) VALUES ('tx', 'x', 'next week')",
      "INSERT INTO tasks (id, title, focus_date) VALUES ('tx', 'x', '2025-1-1')",
      "INSERT INTO tasks (id, title, deleted_at) VALUES ('tx', 'x', 'soon')",
      "INSERT INTO journal_entries (id, entry_date) VALUES ('jx', 'garbage')",
      "INSERT INTO time_entries (id, task_id, started_at) VALUES ('te', 't1', 'whenever')",
      "INSERT INTO habits (id, name, start_date) VALUES ('hx', 'Walk', 'someday')"
    ];
    for (const attempt of attempts) expect(refusal(attempt).seen.code).toBe('validation');
  });

  it('refuses a goal status outside the list', () => {
    const { raw, seen } = refusal("INSERT INTO goals (id, level, title, status) VALUES ('gx', 'ultimate', 'x', 'done')");
    expect(raw).toMatch(/CHECK constraint failed: status/);
    expect(seen).toEqual(unnamedCheck('status'));
  });

  it('refuses a learning type outside the list', () => {
    const { raw, seen } = refusal("INSERT INTO learnings (id, title, type, learning_date) VALUES ('lx', 'x', 'fact', '2025-12-01')");
    expect(raw).toMatch(/CHECK constraint failed: type/);
    expect(seen).toEqual(unnamedCheck('type'));
  });

  it('refuses a goal level outside the seven levels', () => {
    const { raw, seen } = refusal("INSERT INTO goals (id, level, title) VALUES ('gx', 'weekly', 'x')");
    expect(raw).toMatch(/CHECK constraint failed: level/);
    expect(seen).toEqual(unnamedCheck('level'));
  });

  it('refuses a skill confidence above 5', () => {
    const { raw, seen } = refusal("INSERT INTO skills (id, name, confidence) VALUES ('sx', 'Rust', 6)");
    expect(raw).toMatch(/CHECK constraint failed: confidence/);
    expect(seen).toEqual(unnamedCheck('confidence'));
  });

  it('refuses a mood above 10', () => {
    const { raw, seen } = refusal("INSERT INTO mood_logs (id, log_date, log_time, mood) VALUES ('mx', '2025-12-01', '08:00', 11)");
    expect(raw).toMatch(/CHECK constraint failed: mood/);
    expect(seen).toEqual(unnamedCheck('mood'));
  });

  it('refuses an emotional impact below -5', () => {
    const { raw, seen } = refusal("INSERT INTO events (id, title, event_date, emotional_impact) VALUES ('ex', 'x', '2025-12-01', -6)");
    expect(raw).toMatch(/CHECK constraint failed: emotional_impact/);
    expect(seen).toEqual(unnamedCheck('emotionalImpact'));
  });

  it('refuses an insight confidence above 1', () => {
    const { raw, seen } = refusal("INSERT INTO insights (id, type, title, description, confidence) VALUES ('ix', 'pattern', 'x', 'y', 1.5)");
    expect(raw).toMatch(/CHECK constraint failed: confidence/);
    expect(seen).toEqual(unnamedCheck('confidence'));
  });

  it('refuses a calendar day that does not exist', () => {
    const { raw, seen } = refusal("INSERT INTO journal_entries (id, entry_date) VALUES ('jx', '2025-02-30')");
    expect(raw).toMatch(/CHECK constraint failed: date\(entry_date\)/);
    expect(seen).toEqual(unnamedCheck('entryDate'));
  });

  it('refuses a clock time of 24:10', () => {
    const { raw, seen } = refusal("UPDATE meetings SET meeting_time = '24:10' WHERE id = 'm1'");
    expect(raw).toMatch(/CHECK constraint failed: meeting_time/);
    expect(seen).toEqual(unnamedCheck('meetingTime'));
  });

  it('refuses a timestamp without milliseconds', () => {
    const { raw, seen } = refusal("INSERT INTO time_entries (id, task_id, started_at) VALUES ('tex', 't-old', '2025-12-01T10:00:00Z')");
    expect(raw).toMatch(/CHECK constraint failed: started_at/);
    expect(seen).toEqual(unnamedCheck('startedAt'));
  });

  it('refuses a tech stack that is not a JSON array', () => {
    const { raw, seen } = refusal(`UPDATE projects SET tech_stack = '{"a":1}' WHERE id = 'pr1'`);
    expect(raw).toMatch(/tech_stack: /);
    expect(seen).toEqual(namedCheck('techStack', 'The tech stack must be a JSON array.'));
  });

  it('refuses supporting data that is not valid JSON', () => {
    const { raw, seen } = refusal(
      "INSERT INTO insights (id, type, title, description, confidence, supporting_data) VALUES ('ix', 'pattern', 'x', 'y', 0.5, '{nope')"
    );
    expect(raw).toMatch(/supporting_data: /);
    expect(seen).toEqual(namedCheck('supportingData', 'Supporting data must be valid JSON.'));
  });

  it.each([
    ['8', '[1,8]'],
    ['13', '[13]']
  ])('refuses habit target day %s', (_day, targetDays) => {
    const { raw, seen } = refusal(
      "INSERT INTO habits (id, name, frequency, target_days, start_date) VALUES ('hx', 'Run', 'specific_days', ?, '2025-12-01')",
      [targetDays]
    );
    expect(raw).toMatch(/target_days: /);
    expect(seen).toEqual(namedCheck('targetDays', 'Target days must be a JSON array of weekdays 1 (Monday) to 7 (Sunday).'));
  });

  it('accepts a habit on Monday, Wednesday and Friday', () => {
    db.exec(HABIT_H1);
    expect(text("SELECT target_days FROM habits WHERE id = 'h1'")).toBe('[1,3,5]');
  });

  it('refuses a boolean other than 0 or 1', () => {
    db.exec(HABIT_H1);
    const { raw, seen } = refusal("INSERT INTO habit_logs (id, habit_id, log_date, completed) VALUES ('hlx', 'h1', '2025-12-01', 2)");
    expect(raw).toMatch(/CHECK constraint failed: completed/);
    expect(seen).toEqual(unnamedCheck('completed'));
  });

  it('refuses text in an INTEGER column (STRICT)', () => {
    const { raw, seen } = refusal("INSERT INTO skills (id, name, confidence) VALUES ('sx', 'Go', 'high')");
    expect(raw).toMatch(/cannot store TEXT value in INTEGER column/);
    expect(seen).toEqual({ code: 'validation', message: 'Confidence must be a number.', field: 'confidence' });
  });

  it('refuses a fraction in an INTEGER column (STRICT), asking for a whole number', () => {
    const { raw, seen } = refusal("INSERT INTO skills (id, name, confidence) VALUES ('sx', 'Go', 2.5)");
    expect(raw).toMatch(/cannot store REAL value in INTEGER column skills.confidence/);
    expect(seen).toEqual({ code: 'validation', message: 'Confidence must be a whole number.', field: 'confidence' });
  });

  it('still refuses a done task without completed_at (the 0001 rule holds after 0002)', () => {
    const { raw, seen } = refusal("UPDATE tasks SET status = 'done' WHERE id = 't-old'");
    expect(raw).toMatch(/CHECK constraint failed/);
    expect(seen).toEqual(unnamedCheck('status'));
  });
});

describe('natural keys', () => {
  beforeEach(seed);

  it('refuses an organization name already taken, case-insensitively', () => {
    const { raw, seen } = refusal("INSERT INTO organizations (id, name) VALUES ('o3', 'drw')");
    expect(raw).toMatch(/UNIQUE constraint failed: organizations.name/);
    expect(seen).toEqual(duplicate('name', 'Another item already has this name.'));
  });

  it('refuses a skill name already taken, case-insensitively', () => {
    db.exec(SKILL_S1);
    const { raw, seen } = refusal("INSERT INTO skills (id, name) VALUES ('s2', 'sql')");
    expect(raw).toMatch(/UNIQUE constraint failed: skills.name/);
    expect(seen).toEqual(duplicate('name', 'Another item already has this name.'));
  });

  it('frees the name of a skill in the trash', () => {
    db.exec(SKILL_S1);
    db.exec(`UPDATE skills SET deleted_at = ${NOW} WHERE id = 's1'`);
    db.exec("INSERT INTO skills (id, name) VALUES ('s2', 'SQL')");
    expect(count("SELECT count(*) FROM skills WHERE name = 'SQL'")).toBe(2);
  });

  it('accepts the first log of a habit on a day', () => {
    db.exec(HABIT_H1);
    db.exec(HABIT_LOG_HL1);
    expect(count("SELECT count(*) FROM habit_logs WHERE habit_id = 'h1'")).toBe(1);
  });

  it('refuses a second log of the same habit on the same day', () => {
    db.exec(HABIT_H1);
    db.exec(HABIT_LOG_HL1);
    const { raw, seen } = refusal("INSERT INTO habit_logs (id, habit_id, log_date, completed) VALUES ('hl2', 'h1', '2025-12-01', 0)");
    expect(raw).toMatch(/UNIQUE constraint failed: habit_logs.habit_id, habit_logs.log_date/);
    expect(seen).toEqual(duplicate('habitId', 'There is already one with this habit and log date.'));
  });

  it('refuses a skip reason on a day the habit was done', () => {
    db.exec(HABIT_H1);
    db.exec(HABIT_LOG_HL1);
    const { raw, seen } = refusal("UPDATE habit_logs SET skip_reason = 'rain' WHERE id = 'hl1'");
    expect(raw).toMatch(/skip_reason: /);
    expect(seen).toEqual(namedCheck('skipReason', 'Only a skipped (not completed) day has a skip reason.'));
  });
});

describe('goal tree', () => {
  beforeEach(seed);

  it('refuses a goal whose parent is not exactly one level above', () => {
    const { raw, seen } = refusal("INSERT INTO goals (id, level, parent_id, title) VALUES ('gx', 'mid_term', 'g-u', 'x')");
    expect(raw).toMatch(/goal level: a mid-term goal can only be placed under a long-term goal/);
    expect(seen).toEqual(raised('A mid-term goal can only be placed under a long-term goal.'));
  });

  it('refuses an ultimate goal with a parent', () => {
    const { raw, seen } = refusal("INSERT INTO goals (id, level, parent_id, title) VALUES ('gx', 'ultimate', 'g-u', 'x')");
    expect(raw).toMatch(/goal level: an ultimate goal/);
    expect(seen).toEqual(raised('An ultimate goal is the top of the tree and cannot have a parent goal.'));
  });

  it('refuses moving a short-term goal directly under the ultimate goal', () => {
    const { raw, seen } = refusal("UPDATE goals SET parent_id = 'g-u' WHERE id = 'g-s'");
    expect(raw).toMatch(/goal level: a short-term goal/);
    expect(seen).toEqual(raised('A short-term goal can only be placed under a mid-term goal.'));
  });

  it('refuses changing the level of a goal that has sub-goals', () => {
    const { raw, seen } = refusal("UPDATE goals SET level = 'short_term', parent_id = NULL WHERE id = 'g-m'");
    expect(raw).toMatch(/goal level: this goal has sub-goals/);
    expect(seen).toEqual(raised('This goal has sub-goals; move them elsewhere before changing its level.'));
  });

  it('accepts a short-term goal not placed in the tree yet (no parent)', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    expect(value("SELECT parent_id FROM goals WHERE id = 'g-s2'")).toBeNull();
  });

  it('refuses moving a goal under one of its own descendants', () => {
    const { raw, seen } = refusal("UPDATE goals SET parent_id = 'g-s' WHERE id = 'g-u'");
    expect(raw).toMatch(/goal cycle: /);
    expect(seen).toEqual(raised('A goal cannot be moved under itself or one of its own sub-goals.'));
  });

  it('refuses making a goal its own parent', () => {
    const { raw, seen } = refusal("UPDATE goals SET parent_id = 'g-l' WHERE id = 'g-l'");
    expect(raw).toMatch(/goal cycle: /);
    expect(seen).toEqual(raised('A goal cannot be moved under itself or one of its own sub-goals.'));
  });

  it('refuses linking a goal that is not short-term to a practice session', () => {
    const { raw, seen } = refusal("INSERT INTO practice_session_goals (practice_session_id, goal_id) VALUES ('ps1', 'g-m')");
    expect(raw).toMatch(/practice session: only short-term goals/);
    expect(seen).toEqual(raised('Only short-term goals can be linked to a practice session.'));
  });

  it('accepts linking short-term goals to a practice session', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    db.exec(SESSION_LINKS);
    expect(strings("SELECT goal_id FROM practice_session_goals WHERE practice_session_id = 'ps1' ORDER BY goal_id")).toEqual(['g-s', 'g-s2']);
  });

  it('refuses changing the level of a goal linked to a practice session', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    db.exec(SESSION_LINKS);
    const { raw, seen } = refusal("UPDATE goals SET level = 'mid_term', parent_id = 'g-l' WHERE id = 'g-s2'");
    expect(raw).toMatch(/practice session: this goal is linked/);
    expect(seen).toEqual(
      raised('This goal is linked to practice sessions, which only take short-term goals; unlink them before changing its level.')
    );
  });

  it('accepts an immediate goal under a short-term goal, belonging to a session', () => {
    db.exec(IMMEDIATE_GOAL);
    expect(rows("SELECT parent_id, practice_session_id FROM goals WHERE id = 'g-i'")).toEqual([{ parent_id: 'g-s', practice_session_id: 'ps1' }]);
  });

  it('refuses a goal other than an immediate one belonging to a practice session', () => {
    const { raw, seen } = refusal("INSERT INTO goals (id, level, parent_id, practice_session_id, title) VALUES ('gx', 'short_term', 'g-m', 'ps1', 'x')");
    expect(raw).toMatch(/practice session: only immediate goals/);
    expect(seen).toEqual(raised('Only immediate goals can belong to a practice session.'));
  });

  it('accepts a micro goal under an immediate goal and a nano goal under the micro goal', () => {
    db.exec(IMMEDIATE_GOAL);
    db.exec(MICRO_AND_NANO_GOALS);
    expect(strings("SELECT id || '<' || parent_id FROM goals WHERE id IN ('g-mi', 'g-n') ORDER BY id")).toEqual(['g-mi<g-i', 'g-n<g-mi']);
  });

  it('refuses a nano goal directly under an immediate goal', () => {
    db.exec(IMMEDIATE_GOAL);
    const { raw, seen } = refusal("INSERT INTO goals (id, level, parent_id, title) VALUES ('gx', 'nano', 'g-i', 'x')");
    expect(raw).toMatch(/goal level: a nano goal/);
    expect(seen).toEqual(raised('A nano goal can only be placed under a micro goal.'));
  });

  it('detaches the sub-goals of a deleted goal (ON DELETE SET NULL)', () => {
    db.exec(IMMEDIATE_GOAL);
    db.exec(MICRO_AND_NANO_GOALS);
    db.exec("DELETE FROM goals WHERE id = 'g-mi'");
    expect(rows("SELECT id, parent_id FROM goals WHERE id = 'g-n'")).toEqual([{ id: 'g-n', parent_id: null }]);
  });

  it('drops the goal links of a deleted practice session and detaches its immediate goals', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    db.exec(SESSION_LINKS);
    db.exec(IMMEDIATE_GOAL);
    db.exec("DELETE FROM practice_sessions WHERE id = 'ps1'");
    expect(count('SELECT count(*) FROM practice_session_goals')).toBe(0);
    expect(rows("SELECT id, practice_session_id FROM goals WHERE id = 'g-i'")).toEqual([{ id: 'g-i', practice_session_id: null }]);
  });

  it('refuses a completion day on a milestone that is not completed', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    db.exec("INSERT INTO goal_milestones (id, goal_id, title, position) VALUES ('ms1', 'g-s2', 'Chapter 1', 0)");
    const { raw, seen } = refusal("UPDATE goal_milestones SET completed_date = '2025-12-05' WHERE id = 'ms1'");
    expect(raw).toMatch(/completed_date: /);
    expect(seen).toEqual(namedCheck('completedDate', 'Only a completed milestone has a completion day.'));
  });

  it('deletes the milestones of a deleted goal (CASCADE)', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    db.exec("INSERT INTO goal_milestones (id, goal_id, title, position) VALUES ('ms1', 'g-s2', 'Chapter 1', 0), ('ms2', 'g-s2', 'Chapter 2', 1)");
    expect(count('SELECT count(*) FROM goal_milestones')).toBe(2);
    db.exec("DELETE FROM goals WHERE id = 'g-s2'");
    expect(count('SELECT count(*) FROM goal_milestones')).toBe(0);
  });
});

describe('action items', () => {
  beforeEach(seed);

  it('refuses an action item that comes from both a meeting and feedback', () => {
    const { raw, seen } = refusal("INSERT INTO action_items (id, description, meeting_id, feedback_id) VALUES ('ax', 'Follow up', 'm1', 'f1')");
    expect(raw).toMatch(/feedback_id: An action item comes from a meeting or from feedback, not both/);
    expect(seen).toEqual(namedCheck('feedbackId', 'An action item comes from a meeting or from feedback, not both.'));
  });

  it('accepts action items from a meeting, from feedback, and standalone', () => {
    db.exec(`INSERT INTO action_items (id, description, meeting_id) VALUES ('a1', 'Send notes', 'm1');
             INSERT INTO action_items (id, description, feedback_id) VALUES ('a2', 'Thank Ada', 'f1');
             INSERT INTO action_items (id, description) VALUES ('a3', 'Book a room')`);
    expect(rows('SELECT id, meeting_id, feedback_id FROM action_items ORDER BY id')).toEqual([
      { id: 'a1', meeting_id: 'm1', feedback_id: null },
      { id: 'a2', meeting_id: null, feedback_id: 'f1' },
      { id: 'a3', meeting_id: null, feedback_id: null }
    ]);
  });

  it('keeps the action item of a deleted meeting, as a standalone one', () => {
    db.exec("INSERT INTO action_items (id, description, meeting_id) VALUES ('a1', 'Send notes', 'm1')");
    db.exec("DELETE FROM meetings WHERE id = 'm1'");
    expect(rows("SELECT id, meeting_id FROM action_items WHERE id = 'a1'")).toEqual([{ id: 'a1', meeting_id: null }]);
  });
});

describe('skill progress', () => {
  const history = (): Row[] =>
    rows("SELECT previous_confidence AS prev, confidence AS conf FROM skill_progress WHERE skill_id = 's1' ORDER BY created_at, rowid");

  beforeEach(() => db.exec(SKILL_S1));

  it('records the starting confidence of a new skill', () => {
    expect(history()).toEqual([{ prev: null, conf: 2 }]);
  });

  it('records a confidence change, and nothing for other changes', () => {
    db.exec("UPDATE skills SET confidence = 4 WHERE id = 's1'");
    db.exec("UPDATE skills SET notes = 'window functions', confidence = 4 WHERE id = 's1'");
    expect(history()).toEqual([
      { prev: null, conf: 2 },
      { prev: 2, conf: 4 }
    ]);
  });

  it('gives rows written by triggers a UUIDv7-shaped id', () => {
    db.exec("UPDATE skills SET confidence = 3 WHERE id = 's1'");
    const ids = strings("SELECT id FROM skill_progress WHERE skill_id = 's1'");
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(UUID_V7);
  });
});

describe('tasks', () => {
  const statuses = (task: string): string[] =>
    strings("SELECT coalesce(from_status, '-') || '>' || to_status FROM task_status_history WHERE task_id = ? ORDER BY created_at, rowid", [task]);

  beforeEach(seed);

  it('starts the status history of tasks from before 0002 with their current status', () => {
    expect(statuses('t-old')).toEqual(['->in_progress']);
  });

  it('records the first status of a new task', () => {
    db.exec(TASK_T1);
    expect(statuses('t1')).toEqual(['->todo']);
  });

  it('records every status change, and nothing when the status stays the same', () => {
    db.exec(TASK_T1);
    db.exec("UPDATE tasks SET status = 'in_progress' WHERE id = 't1'");
    db.exec("UPDATE tasks SET title = 'Draft the data model', status = 'in_progress' WHERE id = 't1'");
    db.exec(`UPDATE tasks SET status = 'done', completed_at = ${NOW} WHERE id = 't1'`);
    expect(statuses('t1')).toEqual(['->todo', 'todo>in_progress', 'in_progress>done']);
  });

  it('sums the finished time entries of a task in task_actual_minutes (25 + 50)', () => {
    db.exec(TASK_T1);
    db.exec(TIME_ENTRIES);
    expect(value("SELECT actual_minutes FROM task_actual_minutes WHERE task_id = 't1'")).toBe(75);
  });

  it('refuses a second running timer on a task', () => {
    db.exec(TASK_T1);
    db.exec(TIME_ENTRIES);
    const { raw, seen } = refusal("INSERT INTO time_entries (id, task_id, started_at) VALUES ('te4', 't1', '2025-12-01T12:00:00.000Z')");
    expect(raw).toMatch(/UNIQUE constraint failed: time_entries.task_id/);
    expect(seen).toEqual(duplicate('taskId', 'Another item already has this task.'));
  });

  it('refuses a time entry that ends before it starts', () => {
    db.exec(TASK_T1);
    db.exec(TIME_ENTRIES);
    const { raw, seen } = refusal("UPDATE time_entries SET ended_at = '2025-12-01T10:59:00.000Z' WHERE id = 'te3'");
    expect(raw).toMatch(/ended_at: /);
    expect(seen).toEqual(namedCheck('endedAt', 'A time entry must end after it starts.'));
  });

  it('refuses moving a task under one of its own subtasks', () => {
    db.exec(TASK_T1);
    db.exec(SUBTASKS);
    const { raw, seen } = refusal("UPDATE tasks SET parent_id = 't3' WHERE id = 't1'");
    expect(raw).toMatch(/subtask cycle: /);
    expect(seen).toEqual(raised('A task cannot be moved under itself or one of its own subtasks.'));
  });

  it('refuses a task that is its own subtask', () => {
    const { raw, seen } = refusal("INSERT INTO tasks (id, title, parent_id) VALUES ('t9', 'x', 't9')");
    expect(raw).toMatch(/parent_id: A task cannot be its own subtask/);
    expect(seen).toEqual(namedCheck('parentId', 'A task cannot be its own subtask.'));
  });

  it('refuses a tag name already taken, case-insensitively', () => {
    db.exec("INSERT INTO tags (id, name) VALUES ('tag1', 'schema')");
    const { raw, seen } = refusal("INSERT INTO tags (id, name) VALUES ('tag3', 'Schema')");
    expect(raw).toMatch(/UNIQUE constraint failed: tags.name/);
    expect(seen).toEqual(duplicate('name', 'Another item already has this name.'));
  });

  it('removes the links of a deleted tag', () => {
    db.exec(TASK_T1);
    db.exec(SUBTASKS);
    db.exec(TAGS);
    db.exec("DELETE FROM tags WHERE id = 'tag2'");
    expect(strings("SELECT task_id || ':' || tag_id FROM task_tags ORDER BY task_id")).toEqual(['t1:tag1', 't3:tag1']);
  });

  it('clears the assignee of tasks when the person is deleted (SET NULL)', () => {
    db.exec(TASK_T1);
    db.exec("DELETE FROM people WHERE id = 'p2'");
    expect(rows("SELECT id, assignee_id FROM tasks WHERE id = 't1'")).toEqual([{ id: 't1', assignee_id: null }]);
  });

  it('deletes the subtasks, time entries, status history, tag links and search rows of a deleted task', () => {
    db.exec(TASK_T1);
    db.exec(TIME_ENTRIES);
    db.exec(SUBTASKS);
    db.exec(TAGS);
    const taskHits = (): string[] => search('goals OR triggers OR draft').filter((hit) => hit.startsWith('task:'));
    expect(taskHits().sort()).toEqual(['task:t1', 'task:t2', 'task:t3']);

    db.exec("DELETE FROM tasks WHERE id = 't1'");

    expect(count("SELECT count(*) FROM tasks WHERE id IN ('t1', 't2', 't3')")).toBe(0);
    expect(count('SELECT count(*) FROM time_entries')).toBe(0);
    expect(count("SELECT count(*) FROM task_status_history WHERE task_id IN ('t1', 't2', 't3')")).toBe(0);
    expect(count('SELECT count(*) FROM task_tags')).toBe(0);
    expect(count("SELECT count(*) FROM search_index_keys WHERE entity_type = 'task' AND entity_id IN ('t1', 't2', 't3')")).toBe(0);
    expect(taskHits()).toEqual([]);
  });
});

describe('full-text search', () => {
  beforeEach(seed);

  it('indexes tasks written before 0002', () => {
    expect(search('finance')).toEqual(['task:t-old']);
  });

  it('finds a new journal entry', () => {
    db.exec(JOURNAL_J1);
    expect(search('aubergine')).toEqual(['journal_entry:j1']);
  });

  it('ignores diacritics', () => {
    db.exec(JOURNAL_J1);
    expect(search('cafe')).toEqual(['journal_entry:j1']);
  });

  it('finds the new words after an update', () => {
    db.exec(JOURNAL_J1);
    db.exec("UPDATE journal_entries SET content = 'Sketched the courgette plan' WHERE id = 'j1'");
    expect(search('courgette')).toEqual(['journal_entry:j1']);
  });

  it('forgets the old words after an update', () => {
    db.exec(JOURNAL_J1);
    db.exec("UPDATE journal_entries SET content = 'Sketched the courgette plan' WHERE id = 'j1'");
    expect(search('aubergine')).toEqual([]);
  });

  it('does not find an entry in the trash', () => {
    db.exec(JOURNAL_J1);
    db.exec(`UPDATE journal_entries SET deleted_at = ${NOW} WHERE id = 'j1'`);
    expect(search('aubergine')).toEqual([]);
  });

  it('keeps an entry edited in the trash out of the index', () => {
    db.exec(JOURNAL_J1);
    db.exec(`UPDATE journal_entries SET deleted_at = ${NOW} WHERE id = 'j1'`);
    db.exec("UPDATE journal_entries SET content = 'Sketched the courgette plan again' WHERE id = 'j1'");
    expect(search('courgette')).toEqual([]);
  });

  it('finds an entry again once it is restored from the trash', () => {
    db.exec(JOURNAL_J1);
    db.exec(`UPDATE journal_entries SET deleted_at = ${NOW} WHERE id = 'j1'`);
    db.exec("UPDATE journal_entries SET content = 'Sketched the courgette plan again' WHERE id = 'j1'");
    db.exec("UPDATE journal_entries SET deleted_at = NULL WHERE id = 'j1'");
    expect(search('courgette')).toEqual(['journal_entry:j1']);
  });

  it('supports snippet() on the index', () => {
    db.exec(JOURNAL_J1);
    db.exec("UPDATE journal_entries SET content = 'Sketched the courgette plan again' WHERE id = 'j1'");
    expect(value("SELECT snippet(search_index, 3, '[', ']', '…', 8) FROM search_index WHERE search_index MATCH 'courgette'")).toBe(
      'Sketched the [courgette] plan again'
    );
  });

  it('indexes all ten kinds of entity', () => {
    db.exec(JOURNAL_J1);
    db.exec(`INSERT INTO learnings (id, title, content, type, learning_date) VALUES ('l1', 'Partial indexes', 'WHERE clause on an index', 'concept', '2025-12-01');
             INSERT INTO decisions (id, title, decision_date, alternatives) VALUES ('d1', 'Pick SQLite', '2025-12-01', 'IndexedDB was the alternative');
             INSERT INTO events (id, title, event_date, description) VALUES ('e1', 'Conference talk', '2025-12-01', 'Spoke about offline sync');
             INSERT INTO meetings (id, title, meeting_date, questions_asked) VALUES ('m2', 'Design review', '2025-12-04', 'How do we migrate wasm storage?')`);
    const hits: Record<string, string[]> = {
      task: search('finance'),
      journal_entry: search('aubergine'),
      learning: search('partial'),
      meeting: search('wasm'),
      feedback: search('scheduler'),
      decision: search('indexeddb'),
      event: search('offline'),
      goal: search('staff'),
      person: search('ada'),
      project: search('typescript')
    };
    const missing = Object.entries(hits)
      .filter(([kind, found]) => !found.some((hit) => hit.startsWith(`${kind}:`)))
      .map(([kind]) => kind);
    expect(missing).toEqual([]);
    expect(strings("SELECT sql FROM sqlite_schema WHERE name = 'search_index_keys'")[0]).toMatch(
      /entity_type IN \('task', 'journal_entry', 'learning', 'meeting', 'feedback', 'decision', 'event', 'goal', 'person', 'project'\)/
    );
  });

  it('removes a hard-deleted row from the index, with its key', () => {
    expect(search('ada')).toContain('person:p1');
    db.exec("DELETE FROM people WHERE id = 'p1'");
    expect(search('ada')).toEqual([]);
    expect(count("SELECT count(*) FROM search_index_keys WHERE entity_id = 'p1'")).toBe(0);
  });

  it('keeps the index and its keys in step (one index row per live entity, each with its key)', () => {
    db.exec(JOURNAL_J1);
    db.exec("UPDATE journal_entries SET content = 'Sketched the courgette plan' WHERE id = 'j1'");
    db.exec(`UPDATE goals SET deleted_at = ${NOW} WHERE id = 'g-s'`);
    db.exec("DELETE FROM people WHERE id = 'p1'");
    const indexed = count('SELECT count(*) FROM search_index');
    expect(indexed).toBeGreaterThan(0);
    expect(
      count(
        `SELECT count(*) FROM search_index AS s
         JOIN search_index_keys AS k ON k.search_rowid = s.rowid AND k.entity_type = s.entity_type AND k.entity_id = s.entity_id`
      )
    ).toBe(indexed);
  });
});

describe('updated_at', () => {
  const old = '2000-01-01T00:00:00.000Z';

  beforeEach(() => {
    db.exec({ sql: "INSERT INTO habits (id, name, start_date, created_at, updated_at) VALUES ('h2', 'Stretch', '2025-12-01', ?, ?)", bind: [old, old] });
  });

  it('moves updated_at forward on an update, in the ISO-8601 UTC shape', () => {
    db.exec("UPDATE habits SET name = 'Stretch daily' WHERE id = 'h2'");
    const touched = text("SELECT updated_at FROM habits WHERE id = 'h2'");
    expect(touched > old).toBe(true);
    expect(touched).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('leaves created_at alone on an update', () => {
    db.exec("UPDATE habits SET name = 'Stretch daily' WHERE id = 'h2'");
    expect(value("SELECT created_at FROM habits WHERE id = 'h2'")).toBe(old);
  });

  it('keeps an updated_at given explicitly (imports)', () => {
    db.exec("UPDATE habits SET name = 'Stretch', updated_at = '2001-01-01T00:00:00.000Z' WHERE id = 'h2'");
    expect(value("SELECT updated_at FROM habits WHERE id = 'h2'")).toBe('2001-01-01T00:00:00.000Z');
  });

  it('moves updated_at forward on an update of a join table', () => {
    db.exec("INSERT INTO events (id, title, event_date) VALUES ('e1', 'Conference talk', '2025-12-01')");
    db.exec("INSERT INTO people (id, name) VALUES ('p3', 'Linus')");
    db.exec({ sql: "INSERT INTO event_people (event_id, person_id, created_at, updated_at) VALUES ('e1', 'p3', ?, ?)", bind: [old, old] });
    db.exec("UPDATE event_people SET created_at = created_at WHERE event_id = 'e1'");
    expect(text("SELECT updated_at FROM event_people WHERE event_id = 'e1'") > old).toBe(true);
  });
});

describe('foreign keys', () => {
  beforeEach(seed);

  it('leaves no dangling reference after deleting parents of every kind', () => {
    db.exec(ROOT_SHORT_TERM_GOAL);
    db.exec(SESSION_LINKS);
    db.exec(IMMEDIATE_GOAL);
    db.exec(MICRO_AND_NANO_GOALS);
    db.exec(TASK_T1);
    db.exec(TIME_ENTRIES);
    db.exec(SUBTASKS);
    db.exec(TAGS);
    db.exec("INSERT INTO action_items (id, description, meeting_id) VALUES ('a1', 'Send notes', 'm1')");
    db.exec(`DELETE FROM goals WHERE id = 'g-mi';
             DELETE FROM practice_sessions WHERE id = 'ps1';
             DELETE FROM goals WHERE id = 'g-s2';
             DELETE FROM meetings WHERE id = 'm1';
             DELETE FROM tags WHERE id = 'tag2';
             DELETE FROM people WHERE id IN ('p1', 'p2');
             DELETE FROM organizations WHERE id = 'o1';
             DELETE FROM tasks WHERE id = 't1';
             DELETE FROM goals WHERE id = 'g-u'`);
    expect(rows('PRAGMA foreign_key_check')).toEqual([]);
  });
});

/** The WHERE of a partial index, as written in its CREATE INDEX. */
function indexWhere(name: string): string {
  const sql = String(value("SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?", [name]));
  return sql.replace(/^.*\sWHERE\s+/is, '').trim();
}
