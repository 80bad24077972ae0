import { database } from '../../app/database.svelte';
import { localDay } from '../../app/dates';
import { toasts } from '../../app/toasts.svelte';
import type { CommandInput } from '../../rpc/contract';
import type { RpcError } from '../../rpc/result';
import * as v from 'valibot';
import { isFinished, keepUnchanged, pendingTask, settle, TaskCreateInput, type Task } from './tasks';

/** One frame at 60 Hz: an answer sooner than this is drawn in the frame a provisional row would have been. */
const SHOW_PENDING_AFTER_MS = 16;

export type TaskDraft = Omit<CommandInput<'tasks.create'>, 'focusDate'>;
export type TaskPatch = Omit<CommandInput<'tasks.update'>, 'id'>;

/** Today's tasks as the Today page shows them; reloads itself whenever tasks change anywhere. */
export class TodayTasks {
  day = $state(localDay());
  tasks = $state.raw<readonly Task[]>([]);
  earlier = $state.raw<readonly Task[]>([]);
  loaded = $state(false);
  loadError = $state<string | null>(null);
  /** Bumped by every change shown before the worker confirms it; a load that started earlier is stale. */
  #localEdits = 0;
  /** Ids of tasks shown before the worker has stored them; they cannot be edited yet. */
  pending = $state.raw<ReadonlySet<string>>(new Set());
  /** Stored id → the provisional id the task was first shown under (see keyOf). */
  readonly #firstShownAs = new Map<string, string>();

  /**
   * The key a task's row is drawn under: the provisional id it was first shown with, also once it is
   * stored. Keyed by the stored id, the row was taken down and drawn again when the worker answered
   * (a second layout of the list, and focus on its checkbox lost); now it is updated in place.
   */
  keyOf(task: Task): string {
    return this.#firstShownAs.get(task.id) ?? task.id;
  }

  /** Starts listening for changes and for midnight; returns the cleanup. */
  connect(): () => void {
    void this.load();
    const stopListening = database.onTablesChanged(['tasks'], () => void this.load());
    // "Today" is the person's local day: roll over at midnight, or when the tab wakes up on a new day.
    const checkDay = () => {
      if (localDay() !== this.day) {
        this.day = localDay();
        void this.load();
      }
    };
    const timer = setInterval(checkDay, 30_000);
    document.addEventListener('visibilitychange', checkDay);
    return () => {
      stopListening();
      clearInterval(timer);
      document.removeEventListener('visibilitychange', checkDay);
    };
  }

  get remaining(): number {
    return this.tasks.filter((task) => !isFinished(task)).length;
  }

  async load(): Promise<void> {
    const edits = this.#localEdits;
    const [today, earlier] = await Promise.all([
      database.call('tasks.listForDay', { date: this.day }),
      database.call('tasks.listUnfinishedBefore', { date: this.day })
    ]);
    // The write that made the edit announces its change, and that reload brings the fresh list.
    if (edits !== this.#localEdits) return;
    if (!today.ok) {
      this.loadError = today.error.message;
      return;
    }
    this.tasks = keepUnchanged(this.tasks, today.value);
    this.earlier = keepUnchanged(this.earlier, earlier.ok ? earlier.value : []);
    this.loadError = null;
    this.loaded = true;
  }

  /**
   * Adds a task to today. Input the contract refuses is answered at once (`refused`), with the
   * worker's own messages (same schema). Otherwise `shown` settles when the task is on the list, and
   * `saved` with null, or with the worker's error once the task is off the list again.
   *
   * The worker usually answers before the next frame, and then the task is drawn once, as stored.
   * Only a slower answer puts a provisional row up first (marked pending) at the frame it would
   * have been drawn in anyway: drawing it at once cost a whole frame of the page that the answer
   * then waited behind (BENCHMARKS.md).
   */
  add(draft: TaskDraft): { refused: RpcError } | { shown: Promise<void>; saved: Promise<RpcError | null> } {
    const input = { ...draft, focusDate: this.day };
    const checked = v.safeParse(TaskCreateInput, input);
    if (!checked.success) {
      const [issue] = checked.issues;
      return { refused: { code: 'validation', message: issue.message, field: v.getDotPath(issue) ?? undefined } };
    }
    const provisional = pendingTask(checked.output, `pending-${crypto.randomUUID()}`, new Date());
    this.#localEdits++;
    let markShown: () => void = () => {};
    const shown = new Promise<void>((resolve) => (markShown = resolve));
    const showPending = setTimeout(() => {
      this.pending = new Set([...this.pending, provisional.id]);
      this.tasks = [...this.tasks, provisional];
      markShown();
    }, SHOW_PENDING_AFTER_MS);
    const saved = this.#store(provisional, input).finally(() => {
      clearTimeout(showPending);
      markShown();
    });
    return { shown, saved };
  }

  /** Stores the task; its provisional row, if one is up, becomes the stored row or goes away. */
  async #store(provisional: Task, input: CommandInput<'tasks.create'>): Promise<RpcError | null> {
    const answer = await database.call('tasks.create', input);
    this.pending = new Set([...this.pending].filter((id) => id !== provisional.id));
    if (!answer.ok) {
      this.tasks = this.tasks.filter((task) => task.id !== provisional.id);
      return answer.error;
    }
    if (this.tasks.some((task) => task.id === provisional.id)) this.#firstShownAs.set(answer.value.id, provisional.id);
    this.tasks = settle(this.tasks, provisional.id, answer.value);
    return null;
  }

  async update(id: string, patch: TaskPatch): Promise<RpcError | null> {
    const answer = await database.call('tasks.update', { id, ...patch });
    return answer.ok ? null : answer.error;
  }

  /** Shows the new status at once; the worker's answer confirms it, or it is put back with the reason. */
  async toggleDone(task: Task): Promise<void> {
    const status = task.status === 'done' ? 'todo' : 'done';
    this.#localEdits++;
    this.#replace({ ...task, status });
    const answer = await database.call('tasks.setStatus', { id: task.id, status });
    if (answer.ok) return this.#replace(answer.value);
    this.#replace(task);
    toasts.error(answer.error.message);
  }

  #replace(task: Task): void {
    this.tasks = this.tasks.map((shown) => (shown.id === task.id ? task : shown));
  }

  async moveToToday(task: Task): Promise<void> {
    const answer = await database.call('tasks.update', { id: task.id, focusDate: this.day });
    if (!answer.ok) toasts.error(answer.error.message);
  }

  /** Moves a task to the trash, with an Undo that restores it. */
  async remove(task: Task): Promise<void> {
    const answer = await database.call('tasks.delete', { id: task.id });
    if (!answer.ok) return toasts.error(answer.error.message);
    toasts.show(`Deleted “${task.title}”.`, {
      action: {
        label: 'Undo',
        run: async () => {
          const restored = await database.call('tasks.restore', { id: task.id });
          if (!restored.ok) toasts.error(restored.error.message);
        }
      }
    });
  }
}
