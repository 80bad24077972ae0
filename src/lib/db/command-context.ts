import type { Kysely } from 'kysely';
import type { DatabaseHost } from './database-host';
import type { Tables } from './schema/tables';

/** What a command's `run` receives. `db` throws `unavailable` until the database is ready. */
export interface CommandContext {
  readonly db: Kysely<Tables>;
  readonly host: DatabaseHost;
  /** The current time; injectable so tests can move the clock. */
  now(): Date;
  /** This call's cancel signal and progress reporter (long work checks and reports between chunks). */
  readonly job: CallJob;
}

export interface CallJob {
  readonly signal: AbortSignal;
  /** `phase` names the step, for calls made of several. */
  progress(done: number, total: number, phase?: string): void;
}

const IDLE_JOB: CallJob = { signal: new AbortController().signal, progress: () => undefined };

export function createCommandContext(host: DatabaseHost, now: () => Date = () => new Date()): CommandContext {
  return {
    get db() {
      return host.session.kysely;
    },
    host,
    now,
    job: IDLE_JOB
  };
}

/** The call's job for one of its steps: the same signal, its progress reported under `phase`. */
export function jobInPhase(job: CallJob, phase: string): CallJob {
  return { signal: job.signal, progress: (done, total) => job.progress(done, total, phase) };
}

/** The same context, for one call with its own job. */
export function withJob(context: CommandContext, job: CallJob): CommandContext {
  return Object.assign(Object.create(context) as CommandContext, { job });
}
