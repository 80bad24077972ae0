/// <reference types="node" />
/**
 * The Node side of the benchmark's preparation, on the app's own worker code (sqlite-wasm in memory):
 * loads the generated database, applies any migration the seed predates, makes sure "today" has tasks
 * (the app takes today from the clock; a seed made on another day gets today's tasks through
 * `tasks.create`), records the SQL each measured command runs and its query plan, and writes the
 * database the browser imports.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as v from 'valibot';
import { createCommandContext } from '../../../src/lib/db/command-context';
import { commands } from '../../../src/lib/db/commands';
import { DatabaseHost } from '../../../src/lib/db/database-host';
import { bundledMigrations } from '../../../src/lib/db/migrations/bundled';
import { loadSqlite, type Database, type Sqlite3Static } from '../../../src/lib/db/sqlite';
import type { AnyCommand } from '../../../src/lib/rpc/command';
import type { CommandInput, CommandName, CommandOutput } from '../../../src/lib/rpc/contract';
import { addDays } from '../shared/days';
import { Prng } from '../shared/prng';
import { prose, title } from '../shared/text';
import { POINT_READ, resolveView, SEARCHES, VIEWS, type ResolvedView, type ViewContext } from '../shared/views';

export interface AnalysedStatement {
  /** The SQL with its parameters filled in, as run (sqlite3_expanded_sql). */
  readonly sql: string;
  readonly plan: readonly string[];
}

export interface AnalysedView extends ResolvedView {
  readonly statements: readonly AnalysedStatement[];
  /** Rows the command answered with (list length, or items of a page). */
  readonly rows: number;
  /** Size of the answer as JSON, a proxy for what crosses the message layer. */
  readonly answerBytes: number;
}

export interface Prepared {
  readonly context: ViewContext;
  readonly views: readonly AnalysedView[];
  readonly pointRead: AnalysedView;
  readonly searches: readonly AnalysedView[];
  /** Tasks created for today because the seed ended on another day. */
  readonly toppedUp: number;
  readonly schemaVersion: number;
  readonly bytes: number;
}

type Call = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<CommandOutput<K>>;

function deserialize(sqlite3: Sqlite3Static, bytes: Uint8Array): Database {
  const raw = new sqlite3.oo1.DB(':memory:', 'c');
  const pointer = sqlite3.wasm.allocFromTypedArray(bytes);
  const { capi } = sqlite3;
  const rc = capi.sqlite3_deserialize(
    raw.pointer as Parameters<typeof capi.sqlite3_deserialize>[0],
    'main',
    pointer,
    bytes.byteLength,
    bytes.byteLength,
    capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_RESIZEABLE
  );
  if (rc !== 0) throw new Error(`sqlite3_deserialize failed (${rc})`);
  return raw;
}

function planOf(raw: Database, sql: string): string[] {
  const rows = raw.selectObjects(`EXPLAIN QUERY PLAN ${sql}`);
  const depth = new Map<number, number>();
  return rows.map((row) => {
    const id = Number(row.id);
    const parent = Number(row.parent);
    const level = (depth.get(parent) ?? -1) + 1;
    depth.set(id, level);
    return `${'  '.repeat(level)}${String(row.detail)}`;
  });
}

function countRows(answer: unknown): number {
  if (Array.isArray(answer)) return answer.length;
  if (typeof answer === 'object' && answer !== null && 'items' in answer && Array.isArray((answer as { items: unknown }).items)) {
    return (answer as { items: unknown[] }).items.length;
  }
  if (typeof answer === 'object' && answer !== null) return 1;
  return 0;
}

export async function prepareDatabase(options: { seedFile: string; outFile: string; today: string }): Promise<Prepared> {
  const sqlite3 = await loadSqlite();
  const file = readFileSync(options.seedFile);
  const raw = deserialize(sqlite3, new Uint8Array(file.buffer, file.byteOffset, file.byteLength));
  const host = new DatabaseHost({ loadSqlite, migrations: bundledMigrations });
  const status = await host.adopt(sqlite3, raw, 'memory');
  if (status.state !== 'ready') throw new Error(`The generated database does not open with this app: ${JSON.stringify(status)}`);
  const context = createCommandContext(host, () => new Date(`${options.today}T12:00:00.000Z`));

  const { capi } = sqlite3;
  let capture: string[] | null = null;
  // The C signature has a fourth argument (the callback's context), which the typings leave out.
  type TraceCallback = Parameters<typeof capi.sqlite3_trace_v2>[2];
  const traceV2 = capi.sqlite3_trace_v2 as unknown as (db: Parameters<typeof capi.sqlite3_trace_v2>[0], mask: number, callback: TraceCallback, context: number) => number;
  const onStatement: TraceCallback = (_reason, _context, statement) => {
    if (!capture) return 0;
    const sql = capi.sqlite3_expanded_sql(statement as Parameters<typeof capi.sqlite3_expanded_sql>[0]);
    // FTS5 runs statements of its own on its shadow tables ('main'.'search_index_data'...) while a
    // MATCH steps (and PRAGMA 'main'.data_version); they are part of the command's statement, not statements the app sends.
    if (!/'main'\./.test(sql)) capture.push(sql);
    return 0;
  };
  traceV2(raw.pointer as Parameters<typeof capi.sqlite3_trace_v2>[0], capi.SQLITE_TRACE_PROFILE, onStatement, 0);

  const call: Call = async (name, input) => {
    const definition: AnyCommand = commands[name];
    const parsed = v.safeParse(definition.input, input);
    if (!parsed.success) throw new Error(`${name}: ${parsed.issues[0].message}`);
    const run = () => definition.run(context, parsed.output);
    const value = definition.write ? (await host.session.write(async () => run())).value : await run();
    return value as Awaited<CommandOutput<typeof name>>;
  };

  // Today's tasks, if the seed was made on another day (same shape as the generator's days).
  let toppedUp = 0;
  const todayCount = Number(raw.selectValue('SELECT count(*) FROM tasks WHERE focus_date = ? AND deleted_at IS NULL', [options.today]));
  if (todayCount === 0) {
    const random = new Prng(`today/${options.today}`);
    for (let i = 0; i < 12; i++) {
      const task = await call('tasks.create', {
        title: title(random, 2, 7),
        description: random.chance(0.5) ? prose(random, random.int(5, 60)) : '',
        priority: random.pick(['high', 'medium', 'low'] as const),
        focusDate: options.today
      });
      if (random.chance(0.4)) await call('tasks.setStatus', { id: task.id, status: 'done' });
      toppedUp++;
    }
  }

  const pick = (sql: string, bind: (string | number)[] = []): string => {
    const value = bind.length > 0 ? raw.selectValue(sql, bind) : raw.selectValue(sql);
    if (typeof value !== 'string') throw new Error(`The generated database has nothing for: ${sql}`);
    return value;
  };
  const monthTo = addDays(`${options.today.slice(0, 7)}-01`, -1);
  const viewContext: ViewContext = {
    today: options.today,
    projectId: pick('SELECT project_id FROM tasks WHERE project_id IS NOT NULL AND deleted_at IS NULL GROUP BY project_id ORDER BY count(*) DESC, project_id LIMIT 1'),
    habitId: pick('SELECT habit_id FROM habit_logs GROUP BY habit_id ORDER BY count(*) DESC, habit_id LIMIT 1'),
    goalId: pick(
      'SELECT g.parent_id FROM goals AS g JOIN goals AS p ON p.id = g.parent_id AND p.deleted_at IS NULL WHERE g.deleted_at IS NULL GROUP BY g.parent_id ORDER BY count(*) DESC, g.parent_id LIMIT 1'
    ),
    monthFrom: `${monthTo.slice(0, 7)}-01`,
    monthTo,
    yearAgo: addDays(options.today, -365),
    taskId: pick('SELECT id FROM tasks WHERE focus_date = ? AND deleted_at IS NULL ORDER BY id LIMIT 1', [options.today])
  };

  const analyse = async (view: ResolvedView): Promise<AnalysedView> => {
    capture = [];
    const answer = await call(view.command, view.input as CommandInput<typeof view.command>);
    const statements = capture.map((sql) => ({ sql, plan: planOf(raw, sql) }));
    capture = null;
    return { ...view, statements, rows: countRows(answer), answerBytes: JSON.stringify(answer).length };
  };

  const views: AnalysedView[] = [];
  for (const spec of VIEWS) views.push(await analyse(resolveView(spec, viewContext)));
  const pointRead = await analyse(resolveView(POINT_READ, viewContext));
  const searches: AnalysedView[] = [];
  for (const spec of SEARCHES) searches.push(await analyse(resolveView(spec, viewContext)));

  const bytes = host.exportDatabase();
  writeFileSync(options.outFile, bytes);
  const schemaVersion = host.status.state === 'ready' ? host.status.schemaVersion : 0;
  host.close();
  return { context: viewContext, views, pointRead, searches, toppedUp, schemaVersion, bytes: bytes.byteLength };
}
