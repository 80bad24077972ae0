import type { CommandInput, CommandName, CommandOutput } from '../rpc/contract';
import type { Result } from '../rpc/result';
import { localDay } from '../app/dates';

/** A call run through the worker's queue and rolled back (RpcServer.rehearse). */
export type Rehearse = <K extends CommandName>(name: K, input: CommandInput<K>) => Promise<Result<CommandOutput<K>>>;

/**
 * Rehearses Today's writes (add a task, tick one) at the worker's first pause after opening, each
 * rolled back. The first write of a session cost 11-13 ms against 2-3 ms for the next ones at ten
 * years (BENCHMARKS.md): its JavaScript compiled on first use, its INSERT prepared with every
 * trigger, its pages read into a cold cache. A rehearsal pays that while nobody waits.
 */
export async function rehearseFirstWrites(rehearse: Rehearse, now = new Date()): Promise<void> {
  const date = localDay(now);
  await rehearse('tasks.create', { title: 'Rehearsal', focusDate: date });
  const today = await rehearse('tasks.listForDay', { date });
  const task = today.ok ? today.value[0] : undefined;
  if (task) await rehearse('tasks.setStatus', { id: task.id, status: task.status === 'done' ? 'todo' : 'done' });
}
