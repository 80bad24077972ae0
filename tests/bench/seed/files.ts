/// <reference types="node" />
import { fileURLToPath } from 'node:url';

/** tests/bench/.data/ (git-ignored): generated databases, the built bench page, results. */
export const DATA_DIR = fileURLToPath(new URL('../.data/', import.meta.url));

export function dataFile(years: number): string {
  return `${DATA_DIR}daybook-${years}y.sqlite3`;
}

/** What the generator writes beside each database. */
export interface SeedMeta {
  readonly seed: string;
  readonly years: number;
  readonly startDay: string;
  readonly endDay: string;
  readonly generatedAt: string;
  readonly generationSeconds: number;
  readonly commandsRun: number;
  readonly schemaVersion: number;
  readonly bytes: number;
  readonly todayTasks: number;
  readonly counts: Readonly<Record<string, number>>;
}
