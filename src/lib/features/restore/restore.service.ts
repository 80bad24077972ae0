import { jobInPhase, type CommandContext } from '../../db/command-context';
import { openCandidate } from '../../db/backup/candidate';
import { summarize } from '../../db/backup/summary';
import type { RestorePreview, RestoreResult } from './restore';

/** Checks a file and describes it beside the current data; changes nothing. */
export async function previewRestore(context: CommandContext, bytes: Uint8Array): Promise<RestorePreview> {
  const { host } = context;
  const session = host.session;
  const candidate = await openCandidate(session.sqlite3, bytes, host.migrations, host.candidatePlace, context.job);
  try {
    return { incoming: { ...candidate.summary, fileSchemaVersion: candidate.fileSchemaVersion }, current: summarize(session.raw) };
  } finally {
    candidate.close();
  }
}

/**
 * Replaces the current data with the file's, after checking it and taking a snapshot of the
 * current data. The copy runs through SQLite's backup API in one step: it either completes or
 * leaves the current data as it was.
 */
export async function applyRestore(context: CommandContext, bytes: Uint8Array): Promise<RestoreResult> {
  const { host } = context;
  const candidate = await openCandidate(host.session.sqlite3, bytes, host.migrations, host.candidatePlace, context.job);
  try {
    const undoSnapshot = (await host.snapshots?.take('restore', context.now(), jobInPhase(context.job, 'snapshot'))) ?? null;
    await host.replaceWith(candidate.db, jobInPhase(context.job, 'restoring'));
    return { restored: summarize(host.session.raw), undoSnapshot };
  } finally {
    candidate.close();
  }
}
