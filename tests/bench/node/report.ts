/// <reference types="node" />
/**
 * Writes BENCHMARKS.md from one run's results. Everything is regenerated except two blocks that are
 * carried over from the previous file: the hand-written analysis (between the `analysis` markers) and
 * the run history, to which each run appends one line (the before/after record of fixes).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Summary } from '../shared/stats';
import { PEER_DOCUMENTS, PEER_QUERIES, PEER_READS, PEER_ROWS } from '../shared/workload';
import type { BulkReading, DataPageSave, Results, ViewResult } from './results';

const FRAME_MS = 16;
const ANALYSIS_START = '<!-- analysis:start (kept by npm run bench) -->';
const ANALYSIS_END = '<!-- analysis:end -->';
const HISTORY_START = '<!-- history:start (one line per run, kept by npm run bench) -->';
const HISTORY_END = '<!-- history:end -->';

function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 1) return `${(value * 1000).toFixed(0)} µs`;
  if (value < 10) return `${value.toFixed(2)} ms`;
  if (value < 1000) return `${value.toFixed(1)} ms`;
  return `${(value / 1000).toFixed(2)} s`;
}

function num(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : 'n/a';
}

function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}x` : 'n/a';
}

function verdict(met: boolean | null): string {
  return met === null ? 'not measured' : met ? '**met**' : '**missed**';
}

function pair(summary: Summary | undefined): string {
  return summary ? `${ms(summary.median)} / ${ms(summary.p95)}` : 'n/a';
}

function block(previous: string, start: string, end: string): string | null {
  const from = previous.indexOf(start);
  const to = previous.indexOf(end);
  return from >= 0 && to > from ? previous.slice(from + start.length, to).trim() : null;
}

function planLine(view: ViewResult['view']): string {
  return view.statements
    .map((statement) => statement.plan.map((line) => line.trim()).join('; '))
    .join(' ‖ ');
}

/** Plans that read a whole table, sort in a temporary b-tree, or views that answer with very many rows. */
function flags(result: ViewResult): string[] {
  const out: string[] = [];
  for (const statement of result.view.statements) {
    for (const line of statement.plan) {
      const text = line.trim();
      if (/^SCAN (?!.*VIRTUAL TABLE)(?!.*(CONSTANT ROW|tree|live|ranked|ancestors))/.test(text)) out.push(`full scan: \`${text}\``);
      if (/TEMP B-TREE/.test(text)) out.push(`sort: \`${text}\``);
    }
  }
  if (result.view.rows > 1000) out.push(`answers ${num(result.view.rows)} rows (${num(result.view.answerBytes / 1024)} KiB of JSON) in one message`);
  if (result.typed.p95 > FRAME_MS) out.push(`p95 ${ms(result.typed.p95)} > one frame`);
  return [...new Set(out)];
}

export function writeReport(path: string, results: Results): void {
  const previous = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const analysis = block(previous, ANALYSIS_START, ANALYSIS_END) ?? '_No analysis written yet._';
  const history = (block(previous, HISTORY_START, HISTORY_END) ?? '').split('\n').filter((line) => line.startsWith('| 20'));
  const { machine, dataset } = results;
  const lines: string[] = [];
  const add = (...text: string[]) => lines.push(...text);

  add(
    '# Benchmarks',
    '',
    `Daybook at ${dataset.years} years of heavy use, measured by \`npm run bench\` (tests/bench/run.ts) on ${machine.date.slice(0, 16).replace('T', ' ')} UTC`,
    `in ${Math.round(results.durationSeconds / 60)} min (phases: ${results.phases.join(', ')}). Re-running overwrites this file, except the`,
    'analysis and the run history at the end. Medians and p95 are over repeated trials; "typed" is a call',
    "through the app's RpcClient to the app's real (built) database worker, \"in worker\" the same SQL run",
    'inside a bare sqlite-wasm worker on the same OPFS file, "native" the same SQL in better-sqlite3 on a',
    'copy of the file (WAL, synchronous=NORMAL), half its trials right before and half right after the',
    "typed trials of the same view, so that a ratio compares the machine of one moment.",
    '',
    '## How to run',
    '',
    '```sh',
    'npm ci',
    'npm run seed -- --years 10          # the 10-year database (4-5 minutes here); --years 1 / 3 or --size small|medium for tests',
    'npm run bench                       # everything below (6-7 minutes on an idle machine, up to 9 when busy); builds the app if build/ is missing',
    'npm run bench -- --quick            # fewer trials, about 3 minutes; noisier',
    'npm run bench -- --only lists,search   # phases: layer, lists, search, cold, memory, writes, peers, download, bulk',
    'npm run bench -- --build --no-report   # rebuild the app first; leave this file alone (results.json only)',
    'BENCH_DEBUG=1 npm run bench -- --only cold   # also print every cold-start trial of the app',
    'BENCH_TRACE=1 npm run bench -- --only cold   # also keep a Chrome trace of the last one (tests/bench/.data/cold-start-trace.json)',
    '```',
    '',
    'Generated files live in tests/bench/.data/ (git-ignored): the databases, the bench pages, results.json.',
    '',
    '## Machine and versions',
    '',
    '| | |',
    '|---|---|',
    `| CPU | ${machine.cpu}, ${machine.cores} cores; 1-minute load average ${machine.loadAverage.start} at the start, ${machine.loadAverage.end} at the end (anything above 0 is other work competing for the cores) |`,
    `| Memory | ${machine.memoryGiB} GiB |`,
    `| OS | ${machine.os} |`,
    `| Browser | Chromium ${machine.chromium}, headless, through Playwright ${machine.packages['@playwright/test'] ?? '?'}, with a fresh on-disk profile (not incognito: there OPFS is held in memory behind IPC and is several times slower); bench pages cross-origin isolated (timer resolution ${machine.timersIsolated ? '5 µs' : '100 µs'}) |`,
    `| Node | ${machine.node} |`,
    `| App stack | @sqlite.org/sqlite-wasm ${machine.packages['@sqlite.org/sqlite-wasm'] ?? '?'} (opfs-sahpool), kysely ${machine.packages.kysely ?? '?'}, kysely-wasm ${machine.packages['kysely-wasm'] ?? '?'}, valibot ${machine.packages.valibot ?? '?'}, svelte ${machine.packages.svelte ?? '?'}, @sveltejs/kit ${machine.packages['@sveltejs/kit'] ?? '?'}, vite ${machine.packages.vite ?? '?'} |`,
    `| Peers | dexie ${machine.packages.dexie ?? '?'} (IndexedDB in the same Chromium); better-sqlite3 ${machine.packages['better-sqlite3'] ?? '?'} (SQLite ${machine.nativeSqlite}) |`,
    `| App code | ${machine.commit} |`,
    '',
    '## Dataset',
    '',
    `\`${dataset.file}\`: ${dataset.years} years of use ending ${dataset.endDay} (seed "${dataset.seed}"), ${dataset.megabytes} MiB, generated in ${dataset.generationSeconds} s through the app's command handlers (\`npm run seed\`).` +
      (dataset.toppedUp > 0 ? ` Today (${dataset.today}) got ${dataset.toppedUp} tasks through \`tasks.create\` because the seed ends on another day.` : ''),
    '',
    '| table | rows | table | rows | table | rows |',
    '|---|--:|---|--:|---|--:|'
  );
  const counts = Object.entries(dataset.counts).filter(([name]) => !name.startsWith('_'));
  for (let i = 0; i < counts.length; i += 3) {
    const cells = counts.slice(i, i + 3).map(([name, count]) => `${name} | ${num(count)}`);
    while (cells.length < 3) cells.push(' | ');
    add(`| ${cells.join(' | ')} |`);
  }

  // ------------------------------------------------------------------ targets
  const targets: [string, string, boolean | null][] = [];
  const layer = results.layer;
  if (layer?.typedRoundTrip && layer.bareRoundTrip) {
    const r = layer.typedRoundTrip.median / layer.bareRoundTrip.median;
    targets.push(['Message layer adds at most 20% to a bare postMessage round trip running the same query', `typed ${ms(layer.typedRoundTrip.median)} vs bare ${ms(layer.bareRoundTrip.median)} (medians): ${ratio(r)}`, r <= 1.2]);
  } else targets.push(['Message layer adds at most 20% to a bare round trip', 'not run', null]);
  const writes = { ...(layer?.writes ?? {}), ...(layer?.uiWrites ?? {}) };
  if (Object.keys(writes).length > 0) {
    const worst = Object.entries(writes).sort((a, b) => b[1].p95 - a[1].p95);
    const [name, summary] = worst[0] ?? ['', undefined];
    targets.push(['A one-row write from the UI: p95 under 8 ms end to end', `worst p95 ${ms(summary?.p95 ?? Number.NaN)} (${name}); ${worst.map(([label, s]) => `${label.split(' (')[0]} ${ms(s.p95)}`).join(', ')}`, worst.every(([, s]) => s.p95 < 8)]);
  } else targets.push(['A one-row write from the UI: p95 under 8 ms', 'not run', null]);
  if (results.views) {
    const over = results.views.filter((view) => view.typed.p95 >= FRAME_MS);
    const worst = [...results.views].sort((a, b) => b.typed.p95 - a.typed.p95)[0];
    targets.push([
      'Every list view p95 under 16 ms through the message layer',
      over.length === 0 ? `worst ${ms(worst?.typed.p95 ?? Number.NaN)} (${worst?.view.label ?? ''})` : `${over.length} of ${results.views.length} over: ${over.map((view) => `${view.view.label} ${ms(view.typed.p95)}`).join('; ')}`,
      over.length === 0
    ]);
  } else targets.push(['Every list view p95 under 16 ms', 'not run', null]);
  if (results.searches) {
    const bad = results.searches.filter((search) => search.typed.p95 >= FRAME_MS || search.typed.p95 > 2 * search.native.p95);
    const worst = [...results.searches].sort((a, b) => b.typed.p95 - a.typed.p95)[0];
    targets.push([
      'Full-text search p95 within 2x of native FTS5 on the same corpus, and under 16 ms',
      `worst p95 ${ms(worst?.typed.p95 ?? Number.NaN)} (${worst?.view.label ?? ''}) vs native ${ms(worst?.native.p95 ?? Number.NaN)}; ${bad.length} of ${results.searches.length} queries miss`,
      bad.length === 0
    ]);
  } else targets.push(['Full-text search p95 within 2x of native and under 16 ms', 'not run', null]);
  if (results.coldStart) {
    const r = results.coldStart.app.median / results.coldStart.bare.median;
    targets.push(['Cold start to Today within 1.3x of a bare sqlite-wasm open-and-query', `${ms(results.coldStart.app.median)} vs ${ms(results.coldStart.bare.median)} (medians): ${ratio(r)}`, r <= 1.3]);
  } else targets.push(['Cold start within 1.3x of bare', 'not run', null]);
  const raw = importBaseline(results);
  if (results.bulk && raw) {
    const rate = importRowsPerSecond(results.bulk);
    targets.push([
      'Bulk import at least as fast as raw sqlite-wasm bulk insert on sahpool',
      `JSON import of ${num(results.bulk.importedRows)} rows: ${num(rate)} rows/s end to end (undo snapshot and search index included) vs raw bulk insert ${num(raw.rowsPerSecond)} rows/s (${raw.source}): ${ratio(rate / raw.rowsPerSecond)}`,
      rate >= raw.rowsPerSecond
    ]);
  } else targets.push(['Bulk import at least as fast as raw sqlite-wasm bulk insert on sahpool', 'not run (needs the bulk and peers phases)', null]);
  if (results.download) {
    const r = results.download.typedExport.median / results.download.nativeCopy.median;
    targets.push(['Download of the database within 3x of a native file copy', `${ms(results.download.typedExport.median)} (system.exportDatabase, typed) vs ${ms(results.download.nativeCopy.median)} native copy of ${results.download.megabytes} MiB: ${ratio(r)}`, r <= 3]);
  } else targets.push(['Download within 3x of a native file copy', 'not run', null]);
  if (results.peers) {
    const { wasm, dexie } = results.peers;
    const checks: [string, boolean][] = [
      [`bulk insert ${num(wasm.bulkInsertRowsPerSecond.median)} vs ${num(dexie.bulkInsertRowsPerSecond.median)} rows/s`, wasm.bulkInsertRowsPerSecond.median > dexie.bulkInsertRowsPerSecond.median],
      [`point read from the page ${ms(wasm.pointReadsFromPage?.median ?? Number.NaN)} vs ${ms(dexie.pointReads.median)}`, (wasm.pointReadsFromPage?.median ?? Infinity) < dexie.pointReads.median],
      [`full-text query ${ms(wasm.ftsQueries.median)} vs ${ms(dexie.ftsQueries.median)}`, wasm.ftsQueries.median < dexie.ftsQueries.median]
    ];
    targets.push(['Faster than IndexedDB/Dexie on every workload of item 6', checks.map(([text, ok]) => `${text} ${ok ? '✓' : '✗'}`).join('; '), checks.every(([, ok]) => ok)]);
  } else targets.push(['Faster than IndexedDB/Dexie on every workload', 'not run', null]);
  if (results.views) {
    const whole = results.views.filter((view) => view.view.rows > 1000);
    targets.push([
      'Lists stay smooth: virtualized, no view loads a whole table',
      whole.length === 0
        ? 'no measured view answers more than 1,000 rows (virtualization of the UI lists is not measurable here: see the analysis)'
        : `unbounded: ${whole.map((view) => `${view.view.label} (${num(view.view.rows)} rows)`).join('; ')}`,
      whole.length === 0
    ]);
  }
  add('', '## Targets', '', '| Target | Measured | Verdict |', '|---|---|---|');
  for (const [target, measured, met] of targets) add(`| ${target} | ${measured} | ${verdict(met)} |`);

  // ------------------------------------------------------------------ 1. cold start
  add('', '## 1. Cold start', '');
  if (results.coldStart) {
    const c = results.coldStart;
    add(
      `From navigation start to Today's list in the DOM (${c.todayRows} tasks), on the ${dataset.years}-year database in the app's OPFS pool; warm HTTP cache, service worker blocked; one warm-up, then ${c.app.n} trials per side, alternating.`,
      'The bare side is a page whose worker loads the same sqlite-wasm build, installs the same sahpool, opens the file with the same settings and runs the SQL of Today\'s two queries.',
      '',
      '| | median | p95 | n |',
      '|---|--:|--:|--:|',
      `| App: Today's list in the DOM | ${ms(c.app.median)} | ${ms(c.app.p95)} | ${c.app.n} |`,
      `| App: first frame after it | ${ms(c.appPainted.median)} | ${ms(c.appPainted.p95)} | ${c.appPainted.n} |`,
      ...(c.appFirstOfDay ? [`| App, the day's first opening (the day's snapshot due): Today's list in the DOM | ${ms(c.appFirstOfDay.median)} | ${ms(c.appFirstOfDay.p95)} | ${c.appFirstOfDay.n} |`] : []),
      `| App: DOMContentLoaded | ${ms(c.appDomContentLoaded.median)} | ${ms(c.appDomContentLoaded.p95)} | ${c.appDomContentLoaded.n} |`,
      `| App: database worker script requested (the page starts the worker) | ${ms(c.appWorkerRequested.median)} | ${ms(c.appWorkerRequested.p95)} | ${c.appWorkerRequested.n} |`,
      `| App: from worker requested to Today in the DOM | ${ms(c.app.median - c.appWorkerRequested.median)} | | |`,
      ...(c.appDatabaseReady ? [`| App: \`system.open\` answered \`ready\` in the page (Today's early answers follow) | ${ms(c.appDatabaseReady.median)} | ${ms(c.appDatabaseReady.p95)} | ${c.appDatabaseReady.n} |`, `| App: from the database open to Today in the DOM (the page's part) | ${ms(c.app.median - c.appDatabaseReady.median)} | | |`] : []),
      `| Bare: worker script requested | ${ms(c.bareWorkerRequested.median)} | ${ms(c.bareWorkerRequested.p95)} | ${c.bareWorkerRequested.n} |`,
      `| Bare: from worker requested to rows answered | ${ms(c.bare.median - c.bareWorkerRequested.median)} | | |`,
      `| Bare sqlite-wasm worker: open + Today's queries answered | ${ms(c.bare.median)} | ${ms(c.bare.p95)} | ${c.bare.n} |`,
      `| **Ratio app / bare (the app's overhead)** | ${ratio(c.app.median / c.bare.median)} | ${ratio(c.app.p95 / c.bare.p95)} | |`,
      '',
      'The workers alone, started from the bench page (no UI, no Web Lock, no broker): where the overhead is not.',
      '',
      '| Worker only | median | p95 | n |',
      '|---|--:|--:|--:|',
      `| App worker: spawn → \`system.open\` answered | ${ms(c.workerOnly.appOpen.median)} | ${ms(c.workerOnly.appOpen.p95)} | ${c.workerOnly.appOpen.n} |`,
      `| App worker: spawn → Today's two calls answered | ${ms(c.workerOnly.appTotal.median)} | ${ms(c.workerOnly.appTotal.p95)} | ${c.workerOnly.appTotal.n} |`,
      `| Bare worker: spawn → pool installed, file open | ${ms(c.workerOnly.bareOpen.median)} | ${ms(c.workerOnly.bareOpen.p95)} | ${c.workerOnly.bareOpen.n} |`,
      `| Bare worker: spawn → Today's SQL answered | ${ms(c.workerOnly.bareTotal.median)} | ${ms(c.workerOnly.bareTotal.p95)} | ${c.workerOnly.bareTotal.n} |`,
      `| **Ratio app worker / bare worker** | ${ratio(c.workerOnly.appTotal.median / c.workerOnly.bareTotal.median)} | ${ratio(c.workerOnly.appTotal.p95 / c.workerOnly.bareTotal.p95)} | |`
    );
    if (Number.isFinite(results.appOpenMs)) add('', `For reference: \`system.open\` on the app's worker from the bench page (spawn, wasm, sahpool, migrations check) took ${ms(results.appOpenMs)} the first time.`);
  } else add('Not run.');

  // ------------------------------------------------------------------ 2. message layer
  add('', '## 2. Message layer', '');
  if (layer) {
    if (layer.typedRoundTrip) add("The four point-read rows take turns in blocks: the app's worker and a bare worker (on a copy of the file) are open at once, and each block runs typed, bare, empty and in-worker trials in a rotating order, so the ratio compares the machine of the same moment.", '');
    add('| Round trip | median | p95 | n |', '|---|--:|--:|--:|');
    const row = (label: string, summary: Summary | undefined) => summary && add(`| ${label} | ${ms(summary.median)} | ${ms(summary.p95)} | ${summary.n} |`);
    row('Empty postMessage round trip (page ↔ bare worker)', layer.emptyRoundTrip);
    row('The point read inside the worker (`tasks.get` SQL, no messages)', layer.inWorkerQuery);
    row('Bare postMessage round trip running that query', layer.bareRoundTrip);
    row("Typed layer: `tasks.get` through RpcClient to the app's worker", layer.typedRoundTrip);
    if (layer.typedRoundTrip && layer.bareRoundTrip) {
      add(`| **Ratio typed / bare** | ${ratio(layer.typedRoundTrip.median / layer.bareRoundTrip.median)} | ${ratio(layer.typedRoundTrip.p95 / layer.bareRoundTrip.p95)} | |`);
    }
    if (layer.writes || layer.uiWrites) {
      add('', 'One-row writes, each in its own transaction (typed: call to answer, back to back unless paced; UI: from the event, a click or the Enter key (its keydown), to the DOM change; "row stored" is when the new row is on the list and not marked busy, that is when the worker has answered (an answer within a frame draws the row once, as stored); "stored" for a tick is when the page has handled the worker’s answer):', '', '| Write | median | p95 | worst | n | p95 < 8 ms |', '|---|--:|--:|--:|--:|---|');
      const writeRow = (label: string, summary: Summary) => add(`| ${label} | ${ms(summary.median)} | ${ms(summary.p95)} | ${ms(summary.max)} | ${summary.n} | ${summary.p95 < 8 ? 'yes' : '**no**'} |`);
      for (const [label, summary] of Object.entries({ ...(layer.writes ?? {}) })) writeRow(`Typed: ${label}`, summary);
      for (const [label, summary] of Object.entries({ ...(layer.uiWrites ?? {}) })) writeRow(`UI: ${label}`, summary);
    }
  } else add('Not run.');

  // ------------------------------------------------------------------ 3. list views
  add('', `## 3. List views at ${dataset.years} years`, '');
  if (results.views) {
    add(
      'One row per list query (tests/bench/shared/views.ts: a new screen adds one entry there). "Rows" is the size of the answer.',
      '',
      '| View | Screen | Command | Rows | typed median | typed p95 | in worker median | native median | p95 < 16 ms |',
      '|---|---|---|--:|--:|--:|--:|--:|---|'
    );
    for (const v of results.views) {
      add(`| ${v.view.label} | ${v.view.screen} | \`${v.view.command}\` | ${num(v.view.rows)} | ${ms(v.typed.median)} | ${ms(v.typed.p95)} | ${ms(v.inWorker.median)} | ${ms(v.native.median)} | ${v.typed.p95 < FRAME_MS ? 'yes' : '**no**'} |`);
    }
    add('', '<details><summary>SQL and query plans</summary>', '');
    for (const v of [...results.views, ...(results.searches ?? [])]) {
      add(`**${v.view.label}** — \`${v.view.command}\` \`${JSON.stringify(v.view.input)}\``, '', '```');
      for (const statement of v.view.statements) add(statement.sql.replace(/\s+/g, ' ').trim(), ...statement.plan.map((line) => `  -> ${line}`));
      add('```', '');
    }
    add('</details>');
  } else add('Not run.');

  // ------------------------------------------------------------------ 4. search
  add('', '## 4. Search', '');
  if (results.searches) {
    add(
      `\`search.query\` over everything written in ${dataset.years} years (the FTS5 index of tasks, journal, learnings, meetings, feedback, decisions, events, goals, people, projects), the app's query (BM25, snippet, 50 hits).`,
      '',
      '| Query | Hits | typed median | typed p95 | in worker median | native median | native p95 | typed p95 / native p95 | met |',
      '|---|--:|--:|--:|--:|--:|--:|--:|---|'
    );
    for (const s of results.searches) {
      const r = s.typed.p95 / s.native.p95;
      add(`| ${s.view.label.replace('Search: ', '')} | ${num(s.view.rows)} | ${ms(s.typed.median)} | ${ms(s.typed.p95)} | ${ms(s.inWorker.median)} | ${ms(s.native.median)} | ${ms(s.native.p95)} | ${ratio(r)} | ${s.typed.p95 < FRAME_MS && r <= 2 ? 'yes' : '**no**'} |`);
    }
  } else add('Not run.');

  // ------------------------------------------------------------------ 5. bulk
  add(
    '',
    '## 5. Bulk',
    '',
    '| Workload | Measured | Reference |',
    '|---|---|---|',
    ...bulkRows(results),
    results.download
      ? `| Database download (\`system.exportDatabase\` through the typed layer, ${results.download.megabytes} MiB) | ${pair(results.download.typedExport)} (median / p95, n=${results.download.typedExport.n}) | native file copy ${pair(results.download.nativeCopy)}: ${ratio(results.download.typedExport.median / results.download.nativeCopy.median)} |`
      : '| Database download | not run | |',
    ...dataPageSaveRows(results.download?.fromDataPage),
    ...importPhaseRows(results.bulk)
  );

  // ------------------------------------------------------------------ 6. peers
  add('', '## 6. Peers and the limit', '');
  if (results.peers) {
    const { wasm, dexie, native, wasmUntunedBulkRowsPerSecond } = results.peers;
    const rowRatio = (value: number, reference: number) => ratio(reference / value);
    add(
      `Same workload on each: bulk insert of ${num(PEER_ROWS)} task rows in one transaction, ${num(PEER_READS)} point reads by primary key (one at a time), ${PEER_QUERIES} full-text queries over ${num(PEER_DOCUMENTS)} documents (top 20; SQLite: FTS5 MATCH with BM25 and snippet; Dexie: a multi-entry word index, intersected, no ranking).`,
      "Daybook's stack is sqlite-wasm on opfs-sahpool in a worker with the app's settings (exclusive locking, WAL, synchronous=NORMAL); native is better-sqlite3 on a file with WAL and synchronous=NORMAL.",
      'Ratios are "times slower than native" (1.00x = native).',
      '',
      "| Workload | Daybook's stack | IndexedDB / Dexie | native SQLite | Daybook / native | Dexie / native | Daybook faster than Dexie |",
      '|---|--:|--:|--:|--:|--:|---|',
      `| Bulk insert, rows/s (median of ${wasm.bulkInsertRowsPerSecond.n}) | ${num(wasm.bulkInsertRowsPerSecond.median)} | ${num(dexie.bulkInsertRowsPerSecond.median)} | ${num(native.bulkInsertRowsPerSecond.median)} | ${rowRatio(wasm.bulkInsertRowsPerSecond.median, native.bulkInsertRowsPerSecond.median)} | ${rowRatio(dexie.bulkInsertRowsPerSecond.median, native.bulkInsertRowsPerSecond.median)} | ${wasm.bulkInsertRowsPerSecond.median > dexie.bulkInsertRowsPerSecond.median ? 'yes' : '**no**'} |`,
      `| Point read, median / p95 (Daybook: from the page, one round trip each) | ${pair(wasm.pointReadsFromPage)} | ${pair(dexie.pointReads)} | ${pair(native.pointReads)} | ${ratio((wasm.pointReadsFromPage?.median ?? Number.NaN) / native.pointReads.median)} | ${ratio(dexie.pointReads.median / native.pointReads.median)} | ${(wasm.pointReadsFromPage?.median ?? Infinity) < dexie.pointReads.median ? 'yes' : '**no**'} |`,
      `| Point read inside the worker, median / p95 | ${pair(wasm.pointReads)} | | ${pair(native.pointReads)} | ${ratio(wasm.pointReads.median / native.pointReads.median)} | | |`,
      `| Full-text query, median / p95 | ${pair(wasm.ftsQueries)} | ${pair(dexie.ftsQueries)} | ${pair(native.ftsQueries)} | ${ratio(wasm.ftsQueries.median / native.ftsQueries.median)} | ${ratio(dexie.ftsQueries.median / native.ftsQueries.median)} | ${wasm.ftsQueries.median < dexie.ftsQueries.median ? 'yes' : '**no**'} |`,
      `| Building the full-text corpus (${num(PEER_DOCUMENTS)} documents), once | ${ms(wasm.ftsSetupMs)} | ${ms(dexie.ftsSetupMs)} | ${ms(native.ftsSetupMs)} | ${ratio(wasm.ftsSetupMs / native.ftsSetupMs)} | ${ratio(dexie.ftsSetupMs / native.ftsSetupMs)} | ${wasm.ftsSetupMs < dexie.ftsSetupMs ? 'yes' : '**no**'} |`,
      '',
      `For reference, sqlite-wasm on sahpool with SQLite's default settings (rollback journal, synchronous=FULL, normal locking) inserts ${num(wasmUntunedBulkRowsPerSecond.median)} rows/s (median of ${wasmUntunedBulkRowsPerSecond.n}): the "raw sqlite-wasm bulk insert" the JSON import is to match. Hits returned: Daybook ${num(wasm.ftsHits)}, Dexie ${num(dexie.ftsHits)}, native ${num(native.ftsHits)}.`
    );
  } else add('Not run.');

  // ------------------------------------------------------------------ 7. memory
  add('', '## 7. Memory', '');
  if (results.memory) {
    add(
      `The real app on the ${dataset.years}-year database, measured through the DevTools protocol after a forced GC: the page's JS heap, the database worker's JS heap (its own isolate) and its WebAssembly memory (SQLite's heap, page cache included).`,
      '',
      '| When | Page JS heap | Worker JS heap | Worker WebAssembly memory |',
      '|---|--:|--:|--:|'
    );
    for (const reading of results.memory) add(`| ${reading.label} | ${reading.pageHeapMiB ?? 'n/a'} MiB | ${reading.workerHeapMiB} MiB | ${reading.wasmMiB} MiB |`);
  } else add('Not run.');

  // ------------------------------------------------------------------ flags
  const flagged = [...(results.views ?? []), ...(results.searches ?? [])].map((view) => [view, flags(view)] as const).filter(([, list]) => list.length > 0);
  add('', '## Flagged by this run', '', 'Automatic: query plans that scan a whole table or sort in a temporary b-tree, answers over 1,000 rows, p95 over one frame.', '');
  if (flagged.length === 0) add('Nothing.');
  for (const [view, list] of flagged) add(`- **${view.view.label}** (\`${view.view.command}\`): ${list.join('; ')}`);

  add('', '## Analysis and fixes', '', ANALYSIS_START, analysis, ANALYSIS_END);

  // ------------------------------------------------------------------ history
  const cold = results.coldStart ? ratio(results.coldStart.app.median / results.coldStart.bare.median) : '–';
  const typedBare = layer?.typedRoundTrip && layer.bareRoundTrip ? ratio(layer.typedRoundTrip.median / layer.bareRoundTrip.median) : '–';
  const worstList = results.views ? [...results.views].sort((a, b) => b.typed.p95 - a.typed.p95)[0] : undefined;
  const worstSearch = results.searches ? [...results.searches].sort((a, b) => b.typed.p95 - a.typed.p95)[0] : undefined;
  const create = layer?.writes?.['tasks.create'];
  history.push(
    `| ${machine.date.slice(0, 16).replace('T', ' ')} | ${machine.commit} | ${results.phases.length === 8 ? 'all' : results.phases.join(', ')} (load ${machine.loadAverage.start}→${machine.loadAverage.end}) | ${cold} | ${typedBare} | ${worstList ? `${ms(worstList.typed.p95)} (${worstList.view.label})` : '–'} | ${worstSearch ? ms(worstSearch.typed.p95) : '–'} | ${create ? ms(create.p95) : '–'} |`
  );
  add(
    '',
    '## Run history',
    '',
    HISTORY_START,
    '| Run (UTC) | App code | Phases | Cold start app/bare | Typed/bare round trip | Worst list p95 | Worst search p95 | tasks.create p95 |',
    '|---|---|---|--:|--:|---|--:|--:|',
    ...history,
    HISTORY_END,
    ''
  );
  writeFileSync(path, lines.join('\n'));
}

/** The raw insert rate the import is held to: the one measured beside it if the run has it, else section 6's. */
function importBaseline(results: Results): { rowsPerSecond: number; source: string } | null {
  const beside = results.bulk?.rawBesideImport;
  if (beside && beside.length > 0) {
    const mean = beside.reduce((sum, rate) => sum + rate, 0) / beside.length;
    return { rowsPerSecond: mean, source: `the mean of ${beside.map((rate) => num(rate)).join(' and ')}, measured right before and after the import` };
  }
  const peers = results.peers?.wasmUntunedBulkRowsPerSecond.median;
  return peers === undefined ? null : { rowsPerSecond: peers, source: 'section 6' };
}

function importRowsPerSecond(bulk: BulkReading): number {
  return (bulk.importedRows / bulk.importMs) * 1000;
}

/** Section 5's rows for the JSON export/import and the restore (one pass each: they take seconds). */
function bulkRows(results: Results): string[] {
  const { bulk } = results;
  if (!bulk) return ['| Import of the whole dataset as JSON | not run | |', '| Restore | not run | |'];
  const raw = importBaseline(results);
  const reference = raw ? `raw sqlite-wasm bulk insert on sahpool ${num(raw.rowsPerSecond)} rows/s (${raw.source})` : 'raw sqlite-wasm bulk insert: run the peers phase';
  return [
    `| Export of everything as JSON (\`backup.exportJson\`, ${mebibytes(bulk.jsonBytes)}) | ${ms(bulk.exportMs)} | |`,
    `| Import of that JSON (\`backup.importJson\`: parse, undo snapshot, replace ${num(bulk.importedRows)} rows, indexes and search index rebuilt) | ${ms(bulk.importMs)}: ${num(importRowsPerSecond(bulk))} rows/s | ${reference} |`,
    `| Restore of the database file (\`restore.apply\`: check, undo snapshot, copy in; ${mebibytes(bulk.restoredBytes)}) | ${ms(bulk.restoreMs)} | |`
  ];
}

/** What each phase of an import does, in the order the import runs them. */
const IMPORT_PHASES: Readonly<Record<string, string>> = {
  sending: 'the file (a Blob, as the app sends it) reaches the worker, which reads it as text',
  snapshot: 'undo snapshot: a copy of the whole database file into the pool',
  checking: 'JSON.parse, the schema check of every row, the tables and columns',
  deleting: 'every current row deleted',
  writing: 'the backup’s rows inserted, table by table',
  indexing: 'triggers back, indexes built, the full-text index built in one statement, keys and counts checked',
  committing: 'COMMIT: the pages still in the cache written and the file flushed (no journal: the undo snapshot is the journal), then back to WAL'
};

/** Files saved from the Data page as a person saves them; the page's longest task says whether it froze. */
function dataPageSaveRows(saves: readonly DataPageSave[] | undefined): string[] {
  return (saves ?? []).map(
    (save) => `| Saved from the Data page: “${save.label}” (click to the browser's download) | ${ms(save.ms)} | the page's longest task meanwhile: ${save.longestTaskMs > 0 ? ms(save.longestTaskMs) : 'none of 50 ms or more'} |`
  );
}

/** The import's time by phase (from its progress messages), so the reader sees where it goes. */
function importPhaseRows(bulk: BulkReading | undefined): string[] {
  const phases = bulk?.importPhases;
  if (!bulk || !phases || phases.length === 0) return [];
  return [
    '',
    `Where the JSON import's ${ms(bulk.importMs)} go, by the phases its progress messages name (one pass):`,
    '',
    '| Phase | Time | Share | What happens |',
    '|---|--:|--:|---|',
    ...phases.map((phase) => `| ${phase.phase} | ${ms(phase.ms)} | ${((phase.ms / bulk.importMs) * 100).toFixed(0)}% | ${IMPORT_PHASES[phase.phase] ?? ''} |`)
  ];
}

function mebibytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}
