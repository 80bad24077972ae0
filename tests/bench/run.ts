/// <reference types="node" />
/**
 * `npm run bench`: Daybook at ten years of heavy use, in Debian's Chromium through Playwright, next to
 * a bare sqlite-wasm worker, IndexedDB through Dexie and native SQLite. Writes BENCHMARKS.md.
 *
 * Options (after `npm run bench --`):
 *   --years N         which generated database to use (default 10; `npm run seed -- --years N` makes it)
 *   --quick           fewer trials (a smoke run in about two minutes; numbers are noisier)
 *   --only a,b        phases: layer, lists, search, cold, memory, writes, peers, download, bulk
 *   --trials N        cold-start trials per side (default 12)
 *   --runs N          repetitions per list/search query (default 60)
 *   --build           rebuild the app first (default: only when build/ is missing)
 *   --no-report       do not touch BENCHMARKS.md (results still go to tests/bench/.data/results.json)
 *
 * BENCH_DEBUG=1 in the environment prints every cold-start trial of the app (time, workers started).
 * BENCH_TRACE=1 writes a Chrome trace of the last cold-start trial of the app to tests/bench/.data/cold-start-trace.json.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { localDay } from './shared/days';
import { summarize } from './shared/stats';
import { PEER_DOCUMENTS, PEER_QUERIES, PEER_READS, PEER_ROWS } from './shared/workload';
import { SEARCH_QUERIES } from './shared/text';
import { APP_POOL, BARE_POOL, PEER_POOL } from './page/protocol';
import { MemoryProbe, startTrace } from './node/cdp';
import { NativeTimer, nativeFileCopy, nativePeers } from './node/native';
import { prepareDatabase, type AnalysedView, type Prepared } from './node/prepare';
import { writeReport } from './node/report';
import type { BulkReading, ColdStart, DataPageSave, Download, Machine, MemoryReading, MessageLayer, PeerStack, Peers, Results, ViewResult } from './node/results';
import { startServer } from './node/server';
import { DATA_DIR, dataFile, type SeedMeta } from './seed/files';
import { chromiumLaunchOptions } from '../chromium';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ALL_PHASES = ['layer', 'lists', 'search', 'cold', 'memory', 'writes', 'peers', 'download', 'bulk'] as const;
type Phase = (typeof ALL_PHASES)[number];


const { values: args } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    years: { type: 'string', default: '10' },
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    trials: { type: 'string' },
    runs: { type: 'string' },
    build: { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false }
  },
  strict: true
});

const quick = args.quick ?? false;
const years = Number(args.years);
const phases: Phase[] = args.only ? args.only.split(',').map((name) => {
  if (!(ALL_PHASES as readonly string[]).includes(name)) throw new Error(`Unknown phase "${name}"; phases: ${ALL_PHASES.join(', ')}`);
  return name as Phase;
}) : [...ALL_PHASES];
const has = (phase: Phase) => phases.includes(phase);
const TRIALS = Number(args.trials ?? (quick ? 4 : 12));
const RUNS = Number(args.runs ?? (quick ? 15 : 60));
const POINT_RUNS = quick ? 200 : 1000;
const WRITES = quick ? 200 : 1000;
const SMALL_WRITES = quick ? 50 : 200;
const UI_WRITES = quick ? 10 : 100;
const BULK_TRIALS = quick ? 1 : 3;
const FIRST_OF_DAY_TRIALS = quick ? 2 : 4;
/** Time budget per measured query: slow ones get fewer repetitions (never fewer than 20). */
const BUDGET_MS = quick ? 1500 : 4000;

const started = performance.now();
const loadAtStart = loadavg()[0] ?? Number.NaN;
// Playwright does not keep Node alive while it waits: without this a hang would end the run silently.
const keepAlive = setInterval(() => undefined, 60_000);
const log = (message: string) => console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MiB = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

// ---------------------------------------------------------------------------------------------
// Preparation
// ---------------------------------------------------------------------------------------------

const seedFile = dataFile(years);
const seedMetaFile = seedFile.replace(/\.sqlite3$/, '.json');
if (!existsSync(seedFile) || !existsSync(seedMetaFile)) {
  console.error(`No generated database at ${seedFile}. Make it first: npm run seed -- --years ${years}`);
  process.exit(1);
}
const seedMeta = JSON.parse(readFileSync(seedMetaFile, 'utf8')) as SeedMeta;

const buildDir = join(ROOT, 'build');
if (args.build || !existsSync(join(buildDir, 'index.html'))) {
  log('Building the app (npm run build)...');
  // vite-node runs this script in development mode; the app must be built for production.
  execSync('npm run build', { cwd: ROOT, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}
const workerDir = join(buildDir, '_app/immutable/workers');
const workerFiles = readdirSync(workerDir).filter((name) => /^worker-.*\.js$/.test(name));
if (workerFiles.length !== 1) throw new Error(`Expected one app worker in ${workerDir}, found: ${workerFiles.join(', ') || 'none'}`);
const workerUrl = `/_app/immutable/workers/${workerFiles[0] ?? ''}`;

log('Building the bench pages...');
await build({ configFile: join(ROOT, 'tests/bench/vite.page.config.ts'), mode: 'production', logLevel: 'error' });

const today = localDay();
const benchFile = join(DATA_DIR, 'bench-input.sqlite3');
log(`Preparing ${seedFile} for ${today} (recording each command's SQL and query plan)...`);
const prepared: Prepared = await prepareDatabase({ seedFile, outFile: benchFile, today });
if (prepared.toppedUp > 0) log(`The seed ends on ${seedMeta.endDay}: added ${prepared.toppedUp} tasks for ${today} through tasks.create.`);

// ---------------------------------------------------------------------------------------------
// Native SQLite (the limit) on the same data
// ---------------------------------------------------------------------------------------------

const nativeGroups = (views: readonly AnalysedView[]) => views.map((view) => view.statements.map((statement) => statement.sql));
let nativePeerStack: PeerStack | null = null;
let nativeSqliteVersion = '';
if (has('peers')) {
  log('Native SQLite: peers workload...');
  const bulk: number[] = [];
  let last = nativePeers(PEER_ROWS, PEER_READS, PEER_DOCUMENTS, PEER_QUERIES);
  bulk.push((last.rows / last.bulkInsertMs) * 1000);
  for (let i = 1; i < BULK_TRIALS; i++) {
    last = nativePeers(PEER_ROWS, PEER_READS, PEER_DOCUMENTS, PEER_QUERIES);
    bulk.push((last.rows / last.bulkInsertMs) * 1000);
  }
  nativeSqliteVersion = last.sqliteVersion;
  nativePeerStack = {
    bulkInsertRowsPerSecond: summarize(bulk),
    pointReads: summarize(last.pointReads),
    ftsSetupMs: last.ftsSetupMs,
    ftsQueries: summarize(last.ftsQueries),
    ftsHits: last.ftsHits
  };
}
if (!nativeSqliteVersion) nativeSqliteVersion = nativePeers(10, 1, 10, 1).sqliteVersion;

// ---------------------------------------------------------------------------------------------
// The browser
// ---------------------------------------------------------------------------------------------

const server = await startServer({ appDir: buildDir, pageDir: join(DATA_DIR, 'page'), dataDir: DATA_DIR });
log(`Serving ${server.origin}; starting Chromium...`);
// A real (on-disk) profile, as a person's browser has: Playwright's default contexts are incognito,
// where OPFS lives in the browser process's memory and every sync-access-handle call is an IPC
// (measured here: ~0.5 ms per read transaction in WAL mode, several times slower bulk writes).
// Service workers are blocked: they would answer /bench/ with the app's shell. Cold start is then
// measured with a warm HTTP cache (hashed assets cached for a year), as a returning visit without one.
const profileDir = mkdtempSync(join(tmpdir(), 'daybook-bench-profile-'));
const context: BrowserContext = await chromium.launchPersistentContext(profileDir, {
  headless: true,
  ...chromiumLaunchOptions,
  serviceWorkers: 'block',
  viewport: { width: 1280, height: 900 }
});

/** The "raw sqlite-wasm bulk insert": the peers' rows into a fresh file with SQLite's default settings, in rows/s. */
async function untunedBulkInsert(page: Page): Promise<number> {
  await page.evaluate(([target]) => window.bench.worker('open', { target, tuned: false, retryMs: 2000, wipe: true }), [PEER_POOL] as const);
  const inserted = await page.evaluate(([rows]) => window.bench.worker('peerBulkInsert', { rows, tuned: false }), [PEER_ROWS] as const);
  await page.evaluate(() => window.bench.worker('close', null));
  return (inserted.rows / inserted.ms) * 1000;
}

async function benchPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[bench page] ${error.message}`));
  await page.goto(`${server.origin}/bench/`);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

/** The app and the bench never hold the pool at once; a closed page's worker lets go a moment later. */
async function closeAndSettle(page: Page): Promise<void> {
  await page.close();
  await sleep(400);
}

/** The Data page's buttons that save a file, as the saves phase clicks them. */
const DATA_PAGE_SAVES = ['Download the database file', 'Export JSON', 'Export SQL'] as const;

/**
 * Saves each file from the Data page as a person does (the plain-download path), timing the click
 * to the browser's download, and the longest task the page's thread ran meanwhile: a file that
 * reaches the page as bytes or text holds that thread while it is cloned and copied.
 */
async function savesFromDataPage(): Promise<DataPageSave[]> {
  const page = await context.newPage();
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, 'showSaveFilePicker');
    window.__benchLongTasks = [];
    new PerformanceObserver((list) => window.__benchLongTasks?.push(...list.getEntries().map((entry) => entry.duration))).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`${server.origin}/data`);
  await page.getByRole('list', { name: 'Snapshots' }).waitFor({ timeout: 60_000 });
  const saves: DataPageSave[] = [];
  for (const button of DATA_PAGE_SAVES) {
    await sleep(500);
    await page.evaluate(() => (window.__benchLongTasks = []));
    const downloading = page.waitForEvent('download', { timeout: 300_000 });
    const begin = performance.now();
    await page.getByRole('button', { name: button }).click();
    const download = await downloading;
    const ms = performance.now() - begin;
    await sleep(200);
    const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window.__benchLongTasks ?? [])));
    await download.delete();
    saves.push({ label: button, ms, longestTaskMs });
  }
  await closeAndSettle(page);
  return saves;
}

/** Opens the Data page until it lists the day's snapshot (the app takes it after opening; the week's stands for the day). */
async function settleSnapshots(): Promise<void> {
  const page = await context.newPage();
  await page.goto(`${server.origin}/data`);
  await page.getByRole('list', { name: 'Snapshots' }).getByRole('listitem').first().waitFor({ timeout: 60_000 });
  await closeAndSettle(page);
}

/** The day's first openings the writes during the day's snapshot are measured in. */
const SNAPSHOT_DAYS = 4;

/** How long after opening the app's worker starts the day's snapshot when no call comes (database-host.ts). */
const HOUSEKEEPING_DELAY_MS = 2000;

/**
 * The day's first opening with a person writing through it: the day's snapshot is due (a copy of
 * the whole file; the week's on a new week, which stands for the day too), the worker starts it 2 s
 * after opening, and a task is created every 50 ms from then until it is on the list.
 */
async function writesDuringTheDaysSnapshots(bench: Page, context: { taskId: string; habitId: string; today: string }): Promise<number[]> {
  await bench.evaluate(([target]) => window.bench.worker('deleteSnapshots', { target }), [APP_POOL] as const);
  await bench.evaluate(() => window.bench.terminateBenchWorker());
  await bench.evaluate((url) => window.bench.appOpen(url), workerUrl);
  // A little past it, so the first write does not come before the pause that lets them start.
  await sleep(HOUSEKEEPING_DELAY_MS + 300);
  const samples: number[] = [];
  for (let round = 0; round < 40; round++) {
    samples.push(...(await bench.evaluate(([c]) => window.bench.appWrites('tasks.create', 20, c, 50), [context] as const)));
    const listed = await bench.evaluate(() => window.bench.appCall('snapshots.list', undefined));
    if (listed.ok && Array.isArray(listed.value) && listed.value.length >= 1) break;
  }
  await bench.evaluate(() => window.bench.appTerminate());
  if (process.env.BENCH_DEBUG) log(`  writes during the snapshots (ms): ${samples.map((ms) => ms.toFixed(1)).join(' ')}`);
  return samples;
}

const pointSql = prepared.pointRead.statements.map((statement) => statement.sql);

/** Blocks of the message-layer phase; the typed and the bare side take turns between blocks. */
const LAYER_BLOCKS = 10;

/**
 * The point read through the typed layer, and its SQL as a bare round trip, in blocks that take
 * turns, the bare worker open at the same time on a copy of the file. Measured apart, a minute
 * apart, they disagreed by up to 2x here: a worker's answer costs 20-70 µs more while the page's
 * core sleeps, and how often it sleeps moves from one minute to the next.
 */
async function roundTripsTakingTurns(page: Page): Promise<Pick<MessageLayer, 'typedRoundTrip' | 'bareRoundTrip' | 'emptyRoundTrip' | 'inWorkerQuery'>> {
  await page.evaluate(([target]) => window.bench.worker('import', { target, url: '/bench-data/bench-input.sqlite3' }), [BARE_POOL] as const);
  await page.evaluate(([target]) => window.bench.worker('open', { target, tuned: true, retryMs: 5000 }), [BARE_POOL] as const);
  const { command, input } = prepared.pointRead;
  const runs = Math.ceil(POINT_RUNS / LAYER_BLOCKS);
  const sides = {
    typed: async () => (await page.evaluate(([name, args, count]) => window.bench.appTime(name, args, count, 10), [command, input, runs] as const)).samples,
    bare: () => page.evaluate(([sql, count]) => window.bench.bareRoundTrips(sql, count, 10), [pointSql, runs] as const),
    empty: () => page.evaluate(([count]) => window.bench.pingRoundTrips(count, 10), [runs] as const),
    inWorker: async () =>
      (await page.evaluate(([sql, count]) => window.bench.worker('queryLoop', { sql, runs: count, warmup: 10, budgetMs: Number.MAX_SAFE_INTEGER }), [pointSql, runs] as const)).samples
  };
  const samples = { typed: [] as number[], bare: [] as number[], empty: [] as number[], inWorker: [] as number[] };
  for (const side of Object.keys(sides) as (keyof typeof sides)[]) await sides[side]();
  for (let block = 0; block < LAYER_BLOCKS; block++) {
    const order = (Object.keys(sides) as (keyof typeof sides)[]).map((_, i, all) => all[(i + block) % all.length] as keyof typeof sides);
    for (const side of order) samples[side].push(...(await sides[side]()));
  }
  await page.evaluate(() => window.bench.worker('close', null));
  // The copy is not needed again: an empty file in its place frees the disk.
  await page.evaluate(([target]) => window.bench.worker('open', { target, tuned: false, retryMs: 5000, wipe: true }), [BARE_POOL] as const);
  await page.evaluate(() => window.bench.worker('close', null));
  return { typedRoundTrip: summarize(samples.typed), bareRoundTrip: summarize(samples.bare), emptyRoundTrip: summarize(samples.empty), inWorkerQuery: summarize(samples.inWorker) };
}
const todaySql = [...(prepared.views[0]?.statements ?? []), ...(prepared.views[1]?.statements ?? [])].map((statement) => statement.sql);

let timersIsolated = false;
let appOpenMs = Number.NaN;
let layer: MessageLayer = {};
let viewResults: ViewResult[] | undefined;
let searchResults: ViewResult[] | undefined;
let coldStart: ColdStart | undefined;
let memory: MemoryReading[] | undefined;
let peers: Peers | undefined;
let download: Download | undefined;
let bulk: BulkReading | undefined;
let chromiumVersion = '?';

try {
  // Put the 10-year database into the app's own pool.
  {
    const page = await benchPage();
    timersIsolated = await page.evaluate(() => window.bench.isolated());
    const imported = await page.evaluate(([target]) => window.bench.worker('import', { target, url: '/bench-data/bench-input.sqlite3' }), [APP_POOL] as const);
    log(`Imported ${MiB(imported.bytes)} MiB into the app's pool in ${imported.ms.toFixed(0)} ms (timers isolated: ${timersIsolated}).`);
    await page.evaluate(() => window.bench.terminateBenchWorker());
    await closeAndSettle(page);
  }
  // The day's snapshots, as on any day after its first opening: otherwise the app's worker takes
  // them in the first pause of a phase below (reading the file holds it for about a second).
  await settleSnapshots();

  // The typed layer, on the app's real worker: point reads, every list view, search.
  if (has('layer') || has('lists') || has('search')) {
    const page = await benchPage();
    const opened = await page.evaluate((url) => window.bench.appOpen(url), workerUrl);
    appOpenMs = opened.ms;
    log(`App worker opened the database in ${opened.ms.toFixed(0)} ms: ${JSON.stringify(opened.status)}`);
    const time = (view: AnalysedView, runs: number, warmup: number, budget = Number.MAX_SAFE_INTEGER) =>
      page.evaluate(([name, input, count, warm, ms]) => window.bench.appTime(name, input, count, warm, ms), [view.command, view.input, runs, warmup, budget] as const);
    if (has('layer')) {
      log(`Message layer: ${POINT_RUNS} point reads typed and as bare round trips, taking turns...`);
      layer = { ...layer, ...(await roundTripsTakingTurns(page)) };
    }
    // Each view through the typed layer, with native SQLite timed in this process right before and right after it.
    const typedBesideNative = async (views: readonly AnalysedView[]): Promise<ViewResult[]> => {
      const native = new NativeTimer(benchFile, nativeGroups(views));
      try {
        const results: ViewResult[] = [];
        for (const [i, view] of views.entries()) {
          const nativeSamples = native.time(i, Math.ceil(RUNS / 2), 1, BUDGET_MS / 2);
          const typed = summarize((await time(view, RUNS, 1, BUDGET_MS)).samples);
          nativeSamples.push(...native.time(i, Math.ceil(RUNS / 2), 0, BUDGET_MS / 2));
          results.push({ view, typed, inWorker: summarize([]), native: summarize(nativeSamples) });
        }
        return results;
      } finally {
        native.close();
      }
    };
    if (has('lists')) {
      log(`Typed layer and native SQLite, side by side: ${prepared.views.length} list views x ${RUNS}...`);
      viewResults = await typedBesideNative(prepared.views);
    }
    if (has('search')) {
      log(`Typed layer and native SQLite, side by side: ${prepared.searches.length} searches x ${RUNS}...`);
      searchResults = await typedBesideNative(prepared.searches);
    }
    await page.evaluate(() => window.bench.appTerminate());
    await closeAndSettle(page);
  }

  // The bare side of the lists and searches: the same statements in a bare sqlite-wasm worker on the same file.
  if (has('lists') || has('search')) {
    const page = await benchPage();
    await page.evaluate(([target]) => window.bench.worker('open', { target, tuned: true, retryMs: 5000 }), [APP_POOL] as const);
    const loop = (sql: readonly string[], runs: number, warmup: number, budget = Number.MAX_SAFE_INTEGER) =>
      page.evaluate(([statements, count, warm, ms]) => window.bench.worker('queryLoop', { sql: statements, runs: count, warmup: warm, budgetMs: ms }), [sql, runs, warmup, budget] as const);
    if (viewResults) {
      log('Bare worker: list statements inside the worker...');
      const results: ViewResult[] = [];
      for (const result of viewResults) {
        results.push({ ...result, inWorker: summarize((await loop(result.view.statements.map((s) => s.sql), RUNS, 1, BUDGET_MS)).samples) });
      }
      viewResults = results;
    }
    if (searchResults) {
      log('Bare worker: search statements inside the worker...');
      const results: ViewResult[] = [];
      for (const result of searchResults) {
        const begin = performance.now();
        results.push({ ...result, inWorker: summarize((await loop(result.view.statements.map((s) => s.sql), RUNS, 1, BUDGET_MS)).samples) });
        if (performance.now() - begin > 5000) log(`  ${result.view.label}: ${((performance.now() - begin) / 1000).toFixed(1)} s for ${RUNS + 3} runs`);
      }
      searchResults = results;
    }
    await page.evaluate(() => window.bench.worker('close', null));
    await page.evaluate(() => window.bench.terminateBenchWorker());
    await closeAndSettle(page);
  }

  // Cold start: navigation start to Today's list in the DOM, and the bare open-and-query.
  if (has('cold')) {
    log(`Cold start: ${TRIALS} trials each (after one warm-up), app and bare alternating...`);
    const app: number[] = [];
    const painted: number[] = [];
    const dcl: number[] = [];
    const bare: number[] = [];
    const appWorkerStart: number[] = [];
    const appReady: number[] = [];
    const bareWorkerStart: number[] = [];
    let todayRows = 0;
    /** One opening of the app page: navigation start to Today's list in the DOM, and the frame after it. */
    const appColdTrial = async (trace?: string) => {
      const page = await context.newPage();
      const tracing = trace ? await startTrace(page) : null;
      await page.addInitScript(() => {
        const observer = new MutationObserver(() => {
          if (window.__benchTodayShown !== undefined) return;
          const list = document.querySelector('[aria-label="Today\'s tasks"]');
          const shown = list?.querySelector('li') ?? (document.body.textContent?.includes('Nothing planned for today yet') ? document.body : null);
          if (!shown) return;
          window.__benchTodayShown = performance.now();
          window.__benchTodayRows = list ? list.querySelectorAll('li').length : 0;
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => (window.__benchTodayPainted = performance.now()), 0));
        });
        observer.observe(document, { childList: true, subtree: true });
      });
      await page.goto(`${server.origin}/`);
      await page.waitForFunction(() => window.__benchTodayPainted !== undefined, null, { timeout: 30_000 });
      const reading = await page.evaluate(() => {
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        // More than one: the page had to start its worker again (the previous page's still held the files).
        const workers = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/workers/worker-'));
        return {
          shown: window.__benchTodayShown ?? Number.NaN,
          painted: window.__benchTodayPainted ?? Number.NaN,
          rows: window.__benchTodayRows ?? 0,
          dcl: navigation?.domContentLoadedEventEnd ?? Number.NaN,
          workerRequested: workers[0]?.startTime ?? Number.NaN,
          // database.svelte.ts's DATABASE_READY_MARK (not imported: this runs in the page)
          ready: performance.getEntriesByName('daybook:database-ready')[0]?.startTime ?? Number.NaN,
          workerStarts: workers.length
        };
      });
      if (tracing && trace) await tracing.stopInto(trace);
      await closeAndSettle(page);
      return reading;
    };
    for (let trial = -1; trial < TRIALS; trial++) {
      {
        const reading = await appColdTrial(process.env.BENCH_TRACE && trial === TRIALS - 1 ? join(DATA_DIR, 'cold-start-trace.json') : undefined);
        if (trial >= 0) {
          app.push(reading.shown);
          painted.push(reading.painted);
          dcl.push(reading.dcl);
          appWorkerStart.push(reading.workerRequested);
          appReady.push(reading.ready);
        }
        todayRows = reading.rows;
        if (process.env.BENCH_DEBUG) log(`  app trial ${trial}: ${reading.shown.toFixed(0)} ms, worker starts ${reading.workerStarts}`);
      }
      {
        const page = await context.newPage();
        await page.addInitScript((sql) => {
          window.__benchQueries = sql;
        }, todaySql);
        await page.goto(`${server.origin}/bench/bare.html`);
        await page.waitForFunction(() => window.__benchDone !== undefined, null, { timeout: 30_000 });
        const reading = await page.evaluate(() => ({
          done: window.__benchDone ?? Number.NaN,
          result: window.__benchResult,
          workerRequested: performance.getEntriesByType('resource').find((entry) => entry.name.includes('bare-worker'))?.startTime ?? Number.NaN
        }));
        if (!reading.result?.ok) throw new Error(`Bare cold start failed: ${JSON.stringify(reading.result)}`);
        if (trial >= 0) {
          bare.push(reading.done);
          bareWorkerStart.push(reading.workerRequested);
        }
        await closeAndSettle(page);
      }
    }
    // The day's first opening: the day's snapshot is due (a copy of the whole file).
    const firstOfDay: number[] = [];
    for (let trial = 0; trial < FIRST_OF_DAY_TRIALS; trial++) {
      const bench = await benchPage();
      await bench.evaluate(([target]) => window.bench.worker('deleteSnapshots', { target }), [APP_POOL] as const);
      await bench.evaluate(() => window.bench.terminateBenchWorker());
      await closeAndSettle(bench);
      firstOfDay.push((await appColdTrial()).shown);
    }
    // The app takes them a moment after Today shows.
    await settleSnapshots();
    log(`Cold start, worker only: ${TRIALS} trials each from the bench page...`);
    const workerApp: { openMs: number; totalMs: number }[] = [];
    const workerBare: { openMs: number; totalMs: number }[] = [];
    {
      const page = await benchPage();
      for (let trial = -1; trial < TRIALS; trial++) {
        const appReading = await page.evaluate(([url, day]) => window.bench.appColdOpen(url, day), [workerUrl, today] as const);
        await sleep(400);
        const bareReading = await page.evaluate(([sql]) => window.bench.bareColdOpen(sql), [todaySql] as const);
        await sleep(400);
        if (trial >= 0) {
          workerApp.push(appReading);
          workerBare.push(bareReading);
        }
      }
      await closeAndSettle(page);
    }
    coldStart = {
      workerOnly: {
        appOpen: summarize(workerApp.map((r) => r.openMs)),
        appTotal: summarize(workerApp.map((r) => r.totalMs)),
        bareOpen: summarize(workerBare.map((r) => r.openMs)),
        bareTotal: summarize(workerBare.map((r) => r.totalMs))
      },
      app: summarize(app),
      appFirstOfDay: summarize(firstOfDay),
      bare: summarize(bare),
      appPainted: summarize(painted),
      appDomContentLoaded: summarize(dcl),
      appWorkerRequested: summarize(appWorkerStart.filter(Number.isFinite)),
      appDatabaseReady: summarize(appReady.filter(Number.isFinite)),
      bareWorkerRequested: summarize(bareWorkerStart.filter(Number.isFinite)),
      todayRows
    };
    log(`Cold start: app median ${coldStart.app.median.toFixed(0)} ms, bare ${coldStart.bare.median.toFixed(0)} ms; Today shows ${todayRows} tasks.`);
  }

  // Memory of the real app: after Today, and after searches sent to its worker.
  if (has('memory')) {
    log('Memory: the app page after Today, then after searches...');
    const page = await context.newPage();
    const probe = await MemoryProbe.attach(page);
    await page.goto(`${server.origin}/`);
    await page.locator('[aria-label="Today\'s tasks"] li').first().waitFor({ timeout: 30_000 });
    await sleep(500);
    const workerPart = '/workers/worker-';
    const afterToday = await probe.workerHeap(workerPart);
    const pageHeap = await probe.pageHeap();
    memory = [{ label: 'after loading Today', pageHeapMiB: MiB(pageHeap.usedSize), workerHeapMiB: MiB(afterToday.usedSize), wasmMiB: MiB(afterToday.wasmBytes) }];
    // Searches sent as the page would send them; the answers go to the page, which ignores unknown ids.
    const queries = SEARCH_QUERIES.map(({ query }) => query);
    // The worker's answers are counted on their way out, so the reading waits for all of them.
    await probe.workerEvaluate(
      workerPart,
      `(() => {
        self.__benchAnswers = 0;
        const post = self.postMessage.bind(self);
        self.postMessage = (message, ...rest) => {
          if (message && message.kind === 'result' && message.id >= 1e9) self.__benchAnswers++;
          return post(message, ...rest);
        };
        ${JSON.stringify(queries)}.forEach((query, i) => self.dispatchEvent(new MessageEvent('message', { data: { kind: 'call', id: 1e9 + i, name: 'search.query', input: { query } } })));
        return true;
      })()`
    );
    for (let waited = 0; Number(await probe.workerEvaluate(workerPart, 'self.__benchAnswers')) < queries.length; waited += 100) {
      if (waited > 30_000) throw new Error('The app worker did not answer the searches sent for the memory reading.');
      await sleep(100);
    }
    const afterSearch = await probe.workerHeap(workerPart);
    const pageAfter = await probe.pageHeap();
    memory.push({ label: `after ${queries.length} searches`, pageHeapMiB: MiB(pageAfter.usedSize), workerHeapMiB: MiB(afterSearch.usedSize), wasmMiB: MiB(afterSearch.wasmBytes) });
    await probe.detach();
    await closeAndSettle(page);
  }

  // Writes: end to end in the app's UI, then one-row writes through the typed layer.
  if (has('writes')) {
    log(`Writes in the UI: ${UI_WRITES} ticks and ${UI_WRITES} quick-adds...`);
    const page = await context.newPage();
    // Keeps the app's database worker within reach, so a tick can be timed to the worker's answer.
    await page.addInitScript(() => {
      const Native = window.Worker;
      window.Worker = class extends Native {
        constructor(...args: ConstructorParameters<typeof Worker>) {
          super(...args);
          if (args[1]?.name === 'daybook-database') window.__benchDatabaseWorker = this;
        }
      };
    });
    await page.goto(`${server.origin}/`);
    await page.locator('[aria-label="Today\'s tasks"] li').first().waitFor({ timeout: 30_000 });
    await sleep(300);
    const ticks = await page.evaluate(async (count) => {
      const samples: number[] = [];
      const answered: number[] = [];
      const worker = window.__benchDatabaseWorker;
      if (!worker) throw new Error('The database worker was not seen');
      const first = document.querySelector<HTMLInputElement>('[aria-label="Today\'s tasks"] li input[type="checkbox"]');
      if (!first) throw new Error('No task to tick');
      const id = first.id;
      for (let i = 0; i < count; i++) {
        const box = document.getElementById(id) as HTMLInputElement;
        const item = box.closest('li') as HTMLLIElement;
        const wasDone = item.classList.contains('done');
        const begin = performance.now();
        // Registered after the app's own listener: it runs once the app has handled the answer
        // (and its microtasks, where Svelte updates the page).
        const answer = new Promise<void>((resolve) => {
          const onAnswer = (event: MessageEvent<{ kind?: string }>) => {
            if (event.data?.kind !== 'result') return;
            worker.removeEventListener('message', onAnswer);
            answered.push(performance.now() - begin);
            resolve();
          };
          worker.addEventListener('message', onAnswer);
        });
        await new Promise<void>((resolve) => {
          const observer = new MutationObserver(() => {
            const now = document.getElementById(id)?.closest('li');
            if (now && now.classList.contains('done') !== wasDone) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(document.body, { subtree: true, attributes: true, childList: true });
          box.click();
        });
        samples.push(performance.now() - begin);
        await answer;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return { samples, answered };
    }, UI_WRITES % 2 === 0 ? UI_WRITES : UI_WRITES + 1);
    // Quick-adds from a real Enter key (Playwright's keyboard goes through Chromium's input
    // pipeline), timed in the page from the keydown's timestamp, 50 ms apart as typing pauses are.
    await page.evaluate(() => {
      window.__benchArmAdd = () => {
        const list = document.querySelector('[aria-label="Today\'s tasks"]') as HTMLElement;
        const before = list.querySelectorAll('li').length;
        window.__benchAdd = new Promise((resolve) => {
          let keyAt = Number.NaN;
          let shownAt = 0;
          addEventListener('keydown', (event) => (keyAt = event.timeStamp), { capture: true, once: true });
          const observer = new MutationObserver(() => {
            const current = document.querySelector('[aria-label="Today\'s tasks"]');
            if (!current || current.querySelectorAll('li').length <= before) return;
            shownAt ||= performance.now();
            // Stored: the worker answered and the row is no longer marked busy.
            if (!current.querySelector('li[aria-busy="true"]')) {
              observer.disconnect();
              resolve({ shown: shownAt - keyAt, stored: performance.now() - keyAt });
            }
          });
          observer.observe(document.body, { subtree: true, childList: true, attributes: true });
        });
      };
    });
    const adds = { samples: [] as number[], stored: [] as number[] };
    for (let i = 0; i < UI_WRITES; i++) {
      await page.fill('#new-task-title', `Benchmark quick add ${i}`);
      await sleep(50);
      await page.evaluate(() => window.__benchArmAdd?.());
      await page.keyboard.press('Enter');
      const timing = await page.evaluate(() => window.__benchAdd);
      if (!timing) throw new Error('The quick-add was not armed');
      adds.samples.push(timing.shown);
      adds.stored.push(timing.stored);
    }
    await closeAndSettle(page);

    log(`Writes through the typed layer: ${WRITES} task creates, ${SMALL_WRITES} ticks of a task and of a habit...`);
    const bench = await benchPage();
    await bench.evaluate((url) => window.bench.appOpen(url), workerUrl);
    const writeContext = { taskId: prepared.context.taskId, habitId: prepared.context.habitId, today };
    const creates = await bench.evaluate(([count, c]) => window.bench.appWrites('tasks.create', count, c), [WRITES, writeContext] as const);
    const pacedCreates = await bench.evaluate(([count, c]) => window.bench.appWrites('tasks.create', count, c, 50), [SMALL_WRITES, writeContext] as const);
    const statuses = await bench.evaluate(([count, c]) => window.bench.appWrites('tasks.setStatus', count, c), [SMALL_WRITES, writeContext] as const);
    const habits = await bench.evaluate(([count, c]) => window.bench.appWrites('habitLogs.upsert', count, c), [SMALL_WRITES, writeContext] as const);
    await bench.evaluate(() => window.bench.appTerminate());
    // A few days' first openings: one copy lasts about a second, 20 writes.
    const duringSnapshots: number[] = [];
    for (let day = 0; day < SNAPSHOT_DAYS; day++) duringSnapshots.push(...(await writesDuringTheDaysSnapshots(bench, writeContext)));
    await closeAndSettle(bench);
    layer = {
      ...layer,
      writes: {
        'tasks.create': summarize(creates),
        'tasks.create, 50 ms apart (as a person writes)': summarize(pacedCreates),
        "tasks.create, 50 ms apart, while the day's snapshot is taken": summarize(duringSnapshots),
        'tasks.setStatus (tick a task)': summarize(statuses),
        'habitLogs.upsert (tick a habit)': summarize(habits)
      },
      uiWrites: { 'Tick a task on Today (click to class change)': summarize(ticks.samples), 'Tick a task on Today (click to stored: the answer handled)': summarize(ticks.answered), 'Quick-add a task on Today (Enter key to new row)': summarize(adds.samples), 'Quick-add a task on Today (Enter key to row stored)': summarize(adds.stored) }
    };
  }

  // The database download through the typed layer (system.exportDatabase), next to a native copy.
  if (has('download')) {
    log('Download: system.exportDatabase through the typed layer...');
    const page = await benchPage();
    await page.evaluate((url) => window.bench.appOpen(url), workerUrl);
    const samples: number[] = [];
    let bytes = 0;
    for (let i = 0; i < (quick ? 2 : 5); i++) {
      const reading = await page.evaluate(async () => {
        const begin = performance.now();
        const answer = await window.bench.appCall('system.exportDatabase', undefined);
        const ms = performance.now() - begin;
        return { ms, bytes: answer.ok && answer.value instanceof Blob ? answer.value.size : 0 };
      });
      samples.push(reading.ms);
      bytes = reading.bytes;
    }
    await page.evaluate(() => window.bench.appTerminate());
    await closeAndSettle(page);
    log('Download: the database file, a JSON and an SQL export saved from the Data page...');
    const fromDataPage = await savesFromDataPage();
    download = { typedExport: summarize(samples), nativeCopy: summarize(nativeFileCopy(benchFile, 5)), megabytes: MiB(bytes), fromDataPage };
  }

  // Peers: the same workload on Daybook's stack, IndexedDB/Dexie and native.
  if (has('peers') && nativePeerStack) {
    const page = await benchPage();
    const wasmBulk: number[] = [];
    const untunedBulk: number[] = [];
    let wasmStack: Omit<PeerStack, 'bulkInsertRowsPerSecond'> | null = null;
    for (let trial = 0; trial < BULK_TRIALS; trial++) {
      log(`Peers: sqlite-wasm on opfs-sahpool in a worker, trial ${trial + 1}/${BULK_TRIALS}...`);
      await page.evaluate(([target]) => window.bench.worker('open', { target, tuned: true, retryMs: 2000, wipe: true }), [PEER_POOL] as const);
      const inserted = await page.evaluate(([rows]) => window.bench.worker('peerBulkInsert', { rows, tuned: true }), [PEER_ROWS] as const);
      wasmBulk.push((inserted.rows / inserted.ms) * 1000);
      if (trial === 0) {
        const reads = await page.evaluate(([reads]) => window.bench.worker('peerPointReads', { reads }), [PEER_READS] as const);
        const fromPage = await page.evaluate(([reads]) => window.bench.peerPointReadsFromPage(reads), [PEER_READS] as const);
        const setup = await page.evaluate(([documents]) => window.bench.worker('peerFtsSetup', { documents }), [PEER_DOCUMENTS] as const);
        const fts = await page.evaluate(([queries]) => window.bench.worker('peerFtsQueries', { queries }), [PEER_QUERIES] as const);
        wasmStack = { pointReads: summarize(reads.samples), pointReadsFromPage: summarize(fromPage), ftsSetupMs: setup.ms, ftsQueries: summarize(fts.samples), ftsHits: fts.hits };
      }
      await page.evaluate(() => window.bench.worker('close', null));
      untunedBulk.push(await untunedBulkInsert(page));
    }
    await page.evaluate(() => window.bench.terminateBenchWorker());

    const dexieBulk: number[] = [];
    let dexieStack: Omit<PeerStack, 'bulkInsertRowsPerSecond'> | null = null;
    for (let trial = 0; trial < BULK_TRIALS; trial++) {
      log(`Peers: IndexedDB through Dexie, trial ${trial + 1}/${BULK_TRIALS}...`);
      await page.evaluate(() => window.bench.dexieReset());
      const inserted = await page.evaluate(([rows]) => window.bench.dexieBulkInsert(rows), [PEER_ROWS] as const);
      dexieBulk.push((inserted.rows / inserted.ms) * 1000);
      if (trial === 0) {
        const reads = await page.evaluate(([reads]) => window.bench.dexiePointReads(reads), [PEER_READS] as const);
        const setup = await page.evaluate(([documents]) => window.bench.dexieFtsSetup(documents), [PEER_DOCUMENTS] as const);
        const fts = await page.evaluate(([queries]) => window.bench.dexieFtsQueries(queries), [PEER_QUERIES] as const);
        dexieStack = { pointReads: summarize(reads), ftsSetupMs: setup.ms, ftsQueries: summarize(fts.samples), ftsHits: fts.hits };
      }
    }
    await page.evaluate(() => window.bench.dexieReset());
    await closeAndSettle(page);
    if (wasmStack && dexieStack) {
      peers = {
        wasm: { bulkInsertRowsPerSecond: summarize(wasmBulk), ...wasmStack },
        wasmUntunedBulkRowsPerSecond: summarize(untunedBulk),
        dexie: { bulkInsertRowsPerSecond: summarize(dexieBulk), ...dexieStack },
        native: nativePeerStack
      };
    }
  }
  // Last, because the import and the restore replace the app's database (with the same data).
  if (has('bulk')) {
    log('Bulk: JSON export and import of everything, then a restore of the database file...');
    const page = await benchPage();
    const probe = await MemoryProbe.attach(page);
    await page.evaluate((url) => window.bench.appOpen(url), workerUrl);
    // The import's baseline, measured beside it: on this shared machine the raw rate moves by up to 1.7x between phases.
    const rawBefore = await untunedBulkInsert(page);
    await page.evaluate(() => window.bench.terminateBenchWorker());
    const imported = await page.evaluate(() => window.bench.appBulk());
    const { wasmBytes } = await probe.workerHeap(workerUrl);
    await probe.detach();
    const rawAfter = await untunedBulkInsert(page);
    await page.evaluate(() => window.bench.terminateBenchWorker());
    const restored = await page.evaluate(() => window.bench.appRestore());
    bulk = { ...imported, rawBesideImport: [rawBefore, rawAfter], wasmMiBAfterImport: MiB(wasmBytes), ...restored };
    await page.evaluate(() => window.bench.appTerminate());
    await closeAndSettle(page);
  }
} finally {
  chromiumVersion = context.browser()?.version() ?? '?';
  await context.close().catch(() => undefined);
  await server.close();
  rmSync(profileDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function gitDescription(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'migrations'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${commit} + uncommitted changes in src/ or migrations/` : commit;
  } catch {
    return 'unknown';
  }
}

const machine: Machine = {
  date: new Date().toISOString(),
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 1073741824),
  os: `${type()} ${release()}`,
  chromium: chromiumVersion,
  node: process.version,
  packages: Object.fromEntries(
    ['@sqlite.org/sqlite-wasm', 'kysely', 'kysely-wasm', 'valibot', 'svelte', '@sveltejs/kit', 'vite', 'dexie', 'better-sqlite3', '@playwright/test'].map((name) => [name, packageVersion(name)])
  ),
  nativeSqlite: nativeSqliteVersion,
  commit: gitDescription(),
  timersIsolated,
  loadAverage: { start: Math.round(loadAtStart * 100) / 100, end: Math.round((loadavg()[0] ?? Number.NaN) * 100) / 100 }
};

const results: Results = {
  machine,
  dataset: {
    file: seedFile.slice(ROOT.length),
    years: seedMeta.years,
    seed: seedMeta.seed,
    endDay: seedMeta.endDay,
    today,
    toppedUp: prepared.toppedUp,
    megabytes: MiB(statSync(benchFile).size),
    generationSeconds: seedMeta.generationSeconds,
    counts: seedMeta.counts
  },
  phases,
  durationSeconds: Math.round((performance.now() - started) / 1000),
  appOpenMs,
  ...(coldStart && { coldStart }),
  ...(Object.keys(layer).length > 0 && { layer }),
  ...(viewResults && { views: viewResults }),
  ...(searchResults && { searches: searchResults }),
  ...(download && { download }),
  ...(bulk && { bulk }),
  ...(peers && { peers }),
  ...(memory && { memory })
};

writeFileSync(join(DATA_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (args['no-report']) {
  log('Results in tests/bench/.data/results.json (BENCHMARKS.md left as it was).');
} else {
  writeReport(join(ROOT, 'BENCHMARKS.md'), results);
  log('Wrote BENCHMARKS.md and tests/bench/.data/results.json.');
}

clearInterval(keepAlive);

declare global {
  interface Window {
    __benchTodayShown?: number;
    __benchArmAdd?: () => void;
    __benchAdd?: Promise<{ shown: number; stored: number }>;
    __benchDatabaseWorker?: Worker;
    __benchTodayPainted?: number;
    __benchTodayRows?: number;
    __benchLongTasks?: number[];
  }
}
