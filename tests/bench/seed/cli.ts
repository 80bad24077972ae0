/// <reference types="node" />
/**
 * `npm run seed -- --years 10` (or `--size small|medium|10y`): writes tests/bench/.data/daybook-<N>y.sqlite3
 * and a .json beside it describing what is inside (counts, seed, the last day of use).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { localDay } from '../shared/days';
import { generate } from './generate';
import { dataFile, type SeedMeta } from './files';

const SIZES: Readonly<Record<string, number>> = { small: 1, medium: 3, large: 10, '10y': 10 };

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    years: { type: 'string' },
    size: { type: 'string' },
    seed: { type: 'string', default: 'daybook' },
    end: { type: 'string' },
    out: { type: 'string' }
  },
  strict: true
});

const years = values.years !== undefined ? Number(values.years) : SIZES[values.size ?? '10y'];
if (years === undefined || !Number.isFinite(years) || years <= 0 || years > 30) {
  console.error('Usage: npm run seed -- --years <1..30> | --size small|medium|10y [--seed text] [--end YYYY-MM-DD] [--out file]');
  process.exit(2);
}
const endDay = values.end ?? localDay();
if (!/^\d{4}-\d{2}-\d{2}$/.test(endDay)) {
  console.error('--end must be a day like 2026-11-23');
  process.exit(2);
}
const out = values.out ?? dataFile(years);
const seed = values.seed ?? 'daybook';

console.log(`Generating ${years} year(s) of use ending ${endDay} (seed "${seed}") through the app's command handlers...`);
const started = performance.now();
let lastReport = 0;
const result = await generate({
  years,
  seed,
  endDay,
  onProgress: (message) => {
    const now = performance.now();
    if (now - lastReport > 5000) {
      lastReport = now;
      console.log(`  ${message}`);
    }
  }
});
const seconds = (performance.now() - started) / 1000;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, result.bytes);
const meta: SeedMeta = {
  seed,
  years,
  startDay: result.startDay,
  endDay,
  generatedAt: new Date().toISOString(),
  generationSeconds: Math.round(seconds * 10) / 10,
  commandsRun: result.commandsRun,
  schemaVersion: result.schemaVersion,
  bytes: result.bytes.byteLength,
  todayTasks: result.todayTasks,
  counts: result.counts
};
writeFileSync(out.replace(/\.sqlite3$/, '.json'), `${JSON.stringify(meta, null, 2)}\n`);
console.log(`Wrote ${out}: ${(result.bytes.byteLength / 1048576).toFixed(1)} MiB, ${result.commandsRun} commands in ${seconds.toFixed(1)} s.`);
const headline = ['tasks', 'time_entries', 'goals', 'goal_milestones', 'practice_sessions', 'journal_entries', 'learnings', 'meetings', 'meeting_attendees', 'people', 'habits', 'habit_logs', 'mood_logs', 'energy_checkins', 'decisions', 'feedback', 'events', 'tags'];
console.log(headline.map((table) => `${table} ${result.counts[table] ?? 0}`).join(', '));
